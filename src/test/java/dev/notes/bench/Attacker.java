package dev.notes.bench;

import dev.notes.it.support.WebClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * A hostile client beside the normal users, on connections of its own and with a client address of
 * its own ({@code X-Forwarded-For}, believed by servers that trust 127.0.0.1 as a proxy):
 * <ul>
 * <li>a login storm: parallel POSTs of the real login form, its view state fetched once and
 * replayed, with wrong passwords for one existing account and for made-up ones (credential
 * stuffing, no session needed);</li>
 * <li>a subscribe flood: WebSocket clients on {@code /live} sending subscribe frames that repeat
 * "home" up to just under the server's frame limit, each frame as soon as the previous one is
 * written, reading what comes back, and reconnecting when closed or refused.</li>
 * </ul>
 * It ignores every refusal ({@code Retry-After} included) and counts the answers by kind. It stops
 * when asked, at its deadline, or after a bounded number of attempts, whichever comes first.
 */
final class Attacker implements AutoCloseable {

    /** The attacker's client address: a documentation address (RFC 5737), sent only as a header value. */
    static final String ADDRESS = "198.51.100.7";
    static final String LOGINS_ANSWERED = "login attempts answered";
    static final String FRAMES_SENT = "subscribe frames sent";
    static final String CHARACTERS_RECEIVED = "live characters received";

    /** The server's frame limit (LiveEndpoint.MAX_MESSAGE_BYTES); the flood's frames stay under it. */
    private static final int FRAME_LIMIT = 4096;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** After a refused or failed handshake; a closed connection reconnects at once. */
    private static final Duration AFTER_REFUSAL = Duration.ofMillis(100);
    private static final long MAX_LOGIN_ATTEMPTS = 1_000_000;
    private static final int MAX_CONNECTS_PER_SOCKET = 100_000;
    private static final long MAX_FRAMES = 100_000_000;
    /** Enough of a message's end to read its type: JSON-B writes "type" last (alphabetical order). */
    private static final int TAIL = 64;

    private final URI loginAction;
    private final String origin;
    private final URI live;
    private final String victim;
    private final Map<String, String> loginForm;
    private final String frame;
    private final long deadline;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final HttpClient loginHttp;
    private final HttpClient liveHttp;
    private final ExecutorService logins;
    private final ScheduledExecutorService flood = Executors.newScheduledThreadPool(2);
    private final List<FloodSocket> sockets = new ArrayList<>();
    private volatile boolean attacking = true;

