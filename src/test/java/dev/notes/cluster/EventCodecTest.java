package dev.notes.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notes.event.CommentEvent;
import dev.notes.event.DomainEvent;
import dev.notes.event.NoteEvent;
import dev.notes.live.LiveEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventCodecTest {

    private static final Instant T = Instant.parse("2026-11-29T14:05:31.123456Z");
    private static final Optional<EventSigner> UNSIGNED = Optional.empty();
    private static final Optional<EventSigner> SIGNED = Optional.of(new EventSigner(filled(32, 3)));
    private static final NoteEvent NOTE = new NoteEvent(NoteEvent.Kind.UPDATED, "shopping", "Groceries | more",
            "milk\n\"eggs\" é 😀", "alice", T);

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** What the publish script puts on the channel: the id Redis gave it, a bar, the payload. */
    private static String onTheWire(long id, DomainEvent event, Optional<EventSigner> signer) {
        return id + "|" + EventCodec.payload(event, signer);
    }

    private static LiveEvent decode(String message) {
        return EventCodec.decode(message, UNSIGNED, T);
    }

    private static String noteJson(String fields) {
        return "7|{\"note\":{" + fields + "}}";
    }

    private static final String VALID_NOTE_FIELDS =
            "\"kind\":\"CREATED\",\"noteKey\":\"k\",\"title\":\"t\",\"body\":\"\",\"actor\":\"alice\",\"occurredAt\":\"" + T + "\"";

    @Test
    void aNoteEventSurvivesTheRoundTrip() {
        LiveEvent decoded = decode(onTheWire(42, NOTE, UNSIGNED));
        assertThat(decoded.id()).isEqualTo(42);
        assertThat(decoded.event()).isEqualTo(NOTE);
    }

    @Test
    void aCommentEventSurvivesTheRoundTripWithItsNulls() {
        CommentEvent deleted = new CommentEvent(CommentEvent.Kind.DELETED, "a", 52, null, null, null, null, "bob", T);
        CommentEvent added = new CommentEvent(CommentEvent.Kind.ADDED, "a", 53, "bob", "Bob Dylan", "yes", T, "bob", T);
        assertThat(decode(onTheWire(1, deleted, UNSIGNED)).event()).isEqualTo(deleted);
        assertThat(decode(onTheWire(9_000_000_000L, added, UNSIGNED))).isEqualTo(new LiveEvent(9_000_000_000L, added));
    }

    @Test
    void theEventsOfADeletedAccountCrossInstances() {
        // What dev.notes.comment.AuthoredContent fires: a note without its text, a comment without its text.
        NoteEvent note = new NoteEvent(NoteEvent.Kind.DELETED, "a", "A title", "", "leaver", T);
        CommentEvent comment = new CommentEvent(CommentEvent.Kind.DELETED, "b", 54, "leaver", null, null, T, "leaver", T);
        assertThat(EventCodec.decode(onTheWire(2, note, SIGNED), SIGNED, T).event()).isEqualTo(note);
        assertThat(EventCodec.decode(onTheWire(3, comment, SIGNED), SIGNED, T).event()).isEqualTo(comment);
    }

    @Test
    void theLargestEventsTheDomainAllowsPass() {
        String key = "k".repeat(100);
        NoteEvent largest = new NoteEvent(NoteEvent.Kind.CREATED, key, "\u0001".repeat(255), "\u0000".repeat(100_000),
                "u".repeat(40), T);
        String message = onTheWire(Long.MAX_VALUE, largest, SIGNED);
        assertThat(message.length()).isLessThanOrEqualTo(EventCodec.MAX_MESSAGE_CHARS);
        assertThat(EventCodec.decode(message, SIGNED, T).event()).isEqualTo(largest);
    }

    @Test
    void theEncodingIsReadableJsonNamingTheKindOfEvent() {
        String json = EventCodec.encode(new NoteEvent(NoteEvent.Kind.CREATED, "k", "t", "b", "alice", T));
        assertThat(json).startsWith("{\"note\":").contains("\"kind\":\"CREATED\"").doesNotContain("\"comment\"");
        assertThat(decode(noteJson(VALID_NOTE_FIELDS)).event().noteKey()).as("the hand-written valid note").isEqualTo("k");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "|{}", "no bar", "x|{\"note\":null}", "7|{}", "7|not json", "7|[]", "0|{}",
        "-7|{}", "07|{}", " 7|{}", "99999999999999999999|{}", "7|{\"note\":{\"kind\":\"EATEN\"}}",
        "7|{\"note\":{},\"comment\":{}}", "7|{\"other\":{}}", "7|{\"note\":[]}", "7|{\"note\":\"x\"}"})
    void messagesOfAnotherShapeAreRefused(String message) {
        assertThatThrownBy(() -> decode(message)).isInstanceOf(EventCodec.InvalidEventException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"kind\":\"CREATED\",\"title\":\"t\",\"body\":\"\",\"actor\":\"alice\",\"occurredAt\":\"2026-11-29T14:05:31Z\"",
        "\"kind\":\"CREATED\",\"noteKey\":\"\",\"title\":\"t\",\"body\":\"\",\"actor\":\"a\",\"occurredAt\":\"2026-11-29T14:05:31Z\"",
        "\"kind\":\"CREATED\",\"noteKey\":\"a b\",\"title\":\"t\",\"body\":\"\",\"actor\":\"a\",\"occurredAt\":\"2026-11-29T14:05:31Z\"",
        "\"kind\":\"CREATED\",\"noteKey\":\"<script>\",\"title\":\"t\",\"body\":\"\",\"actor\":\"a\",\"occurredAt\":\"2026-11-29T14:05:31Z\"",
        "\"kind\":\"CREATED\",\"noteKey\":\"../x\",\"title\":\"t\",\"body\":\"\",\"actor\":\"a\",\"occurredAt\":\"2026-11-29T14:05:31Z\"",
        "\"kind\":\"CREATED\",\"noteKey\":7,\"title\":\"t\",\"body\":\"\",\"actor\":\"a\",\"occurredAt\":\"2026-11-29T14:05:31Z\"",
        "\"kind\":\"CREATED\",\"noteKey\":\"k\",\"title\":\"\",\"body\":\"\",\"actor\":\"a\",\"occurredAt\":\"2026-11-29T14:05:31Z\"",
        "\"kind\":\"CREATED\",\"noteKey\":\"k\",\"title\":null,\"body\":\"\",\"actor\":\"a\",\"occurredAt\":\"2026-11-29T14:05:31Z\"",
        "\"kind\":\"CREATED\",\"noteKey\":\"k\",\"title\":[\"t\"],\"body\":\"\",\"actor\":\"a\",\"occurredAt\":\"2026-11-29T14:05:31Z\"",
        "\"kind\":\"CREATED\",\"noteKey\":\"k\",\"title\":\"t\",\"actor\":\"a\",\"occurredAt\":\"2026-11-29T14:05:31Z\"",
        "\"kind\":\"CREATED\",\"noteKey\":\"k\",\"title\":\"t\",\"body\":{},\"actor\":\"a\",\"occurredAt\":\"2026-11-29T14:05:31Z\"",
        "\"kind\":\"CREATED\",\"noteKey\":\"k\",\"title\":\"t\",\"body\":\"\",\"actor\":\" \",\"occurredAt\":\"2026-11-29T14:05:31Z\"",
        "\"kind\":\"CREATED\",\"noteKey\":\"k\",\"title\":\"t\",\"body\":\"\",\"actor\":\"a\",\"occurredAt\":\"yesterday\"",
        "\"kind\":\"CREATED\",\"noteKey\":\"k\",\"title\":\"t\",\"body\":\"\",\"actor\":\"a\",\"occurredAt\":1764425131",
        "\"kind\":\"created\",\"noteKey\":\"k\",\"title\":\"t\",\"body\":\"\",\"actor\":\"a\",\"occurredAt\":\"2026-11-29T14:05:31Z\"",
        "\"kind\":\"CREATED\",\"noteKey\":\"k\",\"title\":\"t\",\"body\":\"\",\"actor\":\"a\",\"occurredAt\":\"2026-11-29T14:05:31Z\",\"admin\":true"})
    void noteEventsWithAFieldMissingOfTheWrongTypeOrOutsideTheDomainsRulesAreRefused(String fields) {
        assertThatThrownBy(() -> decode(noteJson(fields))).isInstanceOf(EventCodec.InvalidEventException.class);
    }

    @Test
    void valuesOneBeyondTheDomainsLimitsAreRefused() {
        NoteEvent[] tooLarge = {
            new NoteEvent(NoteEvent.Kind.CREATED, "k".repeat(101), "t", "", "alice", T),
            new NoteEvent(NoteEvent.Kind.CREATED, "k", "t".repeat(256), "", "alice", T),
            new NoteEvent(NoteEvent.Kind.CREATED, "k", "t", "b".repeat(100_001), "alice", T),
            new NoteEvent(NoteEvent.Kind.CREATED, "k", "t", "", "a".repeat(41), T)};
        for (NoteEvent event : tooLarge) {
            assertThatThrownBy(() -> decode(onTheWire(1, event, UNSIGNED)))
                    .isInstanceOf(EventCodec.InvalidEventException.class);
        }
        CommentEvent longComment = new CommentEvent(CommentEvent.Kind.ADDED, "k", 1, "bob", "Bob", "c".repeat(1025), T, "bob", T);
        assertThatThrownBy(() -> decode(onTheWire(1, longComment, UNSIGNED)))
                .isInstanceOf(EventCodec.InvalidEventException.class).hasMessageContaining("\"text\"");
        CommentEvent longName = new CommentEvent(CommentEvent.Kind.ADDED, "k", 1, "bob", "B".repeat(101), "c", T, "bob", T);
        assertThatThrownBy(() -> decode(onTheWire(1, longName, UNSIGNED)))
                .isInstanceOf(EventCodec.InvalidEventException.class).hasMessageContaining("\"authorName\"");
    }

    @Test
    void anAddedCommentFromAnInstanceThatPredatesDisplayNamesPassesWithoutOne() {
        String message = "7|{\"comment\":{\"kind\":\"ADDED\",\"noteKey\":\"k\",\"commentId\":3,\"author\":\"bob\""
                + ",\"text\":\"hi\",\"createdAt\":\"" + T + "\",\"actor\":\"bob\",\"occurredAt\":\"" + T + "\"}}";
        assertThat(decode(message).event()).isEqualTo(
                new CommentEvent(CommentEvent.Kind.ADDED, "k", 3, "bob", null, "hi", T, "bob", T));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "\"1\"", "1e400", "1e999999999", "99999999999999999999", "null"})
    void aCommentIdThatIsNoPositiveLongIsRefused(String id) {
        String message = "7|{\"comment\":{\"kind\":\"DELETED\",\"noteKey\":\"k\",\"commentId\":" + id
                + ",\"actor\":\"bob\",\"occurredAt\":\"" + T + "\"}}";
        assertThatThrownBy(() -> decode(message)).isInstanceOf(EventCodec.InvalidEventException.class);
    }

    @Test
    void anAddedCommentNeedsItsAuthorTextAndTime() {
        String message = "7|{\"comment\":{\"kind\":\"ADDED\",\"noteKey\":\"k\",\"commentId\":3"
                + ",\"actor\":\"bob\",\"occurredAt\":\"" + T + "\"}}";
        assertThatThrownBy(() -> decode(message)).isInstanceOf(EventCodec.InvalidEventException.class)
                .hasMessageContaining("\"author\"");
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedBeforeItIsRead() {
        String huge = "7|{\"note\":{\"title\":\"" + "x".repeat(EventCodec.MAX_MESSAGE_CHARS) + "\"}}";
        assertThatThrownBy(() -> decode(huge)).isInstanceOf(EventCodec.InvalidEventException.class)
                .hasMessageContaining("longer than");
    }

    @Test
    void aSignedEventPassesWithItsSignatureOnly() {
        String signed = onTheWire(5, NOTE, SIGNED);
        assertThat(EventCodec.decode(signed, SIGNED, T)).isEqualTo(new LiveEvent(5, NOTE));

        String unsigned = onTheWire(5, NOTE, UNSIGNED);
        assertThatThrownBy(() -> EventCodec.decode(unsigned, SIGNED, T))
                .isInstanceOf(EventCodec.InvalidEventException.class).hasMessageContaining("not signed");

        Optional<EventSigner> otherKey = Optional.of(new EventSigner(filled(32, 4)));
        assertThatThrownBy(() -> EventCodec.decode(onTheWire(5, NOTE, otherKey), SIGNED, T))
                .isInstanceOf(EventCodec.InvalidEventException.class).hasMessageContaining("signature does not match");

        String tampered = signed.replace("Groceries", "Growceries");
        assertThatThrownBy(() -> EventCodec.decode(tampered, SIGNED, T))
                .isInstanceOf(EventCodec.InvalidEventException.class).hasMessageContaining("signature does not match");

        assertThatThrownBy(() -> EventCodec.decode(signed, UNSIGNED, T))
                .as("an instance without the secret reads no signed event: the cluster's settings differ")
                .isInstanceOf(EventCodec.InvalidEventException.class);
    }

    @Test
    void aSignedEventFromLongAgoOrFarAheadIsARefusedReplay() {
        String signed = onTheWire(5, NOTE, SIGNED);
        Duration limit = EventSigner.MAX_SIGNED_AGE;
        assertThat(EventCodec.decode(signed, SIGNED, T.plus(limit)).id()).isEqualTo(5);
        assertThat(EventCodec.decode(signed, SIGNED, T.minus(limit)).id()).isEqualTo(5);
        assertThatThrownBy(() -> EventCodec.decode(signed, SIGNED, T.plus(limit).plusSeconds(1)))
                .isInstanceOf(EventCodec.InvalidEventException.class).hasMessageContaining("replay");
        assertThatThrownBy(() -> EventCodec.decode(signed, SIGNED, T.minus(limit).minusSeconds(1)))
                .isInstanceOf(EventCodec.InvalidEventException.class).hasMessageContaining("replay");
        assertThat(decode(onTheWire(5, NOTE, UNSIGNED)).id()).as("unsigned events carry no time anyone vouches for")
                .isEqualTo(5);
    }
}
