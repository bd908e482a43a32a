package dev.notes.user;

/** The account may not be deleted now; the message says why, for the page to show. */
public class AccountDeletionRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccountDeletionRefusedException(String message) {
        super(message);
    }
}
