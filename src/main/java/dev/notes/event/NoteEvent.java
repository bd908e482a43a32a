package dev.notes.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A note was created, updated or deleted. Carries the state after the change (for a deletion, the
 * last state), so a listener needs no database read to show it.
 */
public record NoteEvent(Kind kind, String noteKey, String title, String body, String actor, Instant occurredAt)
        implements DomainEvent {

    private static final long serialVersionUID = 1L;

    public enum Kind { CREATED, UPDATED, DELETED }

    public NoteEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(noteKey, "noteKey");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
