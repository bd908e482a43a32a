package dev.notes.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignedInUserTest {

    private static final Instant LOGIN = Instant.parse("2026-12-02T08:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(12);

    @Test
    void aLoginLivesUntilItIsAsOldAsTheLifetime() {
        SignedInUser user = new SignedInUser("alice", "Alice", Set.of("user"), LOGIN, 0, "login-1");
        assertThat(user.hasOutlived(LIFETIME, LOGIN)).isFalse();
        assertThat(user.hasOutlived(LIFETIME, LOGIN.plus(LIFETIME).minusMillis(1))).isFalse();
        assertThat(user.hasOutlived(LIFETIME, LOGIN.plus(LIFETIME))).isTrue();
        assertThat(user.hasOutlived(LIFETIME, LOGIN.plus(Duration.ofDays(3)))).isTrue();
    }

    @Test
    void aLoginOfUnknownAgeFromBeforeTheLifetimeHasOutlivedIt() {
        assertThat(new SignedInUser("alice", "Alice", Set.of("user"), null, 0, "login-1").hasOutlived(LIFETIME, LOGIN)).isTrue();
    }
}
