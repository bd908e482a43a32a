package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.LiveClient;
import dev.notes.it.support.Notes;
import dev.notes.it.support.WebClient;
import jakarta.json.JsonObject;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /live} against clients that mean harm, on a server of its own with the shipped limits and
 * {@code jvm.options}. It trusts this machine as a proxy, so each client plays its own address
 * (documentation addresses, in {@code X-Forwarded-For}). Every case checks the refusal and that
 * the instance then still serves pages and live events to someone else.
 */
class HostileLiveIT {

    /** The shipped defaults, which this test does not change (docs/live-protocol.md). */
    private static final int SOCKETS_PER_ADDRESS = 200;
    private static final int MESSAGE_BURST = 20;
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private static LibertyServer server;

    @BeforeAll
    static void start() {
        server = LibertyServer.create("notes-hostile-live", Map.of("TRUSTED_PROXIES", "127\\.0\\.0\\.1")).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A client from an address no other case uses. */
    private static WebClient clientFromNewAddress() {
        return new WebClient(server.baseUri()).forwardedFor("203.0.113." + ADDRESSES.incrementAndGet());
    }

    @Test
    void aSubscribeRepeatingOneTopicGetsOneSnapshot() {
        String topics = String.join(",", Collections.nCopies(500, "\"home\""));
        String subscribe = "{\"type\":\"subscribe\",\"topics\":[" + topics + "]}";
        assertThat(subscribe.length()).isLessThan(4096);
        try (LiveClient client = LiveClient.connect(clientFromNewAddress())) {
            client.send(subscribe);
            JsonObject snapshot = client.await(m -> m.getString("type").equals("snapshot"));
            client.send(subscribe); // a topic the connection holds: no answer at all
            client.send("{\"type\":\"ping\"}");
            client.await(m -> m.getString("type").equals("pong"));

            List<JsonObject> received = client.received();
            assertThat(received).extracting(m -> m.getString("type")).containsExactly("snapshot", "pong");
            int bytes = received.stream().mapToInt(m -> m.toString().length()).sum();
            assertThat(bytes).isLessThanOrEqualTo(snapshot.toString().length() + 100);
        }
        stillServesSomeoneElse();
    }

    @Test
    void aMessageFloodGetsAnErrorThenTheTooManyMessagesCloseAndItsAddressIsHeldOff() {
        WebClient address = clientFromNewAddress();
        try (LiveClient flooder = LiveClient.connect(address)) {
            int sent = 0;
            // Twice the burst and then some is enough to be closed; a few hundred bound the loop.
            while (sent < 300 && !flooder.isClosed()) {
                try {
                    flooder.send("{\"type\":\"ping\"}");
                } catch (RuntimeException closedUnderUs) {
                    break;
                }
                sent++;
            }
            assertThat(flooder.awaitClose()).isEqualTo(4029);
            List<JsonObject> received = flooder.received();
            assertThat(received).filteredOn(m -> m.getString("type").equals("error")).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.getString("message")).startsWith("Too many messages"));
            // The burst is answered; beyond it (give or take what refilled meanwhile) nothing is.
            long pongs = received.stream().filter(m -> m.getString("type").equals("pong")).count();
            assertThat(pongs).isGreaterThanOrEqualTo(MESSAGE_BURST).isLessThan(sent - MESSAGE_BURST);
        }
        long start = System.nanoTime();
        assertThat(refusalStatus(address)).as("reconnecting at once").isEqualTo(429);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered after the refusal delay")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        stillServesSomeoneElse();
    }

    @Test
    void aPacedFloodIsClosedToo() throws InterruptedException {
        // 20 messages a second: the steady rate (one a second) lets one through now and then, which
        // must not wipe the refusals that came before it.
        try (LiveClient flooder = LiveClient.connect(clientFromNewAddress())) {
            int sent = 0;
            while (sent < 300 && !flooder.isClosed()) { // 15 s at most
                try {
                    flooder.send("{\"type\":\"ping\"}");
                } catch (RuntimeException closedUnderUs) {
                    break;
                }
                sent++;
                Thread.sleep(50);
            }
            assertThat(flooder.awaitClose()).isEqualTo(4029);
            assertThat(sent).as("closed after its second burst's worth of refusals, not at the loop's end")
                    .isLessThan(150);
        }
        stillServesSomeoneElse();
    }

    @Test
    void aSocketFloodFromOneAddressIsCappedWhileOthersConnect() {
        WebClient flooder = clientFromNewAddress();
        List<LiveClient> flood = new ArrayList<>();
        try {
            for (int i = 0; i < SOCKETS_PER_ADDRESS; i++) {
                flood.add(LiveClient.connect(flooder));
            }
            for (int i = 0; i < 5; i++) {
                assertThat(refusalStatus(flooder)).as("attempt %d over the cap", i + 1).isEqualTo(429);
            }

            try (LiveClient other = LiveClient.connect(clientFromNewAddress())) {
                other.subscribe("home");
            }

            // Closed sockets give their places back, whichever side closes and however.
            flood.remove(0).close();
            LiveClient again = LiveClient.connectWhenAdmitted(flooder);
            flood.add(again);
            assertThat(refusalStatus(flooder)).isEqualTo(429);

            flood.forEach(LiveClient::close);
            flood.clear();
            LiveClient.connectWhenAdmitted(flooder).close();
            for (int i = 0; i < SOCKETS_PER_ADDRESS; i++) {
                flood.add(LiveClient.connectWhenAdmitted(flooder));
            }
            assertThat(refusalStatus(flooder)).as("all places given back, no more").isEqualTo(429);
        } finally {
            flood.forEach(LiveClient::close);
        }
        stillServesSomeoneElse();
    }

    /** The HTTP status a refused handshake got; 101 when it was not refused. */
    private static int refusalStatus(WebClient client) {
        Throwable refusal = LiveClient.refusedHandshake(client, client.origin());
        if (refusal == null) {
            return 101;
        }
        assertThat(refusal).isInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) refusal).getResponse().statusCode();
    }

    /** Another user logs in, creates a note, and a reader elsewhere sees it arrive live. */
    private static void stillServesSomeoneElse() {
        try (LiveClient reader = LiveClient.connect(clientFromNewAddress()).subscribe("home")) {
            Accounts.User user = Accounts.newUser(server, "calm");
            String key = Notes.uniqueKey("calm");
            Notes.create(user.client(), key, "Still here", "after the attack");
            assertThat(reader.awaitEvent("note.created", key).getJsonObject("note").getString("title"))
                    .isEqualTo("Still here");
            assertThat(user.client().get("/").status()).isEqualTo(200);
        }
    }
}
