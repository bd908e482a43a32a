package dev.notes.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A WebSocket client of {@code /live} for tests: every message it receives is kept in order, and
 * a test waits for the one it expects with a timeout (never a sleep).
 */
public final class LiveClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);

    private final LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final List<JsonObject> seen = new ArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;
    private final Listener listener;

    private LiveClient(WebClient client, String origin, boolean readSlowly) {
        listener = new Listener(readSlowly);
        try {
            socket = client.openWebSocket("/live", origin, listener).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not open /live", e);
        }
    }

    /** Connected as a page of the server itself would be (same origin, the client's cookies). */
    public static LiveClient connect(WebClient client) {
        return new LiveClient(client, client.origin(), false);
    }

    /** Like {@link #connect}, but reads nothing until {@link #resumeReading()}: a client that cannot keep up. */
    public static LiveClient connectNotReading(WebClient client) {
        return new LiveClient(client, client.origin(), true);
    }

    /**
     * Connects as soon as the server admits this client: it learns of an earlier socket's close
     * asynchronously, so a place given back may take a moment to be free. Fails after {@link #WAIT}.
     */
    public static LiveClient connectWhenAdmitted(WebClient client) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return connect(client);
            } catch (IllegalStateException refused) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Not admitted within " + WAIT, refused);
                }
                LibertyServer.sleep(Duration.ofMillis(100));
            }
        }
    }

    /** Tries to connect with another Origin header; the exception the handshake ends with, if any. */
    public static Throwable refusedHandshake(WebClient client, String origin) {
        try {
            new LiveClient(client, origin, false).close();
            return null;
        } catch (IllegalStateException e) {
            Throwable cause = e.getCause();
            return cause instanceof ExecutionException ? cause.getCause() : cause;
        }
    }

    public LiveClient send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /** Subscribes and waits for each topic's snapshot. */
    public LiveClient subscribe(String... topics) {
        send(Json.createObjectBuilder().add("type", "subscribe")
                .add("topics", Json.createArrayBuilder(List.of(topics))).build().toString());
        for (String topic : topics) {
            await(m -> m.getString("type").equals("snapshot") && m.getString("topic").equals(topic));
        }
        return this;
    }

    /** The next message that matches, skipping others; fails after {@link #WAIT}. */
    public JsonObject await(Predicate<JsonObject> expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonObject message;
            try {
                message = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (message == null) {
                throw new AssertionError("No expected message within " + WAIT + "; received: " + seen);
            }
            if (expected.test(message)) {
                return message;
            }
        }
    }

    /** The next event of this kind for this note key. */
    public JsonObject awaitEvent(String event, String key) {
        return await(m -> m.getString("type").equals("event") && m.getString("event").equals(event)
                && m.getString("key").equals(key));
    }

    /** Every event received so far, in order, whether or not a test waited for it. */
    public List<JsonObject> events() {
        return received().stream().filter(m -> m.getString("type").equals("event")).toList();
    }

    /** Every message received so far, in order, whether or not a test waited for it. */
    public List<JsonObject> received() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** Everything received so far and not yet consumed by {@link #await}, without waiting. */
    public List<JsonObject> drain() {
        List<JsonObject> rest = new ArrayList<>();
        received.drainTo(rest);
        return rest;
    }

    /** Starts reading everything (for a client made with {@link #connectNotReading}). */
    public void resumeReading() {
        listener.readSlowly = false;
        socket.request(Long.MAX_VALUE);
    }

    public int awaitClose() {
        try {
            return closeCode.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("The server did not close the socket within " + WAIT, e);
        }
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    /** Completes with the close code when the socket closes (-1 if it broke), on the socket's thread: do not block there. */
    public CompletableFuture<Integer> closing() {
        return closeCode.copy();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private volatile boolean readSlowly;
        private final StringBuilder partial = new StringBuilder();

        Listener(boolean readSlowly) {
            this.readSlowly = readSlowly;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject message = Json.createReader(new StringReader(partial.toString())).readObject();
                partial.setLength(0);
                synchronized (seen) {
                    seen.add(message);
                }
                received.add(message);
            }
            if (!readSlowly) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(-1);
        }
    }
}
