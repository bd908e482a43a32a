package dev.notes.live;

import dev.notes.event.DomainEvent;

/**
 * Port: numbers committed events and brings them to the {@link LiveDelivery} of every instance
 * that serves browsers. One implementation per deployment shape, chosen by configuration.
 */
public interface EventPublisher {

    /** Numbers the event and delivers it (asynchronously where it crosses a network). */
    void publish(DomainEvent event);

    /**
     * The id of the newest event published so far. A snapshot taken after reading this reflects
     * every event up to it; a client then applies only events with a larger id.
     */
    long lastEventId();
}
