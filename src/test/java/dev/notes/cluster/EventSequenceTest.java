package dev.notes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventSequenceTest {

    private final EventSequence sequence = new EventSequence();

    @Test
    void theFirstIdEverSeenMissesNothingWhateverItIs() {
        assertThat(sequence.highest()).isZero();
        assertThat(sequence.arrivedWithGap(500)).isFalse();
        assertThat(sequence.highest()).isEqualTo(500);
    }

    @Test
    void consecutiveIdsHaveNoGap() {
        for (long id = 1; id <= 5; id++) {
            assertThat(sequence.arrivedWithGap(id)).isFalse();
        }
        assertThat(sequence.highest()).isEqualTo(5);
    }

    @Test
    void aSkippedIdIsAGap() {
        sequence.arrivedWithGap(1);
        sequence.arrivedWithGap(2);
        assertThat(sequence.arrivedWithGap(4)).isTrue();
        assertThat(sequence.arrivedWithGap(5)).isFalse();
    }

    @Test
    void aLateOrRepeatedIdIsNoGapAndDoesNotLowerTheHighest() {
        sequence.arrivedWithGap(10);
        assertThat(sequence.arrivedWithGap(11)).isFalse();
        assertThat(sequence.arrivedWithGap(9)).isFalse();
        assertThat(sequence.arrivedWithGap(11)).isFalse();
        assertThat(sequence.highest()).isEqualTo(11);
        assertThat(sequence.arrivedWithGap(12)).isFalse();
    }

    @Test
    void theFirstIdAndIdsThatSkipSomeAreToBeCheckedTheNextOneIsNot() {
        assertThat(sequence.isFirstOrAhead(1)).isTrue();
        sequence.arrivedWithGap(10);
        assertThat(sequence.isFirstOrAhead(11)).isFalse();
        assertThat(sequence.isFirstOrAhead(3)).isFalse();
        assertThat(sequence.isFirstOrAhead(12)).isTrue();
        assertThat(sequence.isFirstOrAhead(Long.MAX_VALUE)).isTrue();
    }

    @Test
    void idsArrivingOnSeveralThreadsEndAtTheHighest() throws Exception {
        sequence.arrivedWithGap(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long first = 2 + t;
                work.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    for (long id = first; id <= 4_001; id += 4) {
                        sequence.arrivedWithGap(id);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> done : work) {
                done.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sequence.highest()).isEqualTo(4_001);
        assertThat(sequence.arrivedWithGap(4_002)).isFalse();
    }
}
