package dev.notes.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;

/**
 * The notes a logged-in reader opened last in this login, newest first, for the home page.
 *
 * <p>Kept in the HTTP session as an immutable {@link RecentKeys}, set again only when a visit
 * changes it: in a cluster, Liberty's session cache writes the attributes a request set
 * ({@code cluster-redis.xml}), so a change reaches the other instances, and a page view that changes
 * nothing (the note already first) writes nothing. {@code ClusterSessionIT} proves the first.
 * Only keys are kept, so renamed and deleted notes show as they are now and the session stays small.
 */
@RequestScoped
public class RecentlyViewed {

    /** Short for Redis's sake, as {@link dev.notes.user.SignedInUser#SESSION_ATTRIBUTE}. */
    static final String SESSION_ATTRIBUTE = "notes.rv";

    @Inject
    private HttpServletRequest request;

    /** Moves the key to the front of the logged-in reader's list (whose login made the session). */
    public void viewed(String key) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        RecentKeys before = stored(session);
        RecentKeys after = before.after(key);
        if (!after.equals(before)) {
            session.setAttribute(SESSION_ATTRIBUTE, after);
        }
    }

    /** Empty without a session: reading never creates one. */
    public List<String> keys() {
        HttpSession session = request.getSession(false);
        return session == null ? List.of() : stored(session).keys();
    }

    private static RecentKeys stored(HttpSession session) {
        return session.getAttribute(SESSION_ATTRIBUTE) instanceof RecentKeys keys ? keys : RecentKeys.NONE;
    }
}
