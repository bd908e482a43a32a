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
 * <p>
 * {@code sessionEpoch} is the user's session epoch when the password was checked: a login whose
 * epoch is below the user's current one is ended ({@link SessionEpochs}). A login stored before
 * that component existed reads back with 0, the epoch every user started with.
 * <p>
 * {@code loginId} names this login in its user's {@link LoginIndex} (random, not the session id,
 * which the account page must never show); a login from before it existed reads back with null and
 * is not listed.
 */
public record SignedInUser(String username, String displayName, Set<String> groups, Instant loggedInAt,
                           long sessionEpoch, String loginId) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Short, as Redis sees it several times a request: in a cluster, Liberty keys the attribute as
     * "session id.name" and lists every attribute name in the session's metadata, which it sends
     * twice (old and new) whenever it rewrites it.
     */
    public static final String SESSION_ATTRIBUTE = "notes.u";

    /** The role every registered user has. */
    public static final String USER_GROUP = "user";

    /**
     * The moderators' role, given at login to a user marked administrator: a promotion counts from
     * the promoted user's next login.
     */
    public static final String ADMINISTRATOR_GROUP = "administrator";

    public SignedInUser {
        groups = Set.copyOf(groups);
    }

    /** The same login under another display name. */
    public SignedInUser withDisplayName(String newDisplayName) {
        return new SignedInUser(username, newDisplayName, groups, loggedInAt, sessionEpoch, loginId);
    }

    /** The same login, moved to another session epoch: the one its own password change began. */
    public SignedInUser withSessionEpoch(long newEpoch) {
        return new SignedInUser(username, displayName, groups, loggedInAt, newEpoch, loginId);
    }

    public boolean isAdministrator() {
        return groups.contains(ADMINISTRATOR_GROUP);
    }

    /** Whether this login is {@code lifetime} old or older at {@code now}, or of unknown age. */
    public boolean hasOutlived(Duration lifetime, Instant now) {
        return loggedInAt == null || !now.isBefore(loggedInAt.plus(lifetime));
    }
}
