package dev.notes.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's browsers: which connection listens to which topic, and the fan-out of events to
 * them. Each event is encoded once per topic, then queued on each subscribed connection; queuing
 * never blocks, so delivery takes the same short time however slow some clients are.
 */
@ApplicationScoped
public class LiveDelivery {

    /** Enough for a browser with a few tabs' worth of pages; bounds the work one socket can cause. */
    static final int MAX_TOPICS_PER_CONNECTION = 20;

    private final Map<String, Set<LiveConnection>> subscribers = new ConcurrentHashMap<>();
    private final Set<LiveConnection> connections = ConcurrentHashMap.newKeySet();

    void add(LiveConnection connection) {
        connections.add(connection);
    }

    /** Returns false if the connection has too many topics already. */
    boolean subscribe(LiveConnection connection, String topic) {
        if (!connection.topics().contains(topic) && connection.topics().size() >= MAX_TOPICS_PER_CONNECTION) {
            return false;
        }
        connection.topics().add(topic);
        // Added inside compute(), so a concurrent unsubscribe cannot drop the set in between.
        subscribers.compute(topic, (t, set) -> {
            Set<LiveConnection> listeners = set != null ? set : ConcurrentHashMap.newKeySet();
            listeners.add(connection);
            return listeners;
        });
        return true;
    }

    void unsubscribe(LiveConnection connection, String topic) {
        connection.topics().remove(topic);
        subscribers.computeIfPresent(topic, (t, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    void remove(LiveConnection connection) {
        connections.remove(connection);
        for (String topic : Set.copyOf(connection.topics())) {
            unsubscribe(connection, topic);
        }
    }

    /** Queues the event on every connection subscribed to one of its topics. */
    public void deliver(LiveEvent event) {
        for (String topic : LiveMessages.topicsOf(event.event())) {
            Set<LiveConnection> listeners = subscribers.get(topic);
            if (listeners == null || listeners.isEmpty()) {
                continue;
            }
            String message = LiveMessages.event(event, topic);
            for (LiveConnection connection : listeners) {
                connection.send(message);
            }
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
     * Events may have been missed (Redis was away): every connection is told to resubscribe, and
     * the fresh snapshots bring it up to date.
     */
    public void resynchronise() {
        String message = LiveMessages.resync();
        for (LiveConnection connection : connections) {
            connection.send(message);
        }
    }
}
