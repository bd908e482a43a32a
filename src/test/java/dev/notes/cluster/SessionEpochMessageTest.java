package dev.notes.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionEpochMessageTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Optional<EventSigner> SIGNER = Optional.of(new EventSigner(new byte[32]));

    @Test
    void anUnsignedMessageNamesTheUser() {
        String message = SessionEpochMessage.encode("alice.b-c_d", NOW, Optional.empty());
        assertThat(message).isEqualTo(NOW.toEpochMilli() + "|alice.b-c_d");
        assertThat(SessionEpochMessage.decode(message, Optional.empty(), NOW)).isEqualTo("alice.b-c_d");
    }

    @Test
    void aSignedMessageNamesTheUserWhenItsSignatureAndTimeHold() {
        String message = SessionEpochMessage.encode("alice", NOW, SIGNER);
        assertThat(SessionEpochMessage.decode(message, SIGNER, NOW.plus(Duration.ofMinutes(4)))).isEqualTo("alice");
    }

    @Test
    void aSignedClusterRefusesUnsignedForgedAndReplayedMessages() {
        String unsigned = SessionEpochMessage.encode("alice", NOW, Optional.empty());
        assertThatThrownBy(() -> SessionEpochMessage.decode(unsigned, SIGNER, NOW)).hasMessage("not signed");

        String otherKey = SessionEpochMessage.encode("alice", NOW, Optional.of(new EventSigner(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
                29, 30, 31, 32})));
        assertThatThrownBy(() -> SessionEpochMessage.decode(otherKey, SIGNER, NOW)).hasMessage("signature does not match");

        String signed = SessionEpochMessage.encode("alice", NOW, SIGNER);
        String renamed = signed.replace("|alice", "|bob");
        assertThatThrownBy(() -> SessionEpochMessage.decode(renamed, SIGNER, NOW)).hasMessage("signature does not match");

        assertThatThrownBy(() -> SessionEpochMessage.decode(signed, SIGNER, NOW.plus(Duration.ofMinutes(6))))
                .hasMessageContaining("too far from now");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "|alice", "123|", "123|Alice", "123|al ice", "123|alice|x", "x|alice",
            "1234567890123456789|alice", "123|a\nb"})
    void anythingElseIsRefused(String message) {
        assertThatThrownBy(() -> SessionEpochMessage.decode(message, Optional.empty(), NOW))
                .isInstanceOf(EventCodec.InvalidEventException.class);
    }

    @Test
    void aLongMessageIsRefusedBeforeItIsRead() {
        String message = "1|" + "a".repeat(SessionEpochMessage.MAX_CHARS);
        assertThatThrownBy(() -> SessionEpochMessage.decode(message, Optional.empty(), NOW))
                .hasMessageContaining("longer than");
    }

    @Test
    void aUsernameLongerThanAnAccountsIsRefused() {
        String message = "1|" + "a".repeat(41);
        assertThatThrownBy(() -> SessionEpochMessage.decode(message, Optional.empty(), NOW))
                .hasMessage("not <time>|<username>");
    }
}
