package dev.notes.live;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One browser's socket. Jakarta WebSocket forbids concurrent sends on a session, and a blocking
 * send would let one slow client hold up everyone, so every message goes through this connection's
 * own queue and is sent asynchronously, one at a time. A client that falls {@code maxQueued}
 * messages or {@code maxQueuedChars} characters behind is disconnected; it reconnects and
 * resynchronises from a snapshot. (A note's text may be 100,000 characters: bounding the count
 * alone would allow 50 MB per client.)
 * <p>
 * It also remembers which topics have had their snapshot, so that subscribing again to a topic
 * costs nothing, until a {@link #resync} asks the client for fresh subscriptions.
 */
final class LiveConnection {

    /** Application close code (4000–4999): the sender could not keep up. */
    static final int CLOSE_TOO_SLOW = 4008;
    /** Application close code: the login this socket was opened with has ended. */
    static final int CLOSE_LOGGED_OUT = 4001;
    /** Application close code: the client went on sending faster than allowed after a warning. */
    static final int CLOSE_TOO_MANY_MESSAGES = 4029;

    private static final Logger LOG = Logger.getLogger(LiveConnection.class.getName());

    private final Session session;
    private final String username;
    private final String httpSessionId;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final int maxQueued;
    private final long maxQueuedChars;
    private final LiveMetrics metrics;
    private final Queue<String> queue = new ArrayDeque<>();
    /** Guarded by {@code queue}, like everything below: topic → the resync generation of its snapshot. */
    private final Map<String, Long> snapshots = new HashMap<>();
    private long generation;
    private long queuedChars;
    private boolean sending;
    private boolean closed;
    /** A close to send once the queue has drained (see {@link #closeAfterQueued}); null if none. */
    private CloseReason closeWhenDrained;

    LiveConnection(Session session, String username, String httpSessionId, int maxQueued, long maxQueuedChars,
            LiveMetrics metrics) {
        this.session = session;
        this.metrics = metrics;
        this.username = username;
        this.httpSessionId = httpSessionId;
        this.maxQueued = maxQueued;
        this.maxQueuedChars = maxQueuedChars;
    }

    /** Queues a message; never blocks. */
    void send(String text) {
        boolean start;
        synchronized (queue) {
            start = enqueue(text);
        }
        if (start) {
            sendNext();
        }
    }

    /** True if the caller is to start sending (nothing is in flight). */
    private boolean enqueue(String text) {
        if (closed || closeWhenDrained != null) {
            return false;
        }
        if (queue.size() >= maxQueued || queuedChars + text.length() > maxQueuedChars) {
            metrics.closedTooSlow();
            closeQuietly(CLOSE_TOO_SLOW, "too slow: " + queue.size() + " messages behind");
            return false;
        }
        queue.add(text);
        queuedChars += text.length();
        if (sending) {
            return false;
        }
        sending = true;
        return true;
    }

    /**
     * Whether to build and send a snapshot of this topic now: not if this socket is closing, nor if
     * the topic has had one since the last {@link #resync}. Claims it, so the next call says no.
     */
    boolean claimSnapshot(String topic) {
        synchronized (queue) {
            if (closed || closeWhenDrained != null || !session.isOpen()) {
                return false;
            }
            Long snapshotGeneration = snapshots.get(topic);
            if (snapshotGeneration != null && snapshotGeneration == generation) {
                return false;
            }
            snapshots.put(topic, generation);
            return true;
        }
    }

    /** The topic was given up: subscribing to it again needs a snapshot (its events were missed). */
    void forgetSnapshot(String topic) {
        synchronized (queue) {
            snapshots.remove(topic);
        }
    }

    /**
     * Queues the resync message, after which every topic's next subscription gets a fresh snapshot.
     * One step with the queuing, so a snapshot is either claimed before and sent before the resync
     * message (the client, asked to resubscribe, then gets another), or claimed after and sent after
     * it (and the client's resubscription needs none).
     */
    void resync(String message) {
        boolean start;
        synchronized (queue) {
            generation++;
            start = enqueue(message);
        }
        if (start) {
            sendNext();
        }
    }

    private void sendNext() {
        String next;
        CloseReason drained = null;
        synchronized (queue) {
            next = queue.poll();
            if (next == null || closed) {
                sending = false;
                drained = closed ? null : closeWhenDrained;
            } else {
                queuedChars -= next.length();
            }
        }
        if (drained != null) {
            closeQuietly(drained.getCloseCode().getCode(), drained.getReasonPhrase());
            return;
        }
        if (next == null) {
            return;
        }
        try {
            session.getAsyncRemote().sendText(next, this::sent);
        } catch (RuntimeException e) {
            // The socket closed under us; onClose removes this connection.
            closeQuietly(CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "send failed");
        }
    }

    private void sent(SendResult result) {
        if (result.isOK()) {
            sendNext();
        } else {
            LOG.log(Level.FINE, "Live send failed; closing " + session.getId(), result.getException());
            closeQuietly(CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "send failed");
        }
    }

    void closeQuietly(int code, String reason) {
        synchronized (queue) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            queuedChars = 0;
        }
        // Closing writes a close frame, which can wait behind a backed-up socket: never on the
        // caller's thread, which may be a request that has just committed a change.
        CompletableFuture.runAsync(() -> {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
            } catch (IOException | IllegalStateException alreadyClosed) {
                // nothing left to close
            }
        });
    }

    /**
     * Closes once what is queued has been sent, and queues nothing more meanwhile: the client then
     * reads the error messages that explain the close before the close itself. The queue is
     * bounded, so this waits at most for it to drain.
     */
    void closeAfterQueued(int code, String reason) {
        boolean now;
        synchronized (queue) {
            if (closed || closeWhenDrained != null) {
                return;
            }
            closeWhenDrained = new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason);
            now = !sending;
        }
        if (now) {
            closeQuietly(code, reason);
        }
    }

    /** Closed by the server, or by the client or the network (which the container reports later). */
    boolean isClosing() {
        synchronized (queue) {
            return closed || closeWhenDrained != null || !session.isOpen();
        }
    }

    Set<String> topics() {
        return topics;
    }

    String id() {
        return session.getId();
    }

    String username() {
        return username;
    }

    String httpSessionId() {
        return httpSessionId;
    }
}
