package dev.notes.note;

/** No note has the given key (any more). The web layer answers 404. */
public class NoteNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoteNotFoundException(String key) {
        super("No note has the key '" + key + "'.");
    }
}
