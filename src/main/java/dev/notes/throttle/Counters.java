package dev.notes.throttle;

import java.time.Duration;

/**
 * Fixed-window counters: the first {@link #increment} of a key opens its window, later ones add to
 * it, and the key is forgotten when the window ends. Chosen by configuration (see
 * {@code dev.notes.cluster.ThrottleCounters}): in memory when alone, in Redis in a cluster, so that
 * every instance counts the same failures.
 * <p>
 * Both methods throw {@link CountersUnavailableException} when the store cannot be reached.
 */
public interface Counters {

    /** A key's count in its current window, and how long until that window ends. */
    record Count(long value, Duration remaining) {

        public static final Count NONE = new Count(0, Duration.ZERO);
    }

    /** Adds one to {@code key}, opening a window of {@code window} if none is open; the new count. */
    Count increment(String key, Duration window);

    /** The count of {@code key} without changing it ({@link Count#NONE} if no window is open). */
    Count read(String key);
}
