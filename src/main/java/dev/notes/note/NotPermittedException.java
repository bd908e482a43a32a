package dev.notes.note;

/** The caller is not allowed to do this (e.g. edit someone else's note). The web layer answers 403. */
public class NotPermittedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotPermittedException(String message) {
        super(message);
    }
}
