package dev.notes.event;

import java.time.Instant;
import java.util.Objects;

/** A comment was added to a note or deleted from it. */
public record CommentEvent(Kind kind, String noteKey, long commentId, String author, String text,
                           Instant createdAt, String actor, Instant occurredAt) implements DomainEvent {

    private static final long serialVersionUID = 1L;

    public enum Kind { ADDED, DELETED }

    public CommentEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(noteKey, "noteKey");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
