package dev.notes.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The display names' cache on its own: a map stands in for the database, a settable clock for time. */
class DisplayNameCacheTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final AtomicLong nanos = new AtomicLong();
    private final Map<String, String> database = new HashMap<>(Map.of(
            "alice", "Alice Liddell", "bob", "Bob Dylan", "carol", "Carol King"));
    private final List<Set<String>> queries = new ArrayList<>();
    private final DisplayNameCache cache = new DisplayNameCache(100, MAX_AGE, nanos::get);

    private Map<String, String> query(Set<String> usernames) {
        queries.add(usernames);
        Map<String, String> found = new HashMap<>();
        usernames.stream().filter(database::containsKey).forEach(u -> found.put(u, database.get(u)));
        return found;
    }

    @Test
    void thoseNotKeptAreReadInOneQueryAndThenServedFromTheCache() {
        assertThat(cache.namesOf(List.of("alice"), this::query)).containsExactly(Map.entry("alice", "Alice Liddell"));

        Map<String, String> page = cache.namesOf(List.of("alice", "bob", "carol", "bob"), this::query);

        assertThat(page).containsOnly(Map.entry("alice", "Alice Liddell"), Map.entry("bob", "Bob Dylan"),
                Map.entry("carol", "Carol King"));
        assertThat(queries).containsExactly(Set.of("alice"), Set.of("bob", "carol"));
        cache.namesOf(List.of("alice", "bob", "carol"), this::query);
        assertThat(queries).as("all kept now").hasSize(2);
    }

    @Test
    void aNameIsReadAgainOnceItIsAsOldAsTheMaximumAge() {
        cache.namesOf(List.of("alice"), this::query);
        database.put("alice", "Alice Renamed");

        nanos.addAndGet(MAX_AGE.toNanos() - 1);
        assertThat(cache.namesOf(List.of("alice"), this::query)).containsEntry("alice", "Alice Liddell");
        nanos.addAndGet(1);
        assertThat(cache.namesOf(List.of("alice"), this::query)).containsEntry("alice", "Alice Renamed");
    }

    @Test
    void aForgottenNameIsReadAgainAtOnce() {
        cache.namesOf(List.of("alice"), this::query);
        database.put("alice", "Alice Renamed");

        cache.forget("alice");

        assertThat(cache.namesOf(List.of("alice"), this::query)).containsEntry("alice", "Alice Renamed");
    }

    @Test
    void aUsernameWithoutAccountShowsAsItselfAndIsLookedUpAgainNextTime() {
        assertThat(cache.namesOf(List.of("alice", "gone"), this::query))
                .containsOnly(Map.entry("alice", "Alice Liddell"), Map.entry("gone", "gone"));
        database.put("gone", "Back Again");

        assertThat(cache.namesOf(List.of("gone"), this::query)).containsEntry("gone", "Back Again");
    }
}
