package dev.notes.live;

import dev.notes.event.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Hands every committed domain event to the publisher. {@code AFTER_SUCCESS}: browsers never see a
 * change that was rolled back, nor one before it is visible to a page reload.
 */
@ApplicationScoped
public class CommittedEventRelay {

    @Inject
    private EventPublisher publisher;

    @Inject
    private LiveMetrics metrics;

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) DomainEvent event) {
        metrics.published();
        publisher.publish(event);
    }
}
