package dev.notes.user;

/**
 * A use case that needs a logged-in caller was reached anonymously. The web layer checks the login
 * before, so this is the service's own guard, never an everyday answer.
 */
public class NotLoggedInException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotLoggedInException() {
        super("Please log in first.");
    }
}
