package dev.notes.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttackerTest {

    @Test
    void theFloodsFrameRepeatsHomeUpToJustUnderTheServersFrameLimit() {
        String frame = Attacker.subscribeFrame();

        assertThat(frame.getBytes(StandardCharsets.UTF_8).length).isLessThan(4096).isGreaterThan(4096 - 16);
        assertThat(frame).startsWith("{\"type\":\"subscribe\",\"topics\":[\"home\",\"home\"").endsWith("\"home\"]}");
        assertThat(frame.replace("\"home\"", "").replace(",", "")).isEqualTo("{\"type\":\"subscribe\"\"topics\":[]}");
    }

    @Test
    void aTallySinceAnEarlierOneHoldsWhatHappenedInBetween() {
        Attacker.Tally earlier = new Attacker.Tally(1_000_000_000L, Map.of("login answers: HTTP 200", 4L));
        Attacker.Tally later = new Attacker.Tally(3_000_000_000L, Map.of("login answers: HTTP 200", 6L,
                "login answers: HTTP 429", 10L, "live handshakes accepted", 2L, Attacker.FRAMES_SENT, 100L));

        Attacker.Tally between = later.since(earlier);

        assertThat(between.count("login answers: HTTP 200")).isEqualTo(2);
        assertThat(between.count("login answers: HTTP 503")).isZero();
        assertThat(between.perSecond("login answers: HTTP 429")).isEqualTo(5.0);
        assertThat(between.answers()).as("answered logins and handshakes, not frames sent").isEqualTo(14);
    }
}
