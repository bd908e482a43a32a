package dev.notes.live;

import dev.notes.event.ContentChanged;
import dev.notes.event.NoteEvent;
import dev.notes.note.NoteCount;
import dev.notes.platform.Settings;
import dev.notes.platform.ShutdownBegun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * This instance's browsers: which connection listens to which topic, and the fan-out of events to
 * them. Each event is encoded once per topic, then queued on each subscribed connection; queuing
 * never blocks, so delivery takes the same short time however slow some clients are. It counts what
 * passes ({@link LiveMetrics}) and shows its open connections and subscriptions as gauges.
 */
@ApplicationScoped
public class LiveDelivery {

    /** What became of a subscription. */
    enum Subscription {
        SUBSCRIBED,
        /** The connection holds its maximum of topics already. */
        TOO_MANY_TOPICS,
        /** The connection was removed (it closed) meanwhile. */
        GONE
    }

    private static final int GOING_AWAY = CloseReason.CloseCodes.GOING_AWAY.getCode();
    private static final String STOPPING = "server stopping";

    private final Map<String, Set<LiveConnection>> subscribers = new ConcurrentHashMap<>();
    private final Set<LiveConnection> connections = ConcurrentHashMap.newKeySet();
    private int maxTopics;
    private SnapshotCache snapshots;
    private NoteCount noteCount;
    private Event<ContentChanged> contentChanged;
    /** Set once the instance is stopping: every connection is closed, a late one as it comes. */
    private volatile boolean goingAway;
    private LiveMetrics metrics;

    LiveDelivery() {
        // for the container's proxy
    }

    @Inject
    LiveDelivery(Settings settings, SnapshotCache snapshots, NoteCount noteCount, Event<ContentChanged> contentChanged,
            LiveMetrics metrics) {
        this.maxTopics = settings.live().maxTopics();
        this.snapshots = snapshots;
        this.noteCount = noteCount;
        this.contentChanged = contentChanged;
        this.metrics = metrics;
    }

    /** Read at each scrape of {@code /metrics}, not kept up to date on every change. */
    void registerGauges(@Observes @Initialized(ApplicationScoped.class) Object start, MetricRegistry registry) {
        registry.gauge(Metadata.builder().withName("notes.live.connections")
                .withDescription("Open /live sockets on this instance").build(), this, LiveDelivery::connectionCount);
        registry.gauge(Metadata.builder().withName("notes.live.subscriptions")
                .withDescription("Topics held by the open /live sockets on this instance, summed over the sockets").build(),
                this, LiveDelivery::subscriptionCount);
    }

    int connectionCount() {
        return connections.size();
    }

    int subscriptionCount() {
        int subscriptions = 0;
        for (Set<LiveConnection> listeners : subscribers.values()) {
            subscriptions += listeners.size();
        }
        return subscriptions;
    }

    void add(LiveConnection connection) {
        connections.add(connection);
        // After the add: a connection that the loop of goingAway() missed is closed here.
        if (goingAway) {
            connection.closeQuietly(GOING_AWAY, STOPPING);
        }
    }

    /** Subscribing to a topic the connection holds already changes nothing (and succeeds). */
    Subscription subscribe(LiveConnection connection, String topic) {
        if (!connection.topics().contains(topic) && connection.topics().size() >= maxTopics) {
            return Subscription.TOO_MANY_TOPICS;
        }
        connection.topics().add(topic);
        // Added inside compute(), so a concurrent unsubscribe cannot drop the set in between.
        subscribers.compute(topic, (t, set) -> {
            Set<LiveConnection> listeners = set != null ? set : ConcurrentHashMap.newKeySet();
            listeners.add(connection);
            return listeners;
        });
        // remove() takes the connection out of the set first and then its topics: if it ran
        // meanwhile and missed this topic, the connection is no longer in the set here.
        if (!connections.contains(connection)) {
            unsubscribe(connection, topic);
            return Subscription.GONE;
        }
        return Subscription.SUBSCRIBED;
    }

    void unsubscribe(LiveConnection connection, String topic) {
        connection.topics().remove(topic);
        connection.forgetSnapshot(topic);
        subscribers.computeIfPresent(topic, (t, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    int maxTopics() {
        return maxTopics;
    }

    /** How many topics have subscribers: none are kept for topics nobody holds. */
    int topicCount() {
        return subscribers.size();
    }

    void remove(LiveConnection connection) {
        connections.remove(connection);
        for (String topic : Set.copyOf(connection.topics())) {
            unsubscribe(connection, topic);
        }
    }

    /**
     * Queues the event on every connection subscribed to one of its topics. Every event of the
     * cluster passes here once on each instance, so this is also where the count of notes learns
     * that it changed, and where rendered pages are told that they may be outdated
     * ({@link ContentChanged}, before any browser hears of the change).
     */
    public void deliver(LiveEvent event) {
        metrics.received();
        if (event.event() instanceof NoteEvent note && note.kind() != NoteEvent.Kind.UPDATED) {
            noteCount.changed();
        }
        contentChanged.fire(new ContentChanged());
        for (String topic : LiveMessages.topicsOf(event.event())) {
            Set<LiveConnection> listeners = subscribers.get(topic);
            if (listeners == null || listeners.isEmpty()) {
                continue;
            }
            String message = LiveMessages.event(event, topic);
            int queued = 0;
            for (LiveConnection connection : listeners) {
                connection.send(message);
                queued++;
            }
            metrics.queued(queued);
        }
    }

    /**
     * The HTTP session a socket was opened with has ended (logout or expiry): its sockets are
     * closed, and their pages reconnect as what they now are.
     */
    public void httpSessionEnded(String httpSessionId) {
        for (LiveConnection connection : connections) {
            if (httpSessionId.equals(connection.httpSessionId())) {
                connection.closeQuietly(LiveConnection.CLOSE_LOGGED_OUT, "logged out");
            }
        }
    }

    /**
     * The instance is stopping (SIGTERM): every socket is closed with 1001, "going away", on which a
     * page reconnects at once, without backing off, and through the load balancer reaches another
     * instance, where its fresh subscription's snapshots catch it up. New handshakes are refused
     * meanwhile ({@link LiveAdmissionFilter}).
     */
    void goingAway(@Observes ShutdownBegun shutdown) {
        goingAway = true;
        for (LiveConnection connection : connections) {
            connection.closeQuietly(GOING_AWAY, STOPPING);
        }
    }

    /**
     * Events may have been missed (Redis was away): every connection is told to resubscribe, and
     * the fresh snapshots bring it up to date. Fresh: the kept snapshots (and the count of notes,
     * and rendered pages) are forgotten first, since they may lack what was missed.
     */
    public void resynchronise() {
        metrics.resynchronised();
        snapshots.clear();
        noteCount.changed();
        contentChanged.fire(new ContentChanged());
        String message = LiveMessages.resync();
        for (LiveConnection connection : connections) {
            connection.resync(message);
        }
    }
}
