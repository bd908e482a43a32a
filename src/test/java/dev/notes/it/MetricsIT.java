package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Comments;
import dev.notes.it.support.GrafanaDashboard;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.LiveClient;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.NotesCluster.Cluster;
import dev.notes.it.support.PrometheusScrape;
import dev.notes.it.support.TestRedis;
import dev.notes.it.support.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * {@code /metrics} as Prometheus reads it (anonymous, from 127.0.0.1) on two instances of a cluster
 * (Redis, PostgreSQL), before and after real clients' traffic: pages and API calls, live sockets, a
 * note created on one instance and delivered on the other, an id gap that makes both resync, a
 * flooding socket, wrong passwords to a throttle. Each figure must exist and move by what the
 * traffic did, and no label may carry a note key, username or client address. The server trusts
 * 127.0.0.1 as a proxy, so each client plays its own address.
 */
class MetricsIT {

    private static final Duration MOVES = Duration.ofSeconds(20);
    /** The publisher puts off a resync that follows another within 10 s (RedisEventPublisher). */
    private static final Duration RESYNC = Duration.ofSeconds(30);
    private static final int PER_PAIR = 2;
    private static final int PER_ADDRESS = 3;
    private static final int BURST = 2;
    private static final String WRONG = "not the password at all";

    private static Cluster cluster;

