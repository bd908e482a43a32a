package dev.notes.user;

/** A moderation that cannot be done, with a sentence saying why (no such user; one's own account). */
public class ModerationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModerationRefusedException(String message) {
        super(message);
    }
}
