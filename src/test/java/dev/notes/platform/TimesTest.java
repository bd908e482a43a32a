package dev.notes.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

    @Test
    void nowIsTruncatedToMilliseconds() {
        Instant now = Times.now();
        assertThat(now.getNano() % 1_000_000).isZero();
        assertThat(now).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(1));
    }

    @Test
    void displayAndIsoFormsNameTheSameMomentInUtc() {
        Instant moment = Instant.parse("2026-11-29T14:05:31.123Z");
        assertThat(Times.display(moment)).isEqualTo("2026-11-29 14:05 UTC");
        assertThat(Times.iso(moment)).isEqualTo("2026-11-29T14:05:31.123Z");
        assertThat(Times.display(null)).isEmpty();
    }
}
