package dev.notes.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitsTest {

    @Test
    void retryAfterRoundsUpAndIsNeverZero() {
        assertThat(Waits.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(Waits.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
        assertThat(Waits.retryAfterSeconds(Duration.ofMillis(59_001))).isEqualTo(60);
    }

    @Test
    void wordsRoundUpToWholeMinutes() {
        assertThat(Waits.inWords(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(Waits.inWords(Duration.ofSeconds(45))).isEqualTo("45 seconds");
        assertThat(Waits.inWords(Duration.ofSeconds(60))).isEqualTo("1 minute");
        assertThat(Waits.inWords(Duration.ofSeconds(61))).isEqualTo("2 minutes");
        assertThat(Waits.inWords(Duration.ofMinutes(15))).isEqualTo("15 minutes");
    }
}
