package dev.notes.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OidcLoginAttemptTest {

    private static final Instant STARTED = Instant.parse("2026-12-03T07:00:00Z");

    private final OidcLoginAttempt attempt = new OidcLoginAttempt("the-state", "the-nonce", "the-verifier",
            "https://notes.example.org/user/oidc-callback", "/note/add", STARTED);

    @Test
    void theStateSentToTheProviderMatchesWithinTheLifetime() {
        assertThat(attempt.matches("the-state", STARTED)).isTrue();
        assertThat(attempt.matches("the-state", STARTED.plus(OidcLoginAttempt.LIFETIME).minusSeconds(1))).isTrue();
    }

    @Test
    void anotherStateOrNoneDoesNotMatch() {
        assertThat(attempt.matches("the-statf", STARTED)).isFalse();
        assertThat(attempt.matches("the-state ", STARTED)).isFalse();
        assertThat(attempt.matches("", STARTED)).isFalse();
        assertThat(attempt.matches(null, STARTED)).isFalse();
    }

    @Test
    void anAttemptTooOldOrFromTheFutureDoesNotMatch() {
        assertThat(attempt.matches("the-state", STARTED.plus(OidcLoginAttempt.LIFETIME))).isFalse();
        assertThat(attempt.matches("the-state", STARTED.minus(Duration.ofSeconds(1)))).isFalse();
    }

    @Test
    void callbackValuesAreCutToABoundedLength() {
        OidcCallback callback = new OidcCallback("s".repeat(10_000), null, "access_denied", null);
        assertThat(callback.state()).hasSize(OidcCallback.VALUE_MAX);
        assertThat(callback.code()).isNull();
        assertThat(callback.error()).isEqualTo("access_denied");
    }
}
