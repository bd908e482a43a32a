package dev.notes.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notes.event.CommentEvent;
import dev.notes.event.NoteEvent;
import dev.notes.live.LiveEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventCodecTest {

    private static final Instant T = Instant.parse("2026-11-29T14:05:31.123456Z");

    /** What the publish script puts on the channel: the id Redis gave it, a bar, the encoded event. */
    private static String onTheWire(long id, Object event) {
        return id + "|" + EventCodec.encode((dev.notes.event.DomainEvent) event);
    }

    @Test
    void aNoteEventSurvivesTheRoundTrip() {
        NoteEvent event = new NoteEvent(NoteEvent.Kind.UPDATED, "shopping", "Groceries | more",
                "milk\n\"eggs\" é 😀", "alice", T);
        LiveEvent decoded = EventCodec.decode(onTheWire(42, event));
        assertThat(decoded.id()).isEqualTo(42);
        assertThat(decoded.event()).isEqualTo(event);
    }

    @Test
    void aCommentEventSurvivesTheRoundTripWithItsNulls() {
        CommentEvent deleted = new CommentEvent(CommentEvent.Kind.DELETED, "a", 52, null, null, null, "bob", T);
        CommentEvent added = new CommentEvent(CommentEvent.Kind.ADDED, "a", 53, "bob", "yes", T, "bob", T);
        assertThat(EventCodec.decode(onTheWire(1, deleted)).event()).isEqualTo(deleted);
        assertThat(EventCodec.decode(onTheWire(9_000_000_000L, added))).isEqualTo(new LiveEvent(9_000_000_000L, added));
    }

    @Test
    void theEncodingIsReadableJsonNamingTheKindOfEvent() {
        String json = EventCodec.encode(new NoteEvent(NoteEvent.Kind.CREATED, "k", "t", "b", "alice", T));
        assertThat(json).startsWith("{\"note\":").contains("\"kind\":\"CREATED\"").doesNotContain("\"comment\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "|{}", "no bar", "x|{\"note\":null}", "7|{}", "7|not json", "7|{\"note\":{\"kind\":\"EATEN\"}}"})
    void anythingElseIsRefused(String message) {
        assertThatThrownBy(() -> EventCodec.decode(message)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aMessageWithoutAnEventIsAnIllegalArgument() {
        assertThatThrownBy(() -> EventCodec.decode("7|{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without an event");
    }
}
