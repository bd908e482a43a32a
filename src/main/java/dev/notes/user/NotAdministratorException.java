package dev.notes.user;

/** A moderation use case asked for by a caller who did not log in as an administrator. */
public class NotAdministratorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotAdministratorException() {
        super("Only an administrator may do this.");
    }
}
