package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Api;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.NotesCluster.Cluster;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Login storms, registration bursts and quota hits against a real server with small limits. The
 * server trusts 127.0.0.1 as a proxy, so each client plays its own address through
 * {@code X-Forwarded-For} (documentation addresses only). Every case checks the refusal (429, the
 * message, {@code Retry-After}) and that the instance still serves another user.
 */
class HostileLoginIT {

    private static final int PER_PAIR = 3;
    private static final int PER_ACCOUNT = 6;
    private static final int PER_ADDRESS = 8;
    private static final int REGISTRATIONS = 4;
    private static final int NOTES = 3;
    private static final int COMMENTS = 3;
    /** Short, so that a refusal can be seen to end; long enough for a burst of PBKDF2 checks on a busy machine. */
    private static final Duration WINDOW = Duration.ofSeconds(30);
    private static final String WRONG = "not the password at all";
    /** The shipped REFUSAL_DELAY. */
    private static final Duration REFUSAL_DELAY = Duration.ofSeconds(1);

    /** Registrations each come from an address of their own, so that only the burst test meets the limit. */
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    private static LibertyServer server;

    @BeforeAll
    static void start() {
        server = LibertyServer.create("notes-it-hostile", Map.of(
                "TRUSTED_PROXIES", "127\\.0\\.0\\.1",
                "LOGIN_FAILURE_WINDOW", WINDOW.toSeconds() + "s",
                "LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS", Integer.toString(PER_PAIR),
                "LOGIN_FAILURES_PER_ACCOUNT", Integer.toString(PER_ACCOUNT),
                "LOGIN_FAILURES_PER_ADDRESS", Integer.toString(PER_ADDRESS),
                "REGISTRATIONS_PER_ADDRESS", Integer.toString(REGISTRATIONS),
                "NOTES_PER_ACCOUNT", Integer.toString(NOTES),
                "COMMENTS_PER_ACCOUNT", Integer.toString(COMMENTS))).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void wrongPasswordsForOneAccountAreRefusedUncheckedWhileItsOwnerAndOthersLogIn() {
        String victim = register("victim");
        WebClient attacker = client("203.0.113.11");
        for (int i = 0; i < PER_PAIR; i++) {
            Page failed = Accounts.logInAttempt(attacker, victim, WRONG + i);
            assertThat(failed.text("#messages")).as("attempt %d", i + 1).isEqualTo("Wrong username or password.");
        }

        assertThrottled(Accounts.logInAttempt(attacker, victim, WRONG));
        // Refused before the password is looked at: the right one does not help the attacker either.
        assertThrottled(Accounts.logInAttempt(attacker, victim, Accounts.PASSWORD));

        // The owner, from their own address, is not locked out; neither is anyone else.
        Accounts.logIn(client("198.51.100.11"), victim);
        Accounts.logIn(client("203.0.113.12"), register("bystander"));
    }

    @Test
    void wrongPasswordsFromOneAddressOverManyAccountsAreRefusedWhileOtherAddressesLogIn() {
        String user = register("office");
        WebClient stuffer = client("203.0.113.21");
        for (int i = 0; i < PER_ADDRESS; i++) {
            Page failed = Accounts.logInAttempt(stuffer, "stuffed-" + i + "-" + UUID.randomUUID(), WRONG);
            assertThat(failed.text("#messages")).as("attempt %d", i + 1).isEqualTo("Wrong username or password.");
        }

        assertRefusedBeforeTheLoginPage(stuffer, "stuffed-next-" + UUID.randomUUID(), WRONG);
        assertRefusedBeforeTheLoginPage(stuffer, user, Accounts.PASSWORD);

        Accounts.logIn(client("198.51.100.21"), user);
    }

    @Test
    void aStufferRetryingAtOnceIsAnsweredOncePerDelayPerConnectionWhileOthersLogIn() throws Exception {
        String user = register("steady");
        WebClient stuffer = client("203.0.113.41");
        for (int i = 0; i < PER_ADDRESS; i++) {
            Accounts.logInAttempt(stuffer, "stuffed-" + i + "-" + UUID.randomUUID(), WRONG);
        }
        // The form replayed by many connections at once, as a stuffing loop does: every one is
        // refused, none answered before the delay, and none holds a thread while it waits.
        WebClient.Form replayed = stuffer.get("/user/login").form("loginForm")
                .set("username", "stuffed-replay").set("password", WRONG);
        int parallel = 64;
        ExecutorService attempts = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Duration>> answers = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                answers.add(attempts.submit(() -> {
                    long start = System.nanoTime();
                    Page refused = replayed.press("login");
                    assertThat(refused.status()).isEqualTo(429);
                    return Duration.ofNanos(System.nanoTime() - start);
                }));
            }
            Accounts.logIn(client("198.51.100.41"), user);
            for (Future<Duration> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(REFUSAL_DELAY);
            }
        } finally {
            attempts.shutdownNow();
        }
    }

    @Test
    void aRefusalEndsWithItsWindow() throws InterruptedException {
        String user = register("patient");
        WebClient mistyper = client("203.0.113.31");
        for (int i = 0; i < PER_PAIR; i++) {
            Accounts.logInAttempt(mistyper, user, WRONG);
        }
        assertThrottled(Accounts.logInAttempt(mistyper, user, Accounts.PASSWORD));

        Instant deadline = Instant.now().plus(WINDOW.multipliedBy(3));
        Page attempt = Accounts.logInAttempt(mistyper, user, Accounts.PASSWORD);
        while (attempt.status() == 429 && Instant.now().isBefore(deadline)) {
            Thread.sleep(1_000);
            attempt = Accounts.logInAttempt(mistyper, user, Accounts.PASSWORD);
        }
        assertThat(attempt.text("#currentUser")).as("logged in once the window ended").contains("Display " + user);
    }

    @Test
    void aRegistrationBurstFromOneAddressIsRefusedKeepingWhatWasTyped() {
        WebClient office = client("198.51.100.250");
        for (int i = 0; i < REGISTRATIONS; i++) {
            Accounts.register(office, "colleague");
        }

        String name = Accounts.uniqueName("one-too-many");
        Page refused = office.get("/user/register").form("registerForm")
                .set("username", name)
                .set("displayName", "One too many")
                .set("password", Accounts.PASSWORD)
                .set("passwordAgain", Accounts.PASSWORD)
                .press("register");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("#messages")).startsWith("Too many accounts were created from your network address")
                .contains("Please try again in");
        assertRetryAfterWithin(refused, Duration.ofHours(1));
        assertThat(refused.form("registerForm").fields()).containsEntry("registerForm:username", name)
                .containsEntry("registerForm:displayName", "One too many");
        assertThat(Accounts.logInAttempt(client("198.51.100.251"), name, Accounts.PASSWORD).text("#messages"))
                .as("no account was made").isEqualTo("Wrong username or password.");

        Accounts.logIn(server, register("newcomer"));
    }

    @Test
    void theNoteQuotaKeepsWhatWasTypedAndLeavesOthersWriting() {
        WebClient author = Accounts.logIn(server, register("prolific"));
        for (int i = 0; i < NOTES; i++) {
            String key = key("quota");
            assertThat(addNote(author, key, "Note " + i).path()).isEqualTo("/note/view?key=" + key);
        }

        Page refused = addNote(author, key("quota"), "The one too many");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("#messages")).startsWith("You have created the most notes allowed in a while")
                .contains("Please try again in");
        assertRetryAfterWithin(refused, Duration.ofHours(1));
        assertThat(refused.form("noteForm").fields()).containsEntry("noteForm:title", "The one too many");

        String other = key("other");
        assertThat(addNote(Accounts.logIn(server, register("modest")), other, "Mine").path())
                .isEqualTo("/note/view?key=" + other);
    }

    @Test
    void theCommentQuotaAnswersTheApiWithAProblemAndThePageWithAMessage() {
        WebClient chatty = Accounts.logIn(server, register("chatty"));
        String key = key("talk");
        addNote(chatty, key, "Talk");
        for (int i = 0; i < COMMENTS; i++) {
            assertThat(postComment(chatty, key, "comment " + i).statusCode()).isEqualTo(201);
        }

        HttpResponse<String> refused = postComment(chatty, key, "one too many");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Json.createReader(new StringReader(refused.body())).readObject().getString("detail"))
                .startsWith("You have added the most comments allowed in a while");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);

        Page page = chatty.get("/note/view?key=" + key).form("commentForm").set("text", "typed with care").press("add");
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.text("#commentForm .invalid-feedback")).startsWith("You have added the most comments allowed");
        assertThat(page.form("commentForm").fields()).containsEntry("commentForm:text", "typed with care");

        assertThat(postComment(Accounts.logIn(server, register("listener")), key, "my first").statusCode()).isEqualTo(201);
    }

    @Test
    void theApiLoginIsThrottledLikeTheFormAndTheNoteQuotaAnswersWithAProblem() {
        String victim = register("apivictim");
        WebClient attacker = client("203.0.113.51");
        for (int i = 0; i < PER_PAIR; i++) {
            assertThat(Api.problem(apiLogIn(attacker, victim, WRONG + i), 401).getString("detail"))
                    .as("attempt %d", i + 1).isEqualTo("Wrong username or password.");
        }
        for (String password : List.of(WRONG, Accounts.PASSWORD)) {
            HttpResponse<String> refused = apiLogIn(attacker, victim, password);
            assertThat(Api.problem(refused, 429).getString("detail"))
                    .matches("Too many failed logins\\. Please try again in \\d+ (seconds?|minutes?)\\.");
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(1L, Duration.ofMinutes(15).toSeconds());
        }
        assertThat(Api.problem(Api.send(attacker, "GET", "/api/session", null), 401)).as("not logged in").isNotNull();

        WebClient author = client("198.51.100.52");
        assertThat(apiLogIn(author, victim, Accounts.PASSWORD).statusCode()).as("the owner, from elsewhere").isEqualTo(200);
        for (int i = 0; i < NOTES; i++) {
            assertThat(Api.send(author, "POST", "/api/notes", apiNote(key("api-quota"))).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> overQuota = Api.send(author, "POST", "/api/notes", apiNote(key("api-quota")));
        assertThat(Api.problem(overQuota, 429).getString("detail")).isNotBlank();
        assertThat(Long.parseLong(overQuota.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
    }

    @Test
    void failuresCountedThroughOneInstanceRefuseOnTheOther() {
        try (Cluster cluster = NotesCluster.start("notes-it-throttle", Map.of(
                "TRUSTED_PROXIES", "127\\.0\\.0\\.1",
                "LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS", Integer.toString(PER_PAIR)))) {
            String user = Accounts.register(cluster.a(), "roaming");
            // A run of its own: the counters in the shared Redis outlive this test by their window.
            String address = "203.0.113." + (100 + NEXT_ADDRESS.getAndIncrement() % 100);
            WebClient onA = new WebClient(cluster.a().baseUri()).forwardedFor(address);
            for (int i = 0; i < PER_PAIR; i++) {
                assertThat(Accounts.logInAttempt(onA, user, WRONG).text("#messages")).isEqualTo("Wrong username or password.");
            }

            assertThrottled(Accounts.logInAttempt(new WebClient(cluster.b().baseUri()).forwardedFor(address), user, Accounts.PASSWORD));
            Accounts.logIn(new WebClient(cluster.b().baseUri()).forwardedFor("198.51.100.199"), user);
        }
    }

    private static void assertThrottled(Page page) {
        assertThat(page.status()).as(page.body()).isEqualTo(429);
        assertThat(page.title()).isEqualTo("Login to Notes");
        assertThat(page.text("#messages")).matches("Too many failed logins\\. Please try again in \\d+ (seconds?|minutes?)\\.");
        assertThat(page.has("#currentUser")).isFalse();
        assertRetryAfterWithin(page, Duration.ofMinutes(15));
    }

    /** Refused by the client address alone, before the login page: a page of its own, after the delay. */
    private static void assertRefusedBeforeTheLoginPage(WebClient client, String username, String password) {
        long start = System.nanoTime();
        Page page = Accounts.logInAttempt(client, username, password);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(REFUSAL_DELAY);
        assertThat(page.status()).as(page.body()).isEqualTo(429);
        assertThat(page.title()).isEqualTo("Too many failed logins");
        assertThat(page.text("#errorMessage")).matches("Too many failed logins\\. Please try again in \\d+ (seconds?|minutes?)\\.");
        assertRetryAfterWithin(page, WINDOW);
    }

    private static void assertRetryAfterWithin(Page page, Duration longest) {
        assertThat(Long.parseLong(page.header("Retry-After").orElseThrow())).isBetween(1L, longest.toSeconds());
    }

    private static WebClient client(String address) {
        return new WebClient(server.baseUri()).forwardedFor(address);
    }

    private static String register(String prefix) {
        return Accounts.register(client("198.51.100." + NEXT_ADDRESS.getAndIncrement()), prefix);
    }

    private static String key(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Page addNote(WebClient author, String key, String title) {
        return author.get("/note/add").form("noteForm").set("key", key).set("title", title).set("body", "text").press("save");
    }

    private static HttpResponse<String> apiLogIn(WebClient client, String username, String password) {
        return Api.send(client, "POST", "/api/session",
                Json.createObjectBuilder().add("username", username).add("password", password).build().toString());
    }

    private static String apiNote(String key) {
        return Json.createObjectBuilder().add("key", key).add("title", "Quota").add("body", "").build().toString();
    }

    private static HttpResponse<String> postComment(WebClient client, String key, String text) {
        return client.send(HttpRequest.newBuilder(client.uri("/api/notes/" + key + "/comments"))
                .header("Content-Type", "application/json")
                .header("Origin", client.origin())
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("text", text).build().toString())));
    }
}
