package dev.notes.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The epochs' cache on its own: a map stands in for the database, a settable clock for time. */
class SessionEpochCacheTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final AtomicLong nanos = new AtomicLong();
    private final Map<String, Long> database = new HashMap<>(Map.of("alice", 3L, "bob", 7L));
    private final Map<String, Integer> reads = new HashMap<>();
    private final SessionEpochCache cache = new SessionEpochCache(2, MAX_AGE, nanos::get);

    private long read(String username) {
        reads.merge(username, 1, Integer::sum);
        return database.get(username);
    }

    @Test
    void anEpochIsReadOnceAndThenServedFromTheCache() {
        assertThat(cache.current("alice", this::read)).isEqualTo(3);
        database.put("alice", 4L);
        assertThat(cache.current("alice", this::read)).as("within the maximum age").isEqualTo(3);
        assertThat(reads).containsEntry("alice", 1);
    }

    @Test
    void anEpochIsReadAgainOnceItIsAsOldAsTheMaximumAge() {
        cache.current("alice", this::read);
        database.put("alice", 4L);

        nanos.addAndGet(MAX_AGE.minusMillis(1).toNanos());
        assertThat(cache.current("alice", this::read)).isEqualTo(3);
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.current("alice", this::read)).isEqualTo(4);
        assertThat(reads).containsEntry("alice", 2);
    }

    @Test
    void aForgottenEpochIsReadAgainAtOnce() {
        cache.current("alice", this::read);
        cache.current("bob", this::read);
        database.put("alice", 4L);

        cache.forget("alice");

        assertThat(cache.current("alice", this::read)).isEqualTo(4);
        assertThat(cache.current("bob", this::read)).as("another user's entry stays").isEqualTo(7);
        assertThat(reads).containsEntry("alice", 2).containsEntry("bob", 1);
    }

    @Test
    void noMoreUsersAreKeptThanTheBound() {
        for (int user = 0; user < 100; user++) {
            database.put("user" + user, (long) user);
            cache.current("user" + user, this::read);
        }
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aFailedReadIsNotKept() {
        assertThatThrownBy(() -> cache.current("alice", username -> {
            throw new IllegalStateException("database away");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(cache.current("alice", this::read)).isEqualTo(3);
    }

    @Test
    void aReadUnderWayWhenItsUserIsForgottenIsNotKept() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        CompletableFuture<Long> slowRead = CompletableFuture.supplyAsync(() -> cache.current("alice", username -> {
            reading.countDown();
            await(changed);
            return 3L; // the value from before the change
        }));
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        database.put("alice", 4L);
        Thread forgetting = new Thread(() -> cache.forget("alice"), "forget-alice");
        forgetting.start();
        // The change is announced while the read is still under way: the forgetting waits for it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (forgetting.getState() != Thread.State.BLOCKED && forgetting.getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).as("the forgetting waits for the read").isLessThan(deadline);
            Thread.onSpinWait();
        }
        changed.countDown();
        forgetting.join(5_000);
        assertThat(forgetting.isAlive()).isFalse();

        assertThat(slowRead.get(5, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(cache.current("alice", this::read)).as("after the change was announced").isEqualTo(4);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
