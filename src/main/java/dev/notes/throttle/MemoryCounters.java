package dev.notes.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters of one instance on its own. Memory is bounded: at most {@code capacity} keys. When the
 * map is full, expired windows are removed (a scan, at most once a second, so that a flood cannot
 * make every request scan); if it is still full, a new key is counted in one shared overflow
 * window instead. That errs towards refusing (keys in the overflow share one limit) rather than
 * towards forgetting counts, which is what an attacker flooding distinct keys would want.
 */
public final class MemoryCounters implements Counters {

    static final String OVERFLOW_KEY = "\u0000overflow";
    private static final Duration PURGE_INTERVAL = Duration.ofSeconds(1);

    /** A window: its end, and the count within it. Replaced, never changed, once it has ended. */
    private record Window(Instant end, long count) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final int capacity;
    private final Clock clock;
    private volatile Instant nextPurge = Instant.MIN;

    public MemoryCounters(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Count increment(String key, Duration window) {
        Instant now = clock.instant();
        String counted = key;
        if (!windows.containsKey(key) && windows.size() >= capacity) {
            purgeExpired(now);
            if (windows.size() >= capacity) {
                counted = OVERFLOW_KEY;
            }
        }
        Window updated = windows.compute(counted, (k, current) -> current == null || !now.isBefore(current.end())
                ? new Window(now.plus(window), 1)
                : new Window(current.end(), current.count() + 1));
        return count(updated, now);
    }

    @Override
    public Count read(String key) {
        Instant now = clock.instant();
        Window window = windows.get(key);
        if (window == null) {
            window = windows.get(OVERFLOW_KEY);
        }
        return window == null ? Count.NONE : count(window, now);
    }

    /** How many keys are held (expired ones included until a purge). */
    int size() {
        return windows.size();
    }

    private void purgeExpired(Instant now) {
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_INTERVAL);
        windows.values().removeIf(window -> !now.isBefore(window.end()));
    }

    private static Count count(Window window, Instant now) {
        return now.isBefore(window.end()) ? new Count(window.count(), Duration.between(now, window.end())) : Count.NONE;
    }
}
