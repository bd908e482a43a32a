package dev.notes.cluster;

import dev.notes.comment.CommentDraft;
import dev.notes.event.CommentEvent;
import dev.notes.event.DomainEvent;
import dev.notes.event.NoteEvent;
import dev.notes.live.LiveEvent;
import dev.notes.note.NoteDraft;
import dev.notes.user.Registration;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Domain events as they travel between instances: {@code <id>|<json>} on the Redis channel, or
 * {@code <id>|<signature>|<json>} when the cluster signs its events ({@link EventSigner}). JSON
 * rather than Java serialisation: readable with redis-cli, and nothing from the wire is ever
 * deserialised into arbitrary classes.
 * <p>
 * Whoever can write to Redis can publish on the channel, so a received message is checked as
 * strictly as a form: its size, its shape (one of {@code note} or {@code comment}, no field unknown,
 * each of its type), and every value within the limits the domain enforces when the change is made
 * (a note key's characters and length, a title's, a text's, a username's). Whatever fails is an
 * {@link InvalidEventException} and goes no further.
 */
final class EventCodec {

    /**
     * The longest message accepted. The largest real one is a note event of 100,000 characters of
     * text and a 255-character title, each character at worst escaped to six ({@code \u0000}).
     */
    static final int MAX_MESSAGE_CHARS = 1_048_576;

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern NOTE_KEY = Pattern.compile(NoteDraft.KEY_CHARACTER + "{1," + NoteDraft.KEY_MAX + "}");
    private static final Set<String> ENVELOPE_FIELDS = Set.of("note", "comment");
    private static final Set<String> NOTE_FIELDS = Set.of("kind", "noteKey", "title", "body", "actor", "occurredAt");
    private static final Set<String> COMMENT_FIELDS = Set.of("kind", "noteKey", "commentId", "author", "authorName",
            "text", "createdAt", "actor", "occurredAt");

    private EventCodec() {
    }

