package dev.notes.cluster;

import dev.notes.event.CommentEvent;
import dev.notes.event.DomainEvent;
import dev.notes.event.NoteEvent;
import dev.notes.live.LiveEvent;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * Domain events as they travel between instances: {@code <id>|<json>} on the Redis channel. JSON
 * rather than Java serialisation: readable with redis-cli, and nothing from the wire is ever
 * deserialised into arbitrary classes.
 */
final class EventCodec {

    private static final Jsonb JSON = JsonbBuilder.create();

    private EventCodec() {
    }

    /** Exactly one of the two is set. */
    public record Envelope(NoteEvent note, CommentEvent comment) {
    }

    static String encode(DomainEvent event) {
        return JSON.toJson(event instanceof NoteEvent note ? new Envelope(note, null)
                : new Envelope(null, (CommentEvent) event));
    }

    /** Parses {@code <id>|<json>}; throws IllegalArgumentException for anything else. */
    static LiveEvent decode(String message) {
        int bar = message.indexOf('|');
        if (bar < 1) {
            throw new IllegalArgumentException("Not an event message: " + message);
        }
        long id = Long.parseLong(message.substring(0, bar));
        Envelope envelope = JSON.fromJson(message.substring(bar + 1), Envelope.class);
        DomainEvent event = envelope.note() != null ? envelope.note() : envelope.comment();
        if (event == null) {
            throw new IllegalArgumentException("An event message without an event: " + message);
        }
        return new LiveEvent(id, event);
    }
}
