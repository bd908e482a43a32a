package dev.notes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DroppedEventsTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private final DroppedEvents dropped = new DroppedEvents("event", Duration.ofMinutes(1));

    @Test
    void theFirstIsLoggedAtOnceThenAtMostOneLinePerIntervalSummingUpTheRest() {
        long start = 1_000 * SECOND;
        assertThat(dropped.drop("not a JSON object", start)).hasValueSatisfying(line -> assertThat(line)
                .startsWith("Dropped a message").contains("(the latest: not a JSON object)").contains("1 since start"));

        int silent = 0;
        for (int i = 1; i <= 10_000; i++) {
            if (dropped.drop("signature does not match", start + i * 5_000_000L).isEmpty()) {
                silent++;
            }
        }
        assertThat(silent).as("10,000 drops within 50 s").isEqualTo(10_000);

        Optional<String> next = dropped.drop("not signed", start + 60 * SECOND);
        assertThat(next).hasValueSatisfying(line -> assertThat(line)
                .startsWith("Dropped 10001 messages").contains("(the latest: not signed)").contains("10002 since start"));
        assertThat(dropped.total()).isEqualTo(10_002);
        assertThat(dropped.drop("x", start + 61 * SECOND)).isEmpty();
    }

    @Test
    void nothingDroppedCountsNothing() {
        assertThat(dropped.total()).isZero();
    }
}
