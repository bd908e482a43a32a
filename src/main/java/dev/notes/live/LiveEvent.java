package dev.notes.live;

import dev.notes.event.DomainEvent;
import java.io.Serializable;

/** A committed domain event with its place in the sequence of all events ({@code id} grows by one each). */
public record LiveEvent(long id, DomainEvent event) implements Serializable {

    private static final long serialVersionUID = 1L;
}
