package dev.notes.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A comment was added to a note or deleted from it. {@code authorName} is the author's display
 * name when the comment was added, for live pages to show; a deletion needs none.
 */
public record CommentEvent(Kind kind, String noteKey, long commentId, String author, String authorName, String text,
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
