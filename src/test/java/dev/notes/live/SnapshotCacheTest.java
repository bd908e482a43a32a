package dev.notes.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SnapshotCacheTest {

    private static final long WAIT_SECONDS = 10;

    private final AtomicLong clock = new AtomicLong();
    private final SnapshotCache cache = new SnapshotCache(3, 1_000, Duration.ofSeconds(10), clock::get);
    private final AtomicInteger builds = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(32);

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    /** A build that counts itself and returns {@code text}. */
    private Supplier<String> counted(String text) {
        return () -> {
            builds.incrementAndGet();
            return text;
        };
    }

    @Test
    void aSnapshotIsBuiltOnceForTheSameIdentityAndEventId() {
        assertThat(cache.snapshot("note:a", 5, counted("a@5"))).isEqualTo("a@5");
        assertThat(cache.snapshot("note:a", 5, counted("again"))).isEqualTo("a@5");
        assertThat(builds).hasValue(1);
    }

    @Test
    void identitiesAreKeptApart() {
        cache.snapshot("home", 5, counted("home@5"));
        cache.snapshot("home?after=k", 5, counted("page@5"));

        assertThat(cache.snapshot("home?after=k", 5, counted("again"))).isEqualTo("page@5");
        assertThat(builds).hasValue(2);
    }

    @Test
    void aNewerEventIdReplacesTheSnapshotAndAnOlderOneIsServedTheNewer() {
        cache.snapshot("note:a", 5, counted("a@5"));

        assertThat(cache.snapshot("note:a", 6, counted("a@6"))).isEqualTo("a@6");
        // A subscriber that read id 5 is owed every event after 5: it gets them all after 6 too, and 6 is in the snapshot.
        assertThat(cache.snapshot("note:a", 5, counted("a@5 again"))).isEqualTo("a@6");
        assertThat(builds).hasValue(2);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWaitForOneBuild() throws Exception {
        CountDownLatch allAsking = new CountDownLatch(32);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<String> slowBuild = () -> {
            builds.incrementAndGet();
            await(release);
            return "built once";
        };
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            answers.add(pool.submit(() -> {
                allAsking.countDown();
                return cache.snapshot("note:a", 9, slowBuild);
            }));
        }
        assertThat(allAsking.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        release.countDown();

        for (Future<String> answer : answers) {
            assertThat(answer.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("built once");
        }
        assertThat(builds).hasValue(1);
    }

    @Test
    void aFailedBuildIsNotKept() {
        assertThatThrownBy(() -> cache.snapshot("note:a", 1, () -> {
            throw new IllegalStateException("database away");
        })).hasMessage("database away");

        assertThat(cache.snapshot("note:a", 1, counted("a@1"))).isEqualTo("a@1");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void clearForgetsKeptSnapshotsAndThoseBeingBuilt() throws Exception {
        cache.snapshot("note:a", 1, counted("a@1 before"));
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> inFlight = pool.submit(() -> cache.snapshot("note:b", 1, () -> {
            building.countDown();
            await(release);
            return "b@1 before";
        }));
        assertThat(building.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        cache.clear();
        release.countDown();

        assertThat(inFlight.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("b@1 before");
        assertThat(cache.snapshot("note:a", 1, counted("a@1 after"))).isEqualTo("a@1 after");
        assertThat(cache.snapshot("note:b", 1, counted("b@1 after"))).isEqualTo("b@1 after");
    }

    @Test
    void anOldSnapshotIsRebuilt() {
        cache.snapshot("note:a", 1, counted("first"));
        clock.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(cache.snapshot("note:a", 1, counted("second"))).isEqualTo("first");

        clock.addAndGet(1);
        assertThat(cache.snapshot("note:a", 1, counted("third"))).isEqualTo("third");
    }

    @Test
    void theLeastRecentlyUsedGoBeyondTheEntryBound() {
        cache.snapshot("a", 1, counted("a"));
        cache.snapshot("b", 1, counted("b"));
        cache.snapshot("c", 1, counted("c"));
        cache.snapshot("a", 1, counted("a again"));

        cache.snapshot("d", 1, counted("d"));

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.snapshot("a", 1, counted("a rebuilt"))).isEqualTo("a");
        assertThat(cache.snapshot("b", 1, counted("b rebuilt"))).isEqualTo("b rebuilt");
    }

    @Test
    void theLeastRecentlyUsedGoBeyondTheCharacterBound() {
        cache.snapshot("a", 1, counted("x".repeat(400)));
        cache.snapshot("b", 1, counted("y".repeat(400)));

        cache.snapshot("c", 1, counted("z".repeat(400)));

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.snapshot("a", 1, counted("a rebuilt"))).isEqualTo("a rebuilt");
    }

    @Test
    void aSnapshotLargerThanTheBoundIsServedButNotKept() {
        assertThat(cache.snapshot("big", 1, counted("x".repeat(2_000)))).hasSize(2_000);

        assertThat(cache.size()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released within " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
