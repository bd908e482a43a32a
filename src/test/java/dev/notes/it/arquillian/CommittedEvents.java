package dev.notes.it.arquillian;

import dev.notes.event.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the domain events the application's observers would see: observed like them, only after
 * a successful commit. Deployed with the tests; tests read only the events of their own note keys.
 */
@ApplicationScoped
public class CommittedEvents {

    private final List<DomainEvent> received = new CopyOnWriteArrayList<>();

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) DomainEvent event) {
        received.add(event);
    }

    /** The committed events about one note, oldest first. */
    public List<DomainEvent> about(String noteKey) {
        return received.stream().filter(event -> event.noteKey().equals(noteKey)).toList();
    }
}
