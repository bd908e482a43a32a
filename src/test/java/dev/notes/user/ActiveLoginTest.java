package dev.notes.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActiveLoginTest {

    private static final Instant STARTED = Instant.parse("2026-12-03T04:00:00.123Z");

    @Test
    void readsBackWhatItWrote() {
        ActiveLogin login = ActiveLogin.of("id-1", STARTED, "198.51.100.7", "Mozilla/5.0 (X11; Linux x86_64)");

        assertThat(ActiveLogin.decode("id-1", login.encode())).contains(login);
    }

    @Test
    void aBrowserNameIsBoundedAndPrintable() {
        ActiveLogin login = ActiveLogin.of("id-1", STARTED, "10.0.0.1\r\n", "evil\tagent\nline" + "x".repeat(500));

        assertThat(login.browser()).hasSize(ActiveLogin.BROWSER_MAX).startsWith("evil agent line").doesNotContain("\t", "\n");
        assertThat(login.address()).isEqualTo("10.0.0.1");
        assertThat(ActiveLogin.decode("id-1", login.encode())).contains(login);
        assertThat(ActiveLogin.of("id-2", STARTED, null, " ").browser()).isEqualTo("unknown");
    }

    @Test
    void anythingElseReadsAsNothing() {
        assertThat(ActiveLogin.decode("id", "not a login")).isEmpty();
        assertThat(ActiveLogin.decode("id", "soon\t1.2.3.4\tbrowser")).isEmpty();
        assertThat(ActiveLogin.decode("id", null)).isEmpty();
    }
}
