package dev.notes.note;

/** Another note already has the key; the form shows this next to the key field. */
public class DuplicateNoteKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateNoteKeyException(String key) {
        super("A note with the key '" + key + "' exists already. Please choose another key.");
    }
}
