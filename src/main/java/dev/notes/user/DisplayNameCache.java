package dev.notes.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The display names this instance last read: at most {@code maxUsers} (the least recently used go
 * first), each kept at most {@code maxAge} after it was read, which bounds how long another
 * instance's rename goes unseen here. The names a page needs and this cache lacks are read in one
 * query ({@code source}); a username the source does not know (an account deleted since) is shown
 * as itself and not kept, so it is looked up again next time.
 */
final class DisplayNameCache {

    private final Cache<String, String> names;

    DisplayNameCache(int maxUsers, Duration maxAge, Ticker ticker) {
        names = LocalCaches.bounded(maxUsers, maxAge, ticker);
    }

    /** Each of {@code usernames} with its display name, the ones not kept read through {@code source} at once. */
    Map<String, String> namesOf(Collection<String> usernames,
                                Function<Set<String>, Map<String, String>> source) {
        Map<String, String> found = names.getAll(usernames, missing -> source.apply(Set.copyOf(missing)));
        if (found.size() == Set.copyOf(usernames).size()) {
            return found;
        }
        Map<String, String> complete = new HashMap<>(found);
        usernames.forEach(username -> complete.putIfAbsent(username, username));
        return complete;
    }

    void forget(String username) {
        names.invalidate(username);
    }
}
