package dev.notes.event;

import java.io.Serializable;
import java.time.Instant;

/** A committed change to a note or to its comments. */
public sealed interface DomainEvent extends Serializable permits NoteEvent, CommentEvent {

    /** The key of the note the change belongs to. */
    String noteKey();

    /** The logged-in user who made the change. */
    String actor();

    Instant occurredAt();
}
