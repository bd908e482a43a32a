package dev.notes.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    @Test
    void aUsernameInTheLogCannotForgeALine() {
        assertThat(LoginThrottle.forLog("alice\nINFO Login succeeded: user \"admin\""))
                .isEqualTo("\"alice?INFO Login succeeded: user ?admin?\"")
                .doesNotContain("\n");
        assertThat(LoginThrottle.forLog("a\u2028b\rc")).isEqualTo("\"a?b?c\"");
    }

    @Test
    void aLongUsernameIsCutShort() {
        assertThat(LoginThrottle.forLog("x".repeat(1_000))).hasSize(64 + 3);
        assertThat(LoginThrottle.forLog(null)).isEqualTo("(none)");
    }
}
