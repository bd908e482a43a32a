package dev.notes.web;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The notes a logged-in reader opened last in this login, newest first, for the home page.
 *
 * <p>It changes in place on every note page a reader opens, and never through
 * {@code setAttribute}: in a cluster it reaches the other instances only because Weld sets its
 * session attribute again whenever a request uses it ({@code weld.properties}), and Liberty's session
 * cache writes what was set ({@code cluster-redis.xml}). {@code ClusterSessionIT} proves it.
 * Only keys are kept, so renamed and deleted notes show as they are now and the session stays small.
 */
@SessionScoped
public class RecentlyViewed implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int LIMIT = 5;

    private final Deque<String> keys = new ArrayDeque<>(LIMIT + 1);

    /** Moves the key to the front, dropping the oldest beyond the limit. */
    public synchronized void viewed(String key) {
        keys.remove(key);
        keys.addFirst(key);
        while (keys.size() > LIMIT) {
            keys.removeLast();
        }
    }

    public synchronized List<String> keys() {
        return List.copyOf(keys);
    }
}
