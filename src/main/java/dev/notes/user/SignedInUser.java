package dev.notes.user;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The login, as kept in the HTTP session under {@link #SESSION_ATTRIBUTE}. Immutable and small:
 * it is what a shared session store carries from instance to instance (Liberty serialises it
 * into the session's bytes, so the session codec sees only those bytes).
 * <p>
 * {@code loggedInAt} is when the password was checked: with it every instance ends the login once
 * it is older than the absolute session lifetime, however busy the session. A login stored before
 * that component existed reads back without it (null) and counts as ended.
 */
public record SignedInUser(String username, String displayName, Set<String> groups, Instant loggedInAt)
        implements Serializable {

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

    /** Whether this login is {@code lifetime} old or older at {@code now}, or of unknown age. */
    public boolean hasOutlived(Duration lifetime, Instant now) {
        return loggedInAt == null || !now.isBefore(loggedInAt.plus(lifetime));
    }
}
