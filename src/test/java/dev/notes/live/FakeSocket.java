package dev.notes.live;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket session whose asynchronous sends complete when the test says so (or at once, with
 * {@link #completingAtOnce}): it records what was sent, how many sends were ever in flight together,
 * and how the socket was closed.
 */
final class FakeSocket {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Session session = mock(Session.class);
    private final List<String> sent = new ArrayList<>();
    private final Queue<SendHandler> inFlight = new ArrayDeque<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final boolean completeAtOnce;
    private int mostInFlight;
    private volatile boolean open = true;

    private FakeSocket(boolean completeAtOnce) {
        this.completeAtOnce = completeAtOnce;
        RemoteEndpoint.Async remote = mock(RemoteEndpoint.Async.class);
        String id = "socket-" + IDS.incrementAndGet();
        when(session.getId()).thenReturn(id);
        when(session.getAsyncRemote()).thenReturn(remote);
        when(session.isOpen()).thenAnswer(invocation -> open);
        doAnswer(invocation -> {
            sendText(invocation.getArgument(0), invocation.getArgument(1));
            return null;
        }).when(remote).sendText(anyString(), any(SendHandler.class));
        try {
            doAnswer(invocation -> {
                open = false;
                closed.complete(invocation.getArgument(0));
                return null;
            }).when(session).close(any(CloseReason.class));
        } catch (java.io.IOException impossible) {
            throw new AssertionError(impossible);
        }
    }

    /** Sends wait until {@link #complete} is called: a client that reads when the test lets it. */
    static FakeSocket held() {
        return new FakeSocket(false);
    }

    /** Every send succeeds at once: a fast client. */
    static FakeSocket completingAtOnce() {
        return new FakeSocket(true);
    }

    Session session() {
        return session;
    }

    LiveConnection connection(int maxQueued, long maxQueuedChars) {
        return connection(maxQueued, maxQueuedChars, PlainCounters.metrics());
    }

    LiveConnection connection(int maxQueued, long maxQueuedChars, LiveMetrics metrics) {
        return new LiveConnection(session, null, "http-" + session.getId(), maxQueued, maxQueuedChars, metrics);
    }

    private void sendText(String text, SendHandler handler) {
        synchronized (this) {
            sent.add(text);
            if (!completeAtOnce) {
                inFlight.add(handler);
                mostInFlight = Math.max(mostInFlight, inFlight.size());
                return;
            }
        }
        handler.onResult(new SendResult());
    }

    /** Completes the send in flight, successfully or not; false if none is. */
    boolean complete(boolean ok) {
        SendHandler handler;
        synchronized (this) {
            handler = inFlight.poll();
        }
        if (handler == null) {
            return false;
        }
        handler.onResult(ok ? new SendResult() : new SendResult(new java.io.IOException("broken pipe")));
        return true;
    }

    synchronized List<String> sent() {
        return List.copyOf(sent);
    }

    synchronized int mostInFlight() {
        return mostInFlight;
    }

    /** The client went away (the container will report the close). */
    void dropByClient() {
        open = false;
    }

    /** The close the server sent, waited for (closing happens on another thread). */
    CloseReason awaitClose() {
        try {
            return closed.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("The socket was not closed within 10 s", e);
        }
    }

    boolean isClosedByServer() {
        return closed.isDone();
    }
}
