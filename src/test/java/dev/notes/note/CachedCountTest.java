package dev.notes.note;

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
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachedCountTest {

    private static final long WAIT_SECONDS = 10;

    private final AtomicLong clock = new AtomicLong();
    /** What the table holds; the count reads it each time it is taken. */
    private final AtomicLong rows = new AtomicLong(100);
    private final AtomicInteger counts = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    private CachedCount cachedCount(LongSupplier counter) {
        return new CachedCount(counter, Duration.ofSeconds(10), clock::get);
    }

    private long countRows() {
        counts.incrementAndGet();
        return rows.get();
    }

    @Test
    void readsWithoutChangesCountOnce() {
        CachedCount count = cachedCount(this::countRows);

        for (int i = 0; i < 100; i++) {
            assertThat(count.current()).isEqualTo(100);
        }
        assertThat(counts).hasValue(1);
    }

    @Test
    void aReportedChangeIsCountedByTheNextRead() {
        CachedCount count = cachedCount(this::countRows);
        count.current();

        rows.set(101);
        assertThat(count.current()).as("not reported yet").isEqualTo(100);
        count.changed();
        assertThat(count.current()).isEqualTo(101);
        assertThat(count.current()).isEqualTo(101);
        assertThat(counts).hasValue(2);
    }

    @Test
    void anUnreportedChangeShowsOnceTheCountIsTooOld() {
        CachedCount count = cachedCount(this::countRows);
        count.current();
        rows.set(250);

        clock.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(count.current()).isEqualTo(100);
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(count.current()).isEqualTo(250);
    }

    @Test
    void aChangeReportedWhileCountingMakesThatCountStale() {
        CachedCount[] holder = new CachedCount[1];
        // The change commits and is reported while the count runs: whether the count saw it is
        // unknown, so the next reader must count again.
        holder[0] = cachedCount(() -> {
            long seen = countRows();
            if (counts.get() == 1) {
                rows.set(101);
                holder[0].changed();
            }
            return seen;
        });
        CachedCount count = holder[0];

        assertThat(count.current()).isEqualTo(100);
        assertThat(count.current()).isEqualTo(101);
        assertThat(counts).hasValue(2);
    }

    @Test
    void readersArrivingDuringACountWaitForItAndShareIt() throws Exception {
        CountDownLatch counting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CachedCount count = cachedCount(() -> {
            counting.countDown();
            await(release);
            return countRows();
        });
        Future<Long> first = pool.submit(count::current);
        assertThat(counting.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        List<Future<Long>> waiting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waiting.add(pool.submit(count::current));
        }
        release.countDown();

        assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(100);
        for (Future<Long> reader : waiting) {
            assertThat(reader.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(100);
        }
        assertThat(counts).as("one count for all of them").hasValue(1);
    }

    @Test
    void aReaderWhoKnowsOfANewerChangeDoesNotTakeAnOlderCount() throws Exception {
        CountDownLatch counting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CachedCount count = cachedCount(() -> {
            long seen = countRows();
            if (counts.get() == 1) {
                counting.countDown();
                await(release);
            }
            return seen;
        });
        Future<Long> early = pool.submit(count::current);
        assertThat(counting.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        // A note is added and reported after the early count started, before a later reader asks.
        rows.set(101);
        count.changed();
        Future<Long> later = pool.submit(count::current);
        release.countDown();

        assertThat(early.get(WAIT_SECONDS, TimeUnit.SECONDS)).as("counted before the change").isEqualTo(100);
        assertThat(later.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(101);
    }

    @Test
    void aFailedCountIsNotKept() {
        AtomicInteger attempts = new AtomicInteger();
        CachedCount count = cachedCount(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("database away");
            }
            return countRows();
        });

        assertThatThrownBy(count::current).hasMessage("database away");
        assertThat(count.current()).isEqualTo(100);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
