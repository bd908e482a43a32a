package dev.notes.note;

/**
 * The note changed (or was deleted and re-created) after the editor loaded it. Saving would
 * silently overwrite someone else's work, so the edit is refused and the editor reloads.
 */
public class StaleNoteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleNoteException(String key) {
        super("Someone else changed the note '" + key + "' while you were editing it. "
                + "Your text is still in the form: reload the note to see their version.");
    }
}