    /** A received message that is not an event this application could have published. */
    static final class InvalidEventException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        InvalidEventException(String reason) {
            super(reason);
        }
    }

    /** Exactly one of the two is set. */
    public record Envelope(NoteEvent note, CommentEvent comment) {
    }

    static String encode(DomainEvent event) {
        return JSON.toJson(event instanceof NoteEvent note ? new Envelope(note, null)
                : new Envelope(null, (CommentEvent) event));
    }

    /** What follows the id in a message: the encoded event, after its signature if there is a signer. */
    static String payload(DomainEvent event, Optional<EventSigner> signer) {
        String encoded = encode(event);
        return signer.map(s -> s.seal(encoded)).orElse(encoded);
    }

    /**
     * Reads a message as {@code <id>|<json>}, or, with a signer, {@code <id>|<signature>|<json>}
     * with a valid signature and an event time within {@link EventSigner#MAX_SIGNED_AGE} of {@code now}.
     *
     * @throws InvalidEventException saying what is wrong with anything else
     */
    static LiveEvent decode(String message, Optional<EventSigner> signer, Instant now) {
        if (message.length() > MAX_MESSAGE_CHARS) {
            throw new InvalidEventException("longer than " + MAX_MESSAGE_CHARS + " characters");
        }
        int bar = message.indexOf('|');
        if (bar < 0 || !ID.matcher(message.substring(0, bar)).matches()) {
            throw new InvalidEventException("does not start with an event id and a bar");
        }
        long id;
        try {
            id = Long.parseLong(message, 0, bar, 10);
        } catch (NumberFormatException tooLarge) {
            throw new InvalidEventException("event id out of range");
        }
        String afterId = message.substring(bar + 1);
        String encoded = signer.isPresent() ? signer.get().open(afterId) : afterId;
        DomainEvent event = readEvent(encoded);
        if (signer.isPresent()) {
            EventSigner.requireRecent("event", event.occurredAt(), now);
        }
        return new LiveEvent(id, event);
    }

    private static DomainEvent readEvent(String encoded) {
        JsonObject envelope;
        try (JsonReader reader = Json.createReader(new StringReader(encoded))) {
            envelope = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidEventException("not a JSON object");
        }
        if (envelope.size() != 1 || !ENVELOPE_FIELDS.containsAll(envelope.keySet())) {
            throw new InvalidEventException("not exactly one of \"note\" or \"comment\"");
        }
        return envelope.containsKey("note") ? noteEvent(object(envelope, "note")) : commentEvent(object(envelope, "comment"));
    }

    private static NoteEvent noteEvent(JsonObject note) {
        onlyFields(note, NOTE_FIELDS);
        return new NoteEvent(kind(note, NoteEvent.Kind.class), noteKey(note),
                text(note, "title", 1, NoteDraft.TITLE_MAX), text(note, "body", 0, NoteDraft.BODY_MAX),
                username(note, "actor"), instant(note, "occurredAt"));
    }

    /**
     * A deleted comment's author, text and time may be left out; an added one's may not. The
     * author's display name may be left out of either: instances that predate it send none.
     */
    private static CommentEvent commentEvent(JsonObject comment) {
        onlyFields(comment, COMMENT_FIELDS);
        CommentEvent.Kind kind = kind(comment, CommentEvent.Kind.class);
        boolean added = kind == CommentEvent.Kind.ADDED;
        return new CommentEvent(kind, noteKey(comment), positiveLong(comment, "commentId"),
                added || comment.containsKey("author") ? username(comment, "author") : null,
                comment.containsKey("authorName") ? text(comment, "authorName", 1, Registration.DISPLAY_NAME_MAX) : null,
                added || comment.containsKey("text") ? text(comment, "text", 1, CommentDraft.TEXT_MAX) : null,
                added || comment.containsKey("createdAt") ? instant(comment, "createdAt") : null,
                username(comment, "actor"), instant(comment, "occurredAt"));
    }

    private static void onlyFields(JsonObject object, Set<String> allowed) {
        for (String field : object.keySet()) {
            if (!allowed.contains(field)) {
                throw new InvalidEventException("unknown field \"" + printable(field) + "\"");
            }
        }
    }

    private static JsonObject object(JsonObject parent, String field) {
        JsonValue value = parent.get(field);
        if (!(value instanceof JsonObject object)) {
            throw new InvalidEventException("\"" + field + "\" is not an object");
        }
        return object;
    }

    private static String string(JsonObject parent, String field) {
        JsonValue value = parent.get(field);
        if (!(value instanceof JsonString string)) {
            throw new InvalidEventException("\"" + field + "\" is not a string");
        }
        return string.getString();
    }

    private static String text(JsonObject parent, String field, int minLength, int maxLength) {
        String text = string(parent, field);
        if (text.length() < minLength || text.length() > maxLength) {
            throw new InvalidEventException("\"" + field + "\" is not " + minLength + " to " + maxLength + " characters");
        }
        return text;
    }

    private static String noteKey(JsonObject parent) {
        String key = string(parent, "noteKey");
        if (!NOTE_KEY.matcher(key).matches()) {
            throw new InvalidEventException("\"noteKey\" is not a note key");
        }
        return key;
    }

    /** Usernames are at most {@link Registration#USERNAME_MAX} characters, none of them blank. */
    private static String username(JsonObject parent, String field) {
        String name = text(parent, field, 1, Registration.USERNAME_MAX);
        if (name.isBlank()) {
            throw new InvalidEventException("\"" + field + "\" is blank");
        }
        return name;
    }

    private static <K extends Enum<K>> K kind(JsonObject parent, Class<K> kinds) {
        String name = string(parent, "kind");
        try {
            return Enum.valueOf(kinds, name);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidEventException("\"kind\" is not one of the kinds of " + kinds.getEnclosingClass().getSimpleName());
        }
    }

    private static long positiveLong(JsonObject parent, String field) {
        JsonValue value = parent.get(field);
        try {
            if (value instanceof JsonNumber number && number.isIntegral()) {
                long whole = number.longValueExact();
                if (whole > 0) {
                    return whole;
                }
            }
        } catch (ArithmeticException | NumberFormatException | UnsupportedOperationException outOfRange) {
            // beyond a long, or an exponent the parser refuses to expand: reported below
        }
        throw new InvalidEventException("\"" + field + "\" is not a positive whole number");
    }

    private static Instant instant(JsonObject parent, String field) {
        try {
            return Instant.parse(string(parent, field));
        } catch (DateTimeException notAnInstant) {
            throw new InvalidEventException("\"" + field + "\" is not an ISO-8601 instant");
        }
    }

    /** A field name from the wire, fit for a log line: short, and only printable ASCII. */
    private static String printable(String text) {
        String shortened = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return shortened.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
