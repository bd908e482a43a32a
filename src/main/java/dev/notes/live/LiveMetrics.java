package dev.notes.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What the live updates count for Prometheus ({@code /metrics}, the application scope): each figure
 * is one counter taken once here, so the paths that fan events out pay one increment, never a look-up
 * or an allocation. No figure carries a topic, note key or user: their number is unbounded. The open
 * connections and their subscriptions are gauges that {@link LiveDelivery} registers itself.
 */
@ApplicationScoped
public class LiveMetrics {

    /** Makes the counters: the metric registry in the container, plain counters in unit tests. */
    @FunctionalInterface
    interface CounterFactory {
        Counter counter(Metadata metadata, Tag... tags);
    }

    static final String CLOSE_REASON = "reason";

    private Counter published;
    private Counter received;
    private Counter queued;
    private Counter resyncs;
    private Counter closedTooSlow;
    private Counter closedTooManyMessages;

    LiveMetrics() {
        // for the container's proxy
    }

    @Inject
    LiveMetrics(MetricRegistry registry) {
        this(registry::counter);
    }

    LiveMetrics(CounterFactory counters) {
        published = counters.counter(counter("notes.live.events.published",
                "Committed changes this instance published to the live updates (to Redis in a cluster)"));
        received = counters.counter(counter("notes.live.events.received",
                "Live events this instance received for its browsers (from every instance in a cluster)"));
        queued = counters.counter(counter("notes.live.events.delivered",
                "Live event messages queued for sending to this instance's sockets, one per subscribed socket"));
        resyncs = counters.counter(counter("notes.live.resyncs",
                "Times this instance told all its sockets to resubscribe because events may have been missed"));
        Metadata closed = counter("notes.live.sockets.closed",
                "Sockets the server closed: too_slow, its send queue overflowed (4008); too_many_messages, it flooded (4029)");
        closedTooSlow = counters.counter(closed, new Tag(CLOSE_REASON, "too_slow"));
        closedTooManyMessages = counters.counter(closed, new Tag(CLOSE_REASON, "too_many_messages"));
    }

    private static Metadata counter(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    void published() {
        published.inc();
    }

    void received() {
        received.inc();
    }

    void queued(int sockets) {
        queued.inc(sockets);
    }

    void resynchronised() {
        resyncs.inc();
    }

    void closedTooSlow() {
        closedTooSlow.inc();
    }

    void closedTooManyMessages() {
        closedTooManyMessages.inc();
    }
}