    @BeforeAll
    static void start() {
        cluster = NotesCluster.start("notes-it-metrics", Map.of(
                "TRUSTED_PROXIES", "127\\.0\\.0\\.1",
                "LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS", Integer.toString(PER_PAIR),
                "LOGIN_FAILURES_PER_ADDRESS", Integer.toString(PER_ADDRESS),
                "LIVE_MESSAGES_PER_MINUTE", "1",
                "LIVE_MESSAGE_BURST", Integer.toString(BURST)));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static WebClient client(LibertyServer server, String address) {
        return new WebClient(server.baseUri()).forwardedFor(address);
    }

    @Test
    void pagesAndApiCallsAreCountedAndTimedByRouteAndStatusClassNeverByKey() {
        LibertyServer a = cluster.a();
        var user = Accounts.newUser(a, "metered");
        String key = Notes.uniqueKey("metered");
        Notes.create(user.client(), key, "Metered", "counted");
        PrometheusScrape before = PrometheusScrape.of(a);

        WebClient reader = client(a, "198.51.100.1");
        reader.get("/");
        reader.get("/note/view?key=" + key);
        reader.get("/note/view?key=" + key + "-missing");
        assertThat(Comments.list(reader, key, "").statusCode()).isEqualTo(200);

        PrometheusScrape after = PrometheusScrape.of(a);
        assertThat(moved(before, after, "notes_http_requests_seconds_count", "route", "/", "status", "2xx")).isEqualTo(1);
        assertThat(moved(before, after, "notes_http_requests_seconds_count", "route", "/note/view", "status", "2xx")).isEqualTo(1);
        assertThat(moved(before, after, "notes_http_requests_seconds_count", "route", "/note/view", "status", "4xx")).isEqualTo(1);
        assertThat(moved(before, after, "notes_http_requests_seconds_count", "route", "/api/notes/{key}/comments", "status", "2xx"))
                .isEqualTo(1);
        assertThat(moved(before, after, "notes_http_requests_seconds_bucket", "route", "/", "status", "2xx", "le", "+Inf"))
                .as("a histogram Prometheus can aggregate").isEqualTo(1);
        assertThat(after.value("notes_http_requests_seconds_sum", "route", "/", "status", "2xx"))
                .isGreaterThan(before.value("notes_http_requests_seconds_sum", "route", "/", "status", "2xx"));
        assertThat(after.value("REST_request_seconds_count", "class", "dev.notes.web.CommentResource"))
                .as("Liberty's own JAX-RS figures, by resource class and method").isPositive();
        assertNoLabelNames(after, key, user.username(), "198.51.100.1");
    }

    @Test
    void liveSocketsSubscriptionsAndEventsAreCountedOnTheInstanceThatPublishedAndEveryOneThatDelivered() {
        LibertyServer a = cluster.a();
        LibertyServer b = cluster.b();
        var author = Accounts.newUser(a, "publisher");
        String key = Notes.uniqueKey("live-metered");
        PrometheusScrape beforeA = PrometheusScrape.of(a);
        PrometheusScrape beforeB = PrometheusScrape.of(b);

        try (LiveClient watcher = LiveClient.connect(client(b, "198.51.100.2")).subscribe("home", "note:" + key)) {
            PrometheusScrape open = PrometheusScrape.of(b);
            assertThat(moved(beforeB, open, "notes_live_connections")).isEqualTo(1);
            assertThat(moved(beforeB, open, "notes_live_subscriptions")).isEqualTo(2);

            Notes.create(author.client(), key, "Counted live", "text");
            watcher.awaitEvent("note.created", key);

            PrometheusScrape afterA = PrometheusScrape.awaitAtLeast(a,
                    beforeA.value("notes_live_events_received_total") + 1, MOVES, "notes_live_events_received_total");
            PrometheusScrape afterB = PrometheusScrape.awaitAtLeast(b,
                    beforeB.value("notes_live_events_delivered_total") + 2, MOVES, "notes_live_events_delivered_total");
            assertThat(moved(beforeA, afterA, "notes_live_events_published_total")).isEqualTo(1);
            assertThat(moved(beforeB, afterB, "notes_live_events_published_total")).isZero();
            assertThat(moved(beforeA, afterA, "notes_live_events_received_total")).isEqualTo(1);
            assertThat(moved(beforeB, afterB, "notes_live_events_received_total")).isEqualTo(1);
            assertThat(moved(beforeB, afterB, "notes_live_events_delivered_total")).as("home and the note's topic").isEqualTo(2);
            assertThat(moved(beforeA, afterA, "notes_live_events_delivered_total")).as("no socket on A").isZero();
            assertNoLabelNames(afterB, key, author.username(), "198.51.100.2");
        }
        // The server learns of the close asynchronously.
        awaitValue(b, beforeB.value("notes_live_connections"), "notes_live_connections");
        awaitValue(b, beforeB.value("notes_live_subscriptions"), "notes_live_subscriptions");
    }

    @Test
    void anIdGapMakesEveryInstanceResyncAndCountIt() {
        LibertyServer a = cluster.a();
        LibertyServer b = cluster.b();
        var author = Accounts.newUser(a, "gap");
        PrometheusScrape beforeA = PrometheusScrape.of(a);
        PrometheusScrape beforeB = PrometheusScrape.of(b);

        try (LiveClient watcher = LiveClient.connect(client(b, "198.51.100.3")).subscribe("home")) {
            // Three ids numbered but never published: the next event arrives with a gap.
            RedissonClient redis = TestRedis.client();
            try {
                redis.getAtomicLong("notes:events:last-id").addAndGet(3);
            } finally {
                redis.shutdown();
            }
            Notes.create(author.client(), Notes.uniqueKey("after-gap"), "After a gap", "");
            watcher.await(message -> message.getString("type").equals("resync"));
        }
        PrometheusScrape.awaitAtLeast(a, beforeA.value("notes_live_resyncs_total") + 1, RESYNC, "notes_live_resyncs_total");
        PrometheusScrape.awaitAtLeast(b, beforeB.value("notes_live_resyncs_total") + 1, RESYNC, "notes_live_resyncs_total");
    }

    @Test
    void aSocketClosedForFloodingIsCountedByItsReason() {
        LibertyServer b = cluster.b();
        PrometheusScrape before = PrometheusScrape.of(b);
        try (LiveClient flooder = LiveClient.connect(client(b, "203.0.113.70"))) {
            // A burst accepted, one refused with a warning, then more than a burst refused: closed
            // after the last of these, so no send races the close.
            for (int i = 0; i < 2 * BURST + 1; i++) {
                flooder.send("{\"type\":\"ping\"}");
            }
            assertThat(flooder.awaitClose()).isEqualTo(4029);
        }
        PrometheusScrape after = PrometheusScrape.awaitAtLeast(b,
                before.value("notes_live_sockets_closed_total", "reason", "too_many_messages") + 1, MOVES,
                "notes_live_sockets_closed_total", "reason", "too_many_messages");
        assertThat(moved(before, after, "notes_live_sockets_closed_total", "reason", "too_many_messages")).as("once").isEqualTo(1);
        assertThat(moved(before, after, "notes_live_sockets_closed_total", "reason", "too_slow")).isZero();
    }

    @Test
    void throttledLoginsAreCountedByTheCountThatRanOutNeverByAccountOrAddress() {
        LibertyServer a = cluster.a();
        String victim = Accounts.register(client(a, "198.51.100.4"), "throttled");
        PrometheusScrape before = PrometheusScrape.of(a);

        WebClient guesser = client(a, "203.0.113.71");
        for (int i = 0; i < PER_PAIR; i++) {
            Accounts.logInAttempt(guesser, victim, WRONG);
        }
        assertThat(Accounts.logInAttempt(guesser, victim, WRONG).status()).isEqualTo(429);

        WebClient stuffer = client(a, "203.0.113.72");
        for (int i = 0; i < PER_ADDRESS; i++) {
            Accounts.logInAttempt(stuffer, "stuffed-" + i + "-" + UUID.randomUUID(), WRONG);
        }
        assertThat(Accounts.logInAttempt(stuffer, "stuffed-next", WRONG).status()).isEqualTo(429);

        PrometheusScrape after = PrometheusScrape.of(a);
        assertThat(moved(before, after, "notes_logins_throttled_total", "reason", "account_and_address")).isEqualTo(1);
        assertThat(moved(before, after, "notes_logins_throttled_total", "reason", "address")).isEqualTo(1);
        assertThat(moved(before, after, "notes_logins_throttled_total", "reason", "account")).isZero();
        assertThat(moved(before, after, "notes_http_requests_seconds_count", "route", "/user/login", "status", "4xx"))
                .as("the refusals, timed until their delayed answer").isGreaterThanOrEqualTo(2);
        assertNoLabelNames(after, victim, "203.0.113.71", "203.0.113.72", "stuffed-");
    }

    @Test
    void sessionReadsAndTheDatabasePoolAreReported() {
        LibertyServer a = cluster.a();
        var user = Accounts.newUser(a, "pooled");
        PrometheusScrape before = PrometheusScrape.of(a);

        user.client().get("/user/account");
        user.client().get("/");

        PrometheusScrape after = PrometheusScrape.of(a);
        assertThat(moved(before, after, "notes_session_reads_seconds_count")).as("one per request with a session").isEqualTo(2);
        assertThat(after.value("notes_session_read_failures_total")).as("Redis is up").isZero();
        assertThat(after.has("notes_session_read_failures_total")).isTrue();
        assertThat(after.value("connectionpool_managedConnections", "datasource", "jdbc_notes")).isPositive();
        assertThat(moved(before, after, "connectionpool_usedConnections_total", "datasource", "jdbc_notes")).isPositive();
        assertThat(after.has("connectionpool_freeConnections")).isTrue();
    }

    @Test
    void everySeriesTheGrafanaDashboardQueriesIsScrapedFromARealInstance() {
        LibertyServer a = cluster.a();
        // Traffic that makes every kind of series exist: a page, a login, a failed one, a live event.
        var author = Accounts.newUser(a, "dashboard");
        Accounts.logInAttempt(client(a, "198.51.100.5"), author.username(), WRONG);
        String key = Notes.uniqueKey("dashboard");
        try (LiveClient watcher = LiveClient.connect(client(a, "198.51.100.5")).subscribe("home")) {
            Notes.create(author.client(), key, "On the dashboard", "");
            watcher.awaitEvent("note.created", key);
        }
        Set<String> scraped = new TreeSet<>(PrometheusScrape.awaitAtLeast(a, 1, MOVES, "notes_live_events_delivered_total").names());
        scraped.addAll(PrometheusScrape.of(cluster.b()).names());

        assertThat(GrafanaDashboard.read().metricNames()).isNotEmpty().allSatisfy(name ->
                assertThat(scraped).as("series the dashboard queries").contains(name));
    }

    @Test
    void metricsNeedNoLoginButAreForTheScraperOnly() {
        var response = PrometheusScrape.fetch(cluster.a().uri("/metrics?scope=application"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("notes_http_requests_seconds_count").doesNotContain("mp_scope=\"vendor\"");
        assertThat(response.headers().firstValue("Set-Cookie")).as("a scrape makes no session").isEmpty();
    }

    private static double moved(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static void awaitValue(LibertyServer server, double expected, String name) {
        long deadline = System.nanoTime() + MOVES.toNanos();
        double value;
        while ((value = PrometheusScrape.of(server).value(name)) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " on " + server.name() + " is " + value + ", not " + expected);
            }
            LibertyServer.sleep(Duration.ofMillis(200));
        }
    }

    /** No label value of any series contains any of {@code secrets} (keys, usernames, addresses). */
    private static void assertNoLabelNames(PrometheusScrape scrape, String... secrets) {
        for (String value : scrape.labelValues()) {
            for (String secret : List.of(secrets)) {
                assertThat(value).as("a label value").doesNotContain(secret);
            }
        }
    }
}
