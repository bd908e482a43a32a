package dev.notes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResyncPacingTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private final ResyncPacing pacing = new ResyncPacing(Duration.ofSeconds(10));

    @Test
    void theFirstRunsAtOnceAndOneOnlyAfterTheIntervalRunsAtOnceAgain() {
        long start = -5 * SECOND; // nanoTime readings may be negative
        assertThat(pacing.request(start)).hasValue(0);
        assertThat(pacing.request(start + 10 * SECOND)).hasValue(0);
        assertThat(pacing.request(start + 25 * SECOND)).hasValue(0);
    }

    @Test
    void onesWithinTheIntervalBecomeOnePutOffToItsEnd() {
        long start = 100 * SECOND;
        pacing.request(start);

        assertThat(pacing.request(start + 3 * SECOND)).hasValue(7 * SECOND);
        for (int i = 0; i < 1_000; i++) {
            assertThat(pacing.request(start + 4 * SECOND + i)).isEmpty();
        }

        pacing.deferredRuns(start + 10 * SECOND);
        assertThat(pacing.request(start + 11 * SECOND)).as("the put-off one started the next interval")
                .hasValue(9 * SECOND);
    }

    @Test
    void aFloodOfRequestsRunsAtMostOnePerInterval() {
        long start = 0;
        int runs = 0;
        long deferredAt = -1;
        for (long now = start; now < start + 60 * SECOND; now += SECOND / 100) {
            if (deferredAt >= 0 && now >= deferredAt) {
                pacing.deferredRuns(now);
                runs++;
                deferredAt = -1;
            }
            var delay = pacing.request(now);
            if (delay.isPresent() && delay.getAsLong() == 0) {
                runs++;
            } else if (delay.isPresent()) {
                deferredAt = now + delay.getAsLong();
            }
        }
        assertThat(runs).as("resyncs in 60 s of requests every 10 ms").isBetween(6, 7);
    }
}
