package dev.notes.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/** The instance-local caches of what is known of users: bounded in entries and in age. */
final class LocalCaches {

    private LocalCaches() {
    }

    /** At most {@code maxEntries} (the least recently used go first), each kept at most {@code maxAge} after it was written. */
    static <K, V> Cache<K, V> bounded(int maxEntries, Duration maxAge, Ticker ticker) {
        return Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(maxAge)
                .ticker(ticker)
                // Evictions run on the calling thread: no pool thread outside the server's management.
                .executor(Runnable::run)
                .build();
    }
}
