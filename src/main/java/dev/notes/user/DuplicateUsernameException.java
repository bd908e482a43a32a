package dev.notes.user;

/** The username is taken; the registration form shows this next to the field. */
public class DuplicateUsernameException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateUsernameException(String username) {
        super("The username '" + username + "' is taken. Please choose another.");
    }
}