    private Attacker(URI server, String victim, int loginWorkers, Duration lifetime) {
        this.origin = server.getScheme() + "://" + server.getRawAuthority();
        this.live = URI.create("ws://" + server.getRawAuthority() + "/live");
        this.victim = victim;
        this.deadline = System.nanoTime() + lifetime.toNanos();
        WebClient.Page page = new WebClient(server).get("/user/login");
        this.loginForm = new LinkedHashMap<>(page.form("loginForm").fields());
        String button = "loginForm:login";
        this.loginForm.put(button, page.document().getElementsByAttributeValue("name", button).val());
        this.loginAction = page.response().uri().resolve(page.document().getElementById("loginForm").attr("action"));
        this.frame = subscribeFrame();
        this.logins = Executors.newFixedThreadPool(loginWorkers);
        this.loginHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        this.liveHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    /**
     * Starts attacking {@code server}: {@code loginWorkers} login attempts in flight at all times and
     * {@code floodSockets} flooding WebSocket connections, for at most {@code lifetime}.
     */
    static Attacker start(URI server, String victim, int loginWorkers, int floodSockets, Duration lifetime) {
        Attacker attacker = new Attacker(server, victim, loginWorkers, lifetime);
        for (int worker = 0; worker < loginWorkers; worker++) {
            int first = worker;
            attacker.logins.execute(() -> attacker.storm(first, loginWorkers));
        }
        for (int i = 0; i < floodSockets; i++) {
            FloodSocket socket = attacker.new FloodSocket();
            attacker.sockets.add(socket);
            socket.connect();
        }
        return attacker;
    }

    /** The counts so far, and when they were read. */
    Tally tally() {
        Map<String, Long> now = new TreeMap<>();
        counts.forEach((kind, count) -> now.put(kind, count.sum()));
        return new Tally(System.nanoTime(), now);
    }

    /**
     * Stops attacking. Login attempts in flight are answered first (so the server is not left
     * working for an attacker who has gone); the flood's sockets are dropped at once.
     */
    @Override
    public void close() {
        attacking = false;
        logins.shutdown();
        try {
            if (!logins.awaitTermination(TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)) {
                logins.shutdownNow();
            }
        } catch (InterruptedException e) {
            logins.shutdownNow();
            Thread.currentThread().interrupt();
        }
        flood.shutdownNow();
        sockets.forEach(FloodSocket::abort);
    }

    private boolean attacking() {
        return attacking && System.nanoTime() < deadline;
    }

    private void count(String kind) {
        count(kind, 1);
    }

    private long counted(String kind) {
        LongAdder count = counts.get(kind);
        return count == null ? 0 : count.sum();
    }

    private void count(String kind, long amount) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).add(amount);
    }

    /** One login worker: the next attempt as soon as the previous one is answered. */
    private void storm(int first, int workers) {
        for (long attempt = first; attacking() && attempt < MAX_LOGIN_ATTEMPTS; attempt += workers) {
            // Half the attempts guess the victim's password, half try names that do not exist.
            String username = attempt % 2 == 0 ? victim : "nobody-" + attempt;
            Map<String, String> fields = new LinkedHashMap<>(loginForm);
            fields.put("loginForm:username", username);
            fields.put("loginForm:password", "wrong-" + attempt);
            HttpRequest request = HttpRequest.newBuilder(loginAction).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", origin)
                    .header("X-Forwarded-For", ADDRESS)
                    .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build();
            try {
                HttpResponse<Void> response = loginHttp.send(request, HttpResponse.BodyHandlers.discarding());
                count(LOGINS_ANSWERED);
                count("login answers: HTTP " + response.statusCode());
            } catch (IOException e) {
                count("login attempts failed: " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** {"type":"subscribe","topics":["home","home",…]}, as many repeats as fit under the frame limit. */
    static String subscribeFrame() {
        String start = "{\"type\":\"subscribe\",\"topics\":[\"home\"";
        String repeat = ",\"home\"";
        String end = "]}";
        int repeats = (FRAME_LIMIT - 8 - start.length() - end.length()) / repeat.length();
        return start + repeat.repeat(repeats) + end;
    }

    /** One flooding connection, opened again whenever the server closes or refuses it. */
    private final class FloodSocket implements WebSocket.Listener {

        private final StringBuilder tail = new StringBuilder();
        private volatile WebSocket socket;
        private int connects;

        void connect() {
            if (!attacking() || connects >= MAX_CONNECTS_PER_SOCKET) {
                return;
            }
            if (connects++ > 0) {
                count("live reconnects");
            }
            liveHttp.newWebSocketBuilder().connectTimeout(TIMEOUT)
                    .header("Origin", origin)
                    .header("X-Forwarded-For", ADDRESS)
                    .buildAsync(live, this)
                    .whenComplete((opened, failure) -> {
                        if (failure == null) {
                            count("live handshakes accepted");
                        } else {
                            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                    ? failure.getCause() : failure;
                            count(cause instanceof WebSocketHandshakeException refused
                                    ? "live handshakes refused: HTTP " + refused.getResponse().statusCode()
                                    : "live connects failed: " + cause.getClass().getSimpleName());
                            later(this::connect, AFTER_REFUSAL);
                        }
                    });
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
            send(webSocket);
        }

        /** The next frame once the previous one is written: as fast as the server reads them. */
        private void send(WebSocket webSocket) {
            if (!attacking() || socket != webSocket || webSocket.isOutputClosed() || counted(FRAMES_SENT) >= MAX_FRAMES) {
                return;
            }
            webSocket.sendText(frame, true).whenCompleteAsync((sent, failure) -> {
                if (failure == null) {
                    count(FRAMES_SENT);
                    send(webSocket);
                } else {
                    count("live frames not sent: " + failure.getClass().getSimpleName());
                }
            }, flood);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            count(CHARACTERS_RECEIVED, data.length());
            tail.append(data, Math.max(0, data.length() - TAIL), data.length());
            if (tail.length() > TAIL) {
                tail.delete(0, tail.length() - TAIL);
            }
            if (last) {
                String end = tail.toString();
                tail.setLength(0);
                count(end.endsWith("\"type\":\"error\"}") ? "live error messages received"
                        : end.endsWith("\"type\":\"snapshot\"}") ? "live snapshots received" : "live other messages received");
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            count("live closes by the server: code " + statusCode);
            reconnect(webSocket);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            count("live connections failed: " + error.getClass().getSimpleName());
            reconnect(webSocket);
        }

        private void reconnect(WebSocket closed) {
            if (socket == closed) {
                socket = null;
                closed.abort();
                later(this::connect, Duration.ZERO);
            }
        }

        private void later(Runnable task, Duration delay) {
            if (attacking()) {
                try {
                    flood.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopped) {
                    // The attacker was closed meanwhile: nothing more to do.
                }
            }
        }

        void abort() {
            WebSocket open = socket;
            if (open != null) {
                open.abort();
            }
        }
    }

    /** Counts by kind at one moment; {@link #since} gives those of an interval. */
    record Tally(long nanos, Map<String, Long> counts) {

        long count(String kind) {
            return counts.getOrDefault(kind, 0L);
        }

        /** Login attempts and handshakes the server answered, whatever the answer. */
        long answers() {
            return counts.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("login answers") || e.getKey().startsWith("live handshakes"))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        double perSecond(String kind) {
            return count(kind) / (nanos / 1e9);
        }

        /** What happened between {@code earlier} and this tally; its time is the interval's length. */
        Tally since(Tally earlier) {
            Map<String, Long> difference = new TreeMap<>();
            counts.forEach((kind, count) -> difference.put(kind, count - earlier.count(kind)));
            return new Tally(nanos - earlier.nanos, difference);
        }
    }
}
