package dev.notes.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.function.ToLongFunction;

/**
 * The users' current session epochs as this instance last read them, so that checking a login on
 * each request costs no round trip: at most {@code maxUsers} (the least recently used go first),
 * each kept at most {@code maxAge} after it was read. An entry is forgotten when the epoch changes
 * (here, or announced by another instance); {@code maxAge} bounds how long a change whose
 * announcement was lost goes unseen.
 * <p>
 * A read that is under way when its user's entry is forgotten does not keep what it read: Caffeine
 * makes the forgetting wait for the read, then removes its result, so a change is never hidden by
 * an older value read just before it.
 */
final class SessionEpochCache {

    private final Cache<String, Long> epochs;

    SessionEpochCache(int maxUsers, Duration maxAge, Ticker ticker) {
        epochs = LocalCaches.bounded(maxUsers, maxAge, ticker);
    }

    /** The user's epoch, read through {@code source} when not known or known for too long. */
    long current(String username, ToLongFunction<String> source) {
        return epochs.get(username, source::applyAsLong);
    }

    void forget(String username) {
        epochs.invalidate(username);
    }

    /** How many users' epochs are kept, after evicting what is due. */
    long size() {
        epochs.cleanUp();
        return epochs.estimatedSize();
    }
}
