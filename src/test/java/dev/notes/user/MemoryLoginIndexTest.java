package dev.notes.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryLoginIndexTest {

    private static final Duration LIFETIME = Duration.ofHours(12);

    private final MemoryLoginIndex index = new MemoryLoginIndex(LIFETIME);

    @Test
    void listsAUsersLoginsNewestFirstAndForgetsEndedOnes() {
        Instant now = Instant.now();
        index.add("alice", login("a1", now.minusSeconds(60)));
        index.add("alice", login("a2", now));
        index.add("bob", login("b1", now));

        assertThat(index.of("alice")).extracting(ActiveLogin::id).containsExactly("a2", "a1");
        index.remove("alice", "a2");
        assertThat(index.of("alice")).extracting(ActiveLogin::id).containsExactly("a1");
        index.removeAll("alice");
        assertThat(index.of("alice")).isEmpty();
        assertThat(index.of("bob")).extracting(ActiveLogin::id).containsExactly("b1");
    }

    @Test
    void aLoginOlderThanTheSessionLifetimeIsNotListed() {
        Instant now = Instant.now();
        index.add("alice", login("old", now.minus(LIFETIME).minusSeconds(1)));
        index.add("alice", login("new", now));

        assertThat(index.of("alice")).extracting(ActiveLogin::id).containsExactly("new");
    }

    @Test
    void keepsTheNewestLoginsOfAUserUpToTheBound() {
        Instant now = Instant.now();
        for (int i = 0; i < LoginIndex.MAX_PER_USER + 5; i++) {
            index.add("alice", login("l" + i, now.minusSeconds(1_000 - i)));
        }

        List<ActiveLogin> listed = index.of("alice");
        assertThat(listed).hasSize(LoginIndex.MAX_PER_USER);
        assertThat(listed.get(0).id()).isEqualTo("l" + (LoginIndex.MAX_PER_USER + 4));
        assertThat(listed).extracting(ActiveLogin::id).doesNotContain("l0", "l4");
    }

    @Test
    void concurrentLoginsAndLogoutsOfOneUserLoseNothing() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        index.add("alice", login(thread + "-" + i, Instant.now()));
                        index.remove("alice", thread + "-" + i);
                    }
                    index.add("alice", login(thread + "-kept", Instant.now()));
                }));
            }
            for (Future<?> each : done) {
                each.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(index.of("alice")).extracting(ActiveLogin::id)
                .containsExactlyInAnyOrder("0-kept", "1-kept", "2-kept", "3-kept");
    }

    private static ActiveLogin login(String id, Instant startedAt) {
        return ActiveLogin.of(id, startedAt, "127.0.0.1", "Test browser");
    }
}
