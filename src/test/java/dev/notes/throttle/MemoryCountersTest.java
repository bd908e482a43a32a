package dev.notes.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryCountersTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {

        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();

    @Test
    void countsWithinTheWindowAndSaysWhenItEnds() {
        MemoryCounters counters = new MemoryCounters(100, clock);
        assertThat(counters.increment("a", WINDOW)).isEqualTo(new Counters.Count(1, WINDOW));
        clock.advance(Duration.ofMinutes(5));
        assertThat(counters.increment("a", WINDOW)).isEqualTo(new Counters.Count(2, Duration.ofMinutes(10)));
        assertThat(counters.read("a")).isEqualTo(new Counters.Count(2, Duration.ofMinutes(10)));
        assertThat(counters.read("b")).isEqualTo(Counters.Count.NONE);
    }

    @Test
    void aWindowEndsAndTheNextStartsFromOne() {
        MemoryCounters counters = new MemoryCounters(100, clock);
        counters.increment("a", WINDOW);
        counters.increment("a", WINDOW);
        clock.advance(WINDOW);
        assertThat(counters.read("a")).isEqualTo(Counters.Count.NONE);
        assertThat(counters.increment("a", WINDOW)).isEqualTo(new Counters.Count(1, WINDOW));
    }

    @Test
    void aFloodOfDistinctKeysStaysWithinCapacityAndIsStillCounted() {
        MemoryCounters counters = new MemoryCounters(100, clock);
        for (int i = 0; i < 10_000; i++) {
            counters.increment("flood-" + i, WINDOW);
        }
        assertThat(counters.size()).isLessThanOrEqualTo(101);
        // Keys beyond capacity share the overflow window: counted together, so refused sooner.
        assertThat(counters.read("flood-9999").value()).isEqualTo(10_000 - 100);
        assertThat(counters.read("flood-0").value()).isEqualTo(1);
    }

    @Test
    void expiredWindowsMakeRoomForNewKeys() {
        MemoryCounters counters = new MemoryCounters(100, clock);
        for (int i = 0; i < 100; i++) {
            counters.increment("old-" + i, WINDOW);
        }
        clock.advance(WINDOW.plusSeconds(1));
        assertThat(counters.increment("new", WINDOW)).isEqualTo(new Counters.Count(1, WINDOW));
        assertThat(counters.size()).isEqualTo(1);
    }

    @Test
    void concurrentIncrementsAreAllCounted() throws Exception {
        MemoryCounters counters = new MemoryCounters(1_000, Clock.systemUTC());
        int threads = 8;
        int each = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        counters.increment("shared", Duration.ofHours(1));
                        counters.increment("own-" + thread, Duration.ofHours(1));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(counters.read("shared").value()).isEqualTo((long) threads * each);
        for (int t = 0; t < threads; t++) {
            assertThat(counters.read("own-" + t).value()).isEqualTo(each);
        }
    }
}
