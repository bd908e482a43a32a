package dev.notes.user;

import java.util.Optional;

/**
 * Who is acting: how the domain services learn their caller, rather than taking a name as a
 * parameter from whoever calls them, which would let any caller act in another's name. The
 * application's adapter is {@link SecurityContextCaller}, over Jakarta Security; the Arquillian
 * tests replace it with one that acts as the user a test names.
 */
public interface Caller {

    /** The logged-in user's name; empty for an anonymous caller. */
    Optional<String> username();

    /**
     * Whether the caller logged in as an administrator ({@link SignedInUser#ADMINISTRATOR_GROUP}):
     * one may delete any note or comment and moderate accounts.
     */
    boolean isAdministrator();

    /**
     * The logged-in user's name, for a use case that needs one.
     *
     * @throws NotLoggedInException for an anonymous caller
     */
    default String requireUsername() {
        return username().orElseThrow(NotLoggedInException::new);
    }
}
