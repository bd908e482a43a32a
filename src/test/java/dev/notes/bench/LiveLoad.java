package dev.notes.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many browsers' live connections at once: asynchronous JDK WebSocket clients on one HttpClient,
 * each subscribed to topics (or to none on the Spring peer, which sends every change to every
 * socket) and noting when each marked event reached it, and how often.
 * A marker is a unique string inside the event (a note title, a comment text).
 */
final class LiveLoad implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern MARKER = Pattern.compile("\"(?:title|text)\":\"(bench-[^\"]+)\"");
    private static final int HANDSHAKES_IN_FLIGHT = 100;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final List<Connection> connections = new ArrayList<>();
    private final ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger errors = new AtomicInteger();

    /**
     * Opens {@code count} connections spread round-robin over the servers, subscribes each to the
     * topics and returns once every snapshot has arrived. Without topics nothing is subscribed: the
     * Spring peer sends every change to every socket, unasked and with no snapshot.
     */
    static LiveLoad open(List<URI> servers, int count, List<String> topics) {
        LiveLoad load = new LiveLoad();
        Semaphore handshakes = new Semaphore(HANDSHAKES_IN_FLIGHT);
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            URI server = servers.get(i % servers.size());
            Connection connection = new Connection(topics.size());
            load.connections.add(connection);
            handshakes.acquireUninterruptibly();
            opening.add(connect(load.http, server, connection).whenComplete((socket, failure) -> handshakes.release()));
        }
        String subscribe = subscribeMessage(topics);
        for (int i = 0; i < count; i++) {
            WebSocket socket = opening.get(i).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
            load.connections.get(i).socket = socket;
            if (!topics.isEmpty()) {
                socket.sendText(subscribe, true);
            }
        }
        for (Connection connection : load.connections) {
            connection.awaitSnapshots();
        }
        // The server closes connections idle for 90 s; browsers ping every 25 s, and so do these.
        load.pings.scheduleAtFixedRate(load::ping, 25, 25, TimeUnit.SECONDS);
        return load;
    }

    /**
     * The size in bytes (UTF-8) of the snapshot one browser gets when it subscribes to this topic
     * alone: the message, reassembled if the server sent it in several frames.
     */
    static long snapshotBytes(URI server, String topic) {
        CompletableFuture<String> snapshot = new CompletableFuture<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        WebSocket socket = connect(http, server, new FirstSnapshot(snapshot)).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .join();
        try {
            socket.sendText(subscribeMessage(List.of(topic)), true);
            return snapshot.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join().getBytes(StandardCharsets.UTF_8).length;
        } finally {
            socket.abort();
        }
    }

    private static CompletableFuture<WebSocket> connect(HttpClient http, URI server, WebSocket.Listener listener) {
        return http.newWebSocketBuilder().connectTimeout(TIMEOUT).header("Origin", "http://" + server.getRawAuthority())
                .buildAsync(URI.create("ws://" + server.getRawAuthority() + "/live"), listener);
    }

    private static String subscribeMessage(List<String> topics) {
        return "{\"type\":\"subscribe\",\"topics\":[" + String.join(",",
                topics.stream().map(t -> "\"" + t + "\"").toList()) + "]}";
    }

    int size() {
        return connections.size();
    }

    /**
     * Waits until every connection has the marked event, or the timeout; the arrival times in
     * milliseconds after {@code startNanos}, one per connection that has it.
     */
    List<Double> awaitEverywhere(String marker, long startNanos, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Double> latencies = new ArrayList<>(connections.size());
        for (Connection connection : connections) {
            Long arrived = connection.awaitArrival(marker, deadline);
            if (arrived != null) {
                latencies.add((arrived - startNanos) / 1e6);
            }
        }
        return latencies;
    }

    /** Connections that received the marked event more than once (a duplicate delivery). */
    long duplicates(String marker) {
        return connections.stream().filter(c -> c.count(marker) > 1).count();
    }

    /** Frees the memory kept per marker (long runs). */
    void forget(String marker) {
        connections.forEach(c -> c.forget(marker));
    }

    int errors() {
        return errors.get() + (int) connections.stream().filter(c -> c.closed).count();
    }

    private void ping() {
        for (Connection connection : connections) {
            if (connection.socket != null && !connection.closed) {
                connection.socket.sendText("{\"type\":\"ping\"}", true).exceptionally(failure -> {
                    errors.incrementAndGet();
                    return null;
                });
            }
        }
    }

    @Override
    public void close() {
        pings.shutdownNow();
        for (Connection connection : connections) {
            if (connection.socket != null) {
                connection.socket.abort();
            }
        }
        connections.clear();
    }

    /** Reassembles messages until the first snapshot, which completes the future; an error message fails it. */
    private static final class FirstSnapshot implements WebSocket.Listener {

        private final CompletableFuture<String> snapshot;
        private final StringBuilder partial = new StringBuilder();

        FirstSnapshot(CompletableFuture<String> snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                if (message.contains("\"type\":\"snapshot\"")) {
                    snapshot.complete(message);
                } else if (message.contains("\"type\":\"error\"")) {
                    snapshot.completeExceptionally(new IllegalStateException("Answered with an error: " + message));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            snapshot.completeExceptionally(new IllegalStateException("Closed before a snapshot: " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            snapshot.completeExceptionally(error);
        }
    }

    /** One connection: assembles frames into messages, and records markers as they arrive. */
    private static final class Connection implements WebSocket.Listener {

        private final CountDownLatch snapshots;
        private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket socket;
        private volatile boolean closed;

        Connection(int topics) {
            this.snapshots = new CountDownLatch(topics);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                // JSON-B writes properties in alphabetical order, so "type" is not first. User text
                // inside the message is escaped, so these unescaped quotes are the message's own.
                // The Spring peer's events are of type "noteUpdated".
                if (message.contains("\"type\":\"snapshot\"")) {
                    snapshots.countDown();
                } else if (message.contains("\"type\":\"event\"") || message.contains("\"type\":\"noteUpdated\"")) {
                    Matcher marker = MARKER.matcher(message);
                    if (marker.find()) {
                        String found = marker.group(1);
                        arrivals.computeIfAbsent(found, m -> new AtomicInteger()).incrementAndGet();
                        firstArrival.putIfAbsent(found, now);
                        synchronized (this) {
                            notifyAll();
                        }
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
        }

        void awaitSnapshots() {
            try {
                if (!snapshots.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("No snapshot within " + TIMEOUT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        synchronized Long awaitArrival(String marker, long deadlineNanos) {
            Long arrived = firstArrival.get(marker);
            while (arrived == null && System.nanoTime() < deadlineNanos) {
                try {
                    wait(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
                arrived = firstArrival.get(marker);
            }
            return arrived;
        }

        int count(String marker) {
            AtomicInteger count = arrivals.get(marker);
            return count == null ? 0 : count.get();
        }

        void forget(String marker) {
            arrivals.remove(marker);
            firstArrival.remove(marker);
        }
    }
}
