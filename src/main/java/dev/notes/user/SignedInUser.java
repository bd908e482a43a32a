package dev.notes.user;

import java.io.Serializable;
import java.util.Set;

/**
 * The login, as kept in the HTTP session under {@link #SESSION_ATTRIBUTE}. Immutable and small:
 * it is what a shared session store carries from instance to instance.
 */
public record SignedInUser(String username, String displayName, Set<String> groups) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Short, as Redis sees it several times a request: in a cluster, Liberty keys the attribute as
     * "session id.name" and lists every attribute name in the session's metadata, which it sends
     * twice (old and new) whenever it rewrites it.
     */
    public static final String SESSION_ATTRIBUTE = "notes.u";

    /** The one role of this application: every registered user has it. */
    public static final String USER_GROUP = "user";

    public SignedInUser {
        groups = Set.copyOf(groups);
    }
}
