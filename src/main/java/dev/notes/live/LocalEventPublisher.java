package dev.notes.live;

import dev.notes.event.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/** The single-instance publisher: numbers events in memory and delivers them in-process. */
@ApplicationScoped
@Typed(LocalEventPublisher.class) // offered as EventPublisher only through dev.notes.cluster.EventPublishers
public class LocalEventPublisher implements EventPublisher {

    private final AtomicLong lastId = new AtomicLong();

    @Inject
    private LiveDelivery delivery;

    @Override
    public void publish(DomainEvent event) {
        // Numbering and delivering under one lock keeps delivery in id order when commits race.
        synchronized (lastId) {
            delivery.deliver(new LiveEvent(lastId.incrementAndGet(), event));
        }
    }

    @Override
    public long lastEventId() {
        return lastId.get();
    }
}
