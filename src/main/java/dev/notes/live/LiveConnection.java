package dev.notes.live;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One browser's socket. Jakarta WebSocket forbids concurrent sends on a session, and a blocking
 * send would let one slow client hold up everyone, so every message goes through this connection's
 * own queue and is sent asynchronously, one at a time. A client that falls {@link #MAX_QUEUED}
 * messages or {@link #MAX_QUEUED_CHARS} characters behind is disconnected; it reconnects and
 * resynchronises from a snapshot.
 */
final class LiveConnection {

    static final int MAX_QUEUED = 500;
    /** A note's text may be 100,000 characters: bounding the count alone would allow 50 MB per client. */
    static final long MAX_QUEUED_CHARS = 2_000_000;
    /** Application close code (4000–4999): the sender could not keep up. */
    static final int CLOSE_TOO_SLOW = 4008;
    /** Application close code: the login this socket was opened with has ended. */
    static final int CLOSE_LOGGED_OUT = 4001;

    private static final Logger LOG = Logger.getLogger(LiveConnection.class.getName());

    private final Session session;
    private final String username;
    private final String httpSessionId;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final Queue<String> queue = new ArrayDeque<>();
    private long queuedChars;
    private boolean sending;
    private boolean closed;

    LiveConnection(Session session, String username, String httpSessionId) {
        this.session = session;
        this.username = username;
        this.httpSessionId = httpSessionId;
    }

    /** Queues a message; never blocks. */
    void send(String text) {
        synchronized (queue) {
            if (closed) {
                return;
            }
            if (queue.size() >= MAX_QUEUED || queuedChars + text.length() > MAX_QUEUED_CHARS) {
                closeQuietly(CLOSE_TOO_SLOW, "too slow: " + queue.size() + " messages behind");
                return;
            }
            queue.add(text);
            queuedChars += text.length();
            if (sending) {
                return;
            }
            sending = true;
        }
        sendNext();
    }

    private void sendNext() {
        String next;
        synchronized (queue) {
            next = queue.poll();
            if (next == null || closed) {
                sending = false;
                return;
            }
            queuedChars -= next.length();
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
