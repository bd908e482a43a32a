package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Comments;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.LiveClient;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.NotesCluster.Cluster;
import dev.notes.it.support.SecuredRedis;
import dev.notes.it.support.SecuredRedis.AclRefusal;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances on a Redis secured as the README tells operators (TLS only with a certificate of a
 * private CA, the default user disabled, Notes as an ACL user with only the permissions it needs):
 * logins, logouts and live events cross instances and Redis refuses Notes nothing it needs; an instance
 * given a wrong password is not ready, says why in its log, and logs no password.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredRedisClusterIT {

    private static SecuredRedis redis;
    private static Cluster cluster;

    @BeforeAll
    static void start() {
        redis = SecuredRedis.start();
        cluster = NotesCluster.startOn(redis.settings(), "notes-it-tls", Map.of());
    }

    @AfterAll
    static void stop() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
    }

    @Test
    @Order(1)
    void loginsLogoutsAndLiveEventsCrossInstancesWithinTheAclUsersRights() {
        String username = Accounts.register(cluster.a(), "tls");
        WebClient onA = Accounts.logIn(cluster.a(), username);
        WebClient onB = onA.sameBrowserOn(cluster.b());
        assertThat(onB.get("/").text("#currentUser")).contains("Display " + username);

        String key = Notes.uniqueKey("tls");
        Notes.create(onB, key, "Over TLS", "a note saved on B");
        try (LiveClient windowOnB = LiveClient.connect(new WebClient(cluster.b().baseUri())).subscribe("note:" + key)) {
            Comments.addOnPage(onA, key, "made on A");
            assertThat(windowOnB.awaitEvent("comment.added", key).getJsonObject("comment").getString("text"))
                    .isEqualTo("made on A");
        }

        // A failed login is counted in Redis (the throttling counters), a logout removes the session there.
        Page failed = Accounts.logInAttempt(new WebClient(cluster.b().baseUri()), username, "not " + Accounts.PASSWORD);
        assertThat(failed.has("#currentUser")).isFalse();
        Accounts.logOut(onB);
        Accounts.assertLoggedOut(onA, "logged out on B, so on A too");

        // Redisson's one refusal, at each client's first connection: it probes for a cluster proxy with
        // EVAL "redis.call('get', KEYS[1]) redis.call('get', KEYS[2])" 2 test1 test2 and looks only for a
        // CROSSSLOT error; NOPERM tells it, like a success, that there is none.
        AclRefusal clusterProbe = new AclRefusal("key", "test1", SecuredRedis.USER);
        assertThat(redis.aclRefusals()).as("what Redis's ACL refused").contains(clusterProbe)
                .allMatch(clusterProbe::equals);
    }

    @Test
    @Order(2)
    void anInstanceWithAWrongPasswordIsNotReadySaysWhyAndLogsNoPassword() {
        String wrongPassword = "not-the-password-" + UUID.randomUUID();
        Map<String, String> settings = new HashMap<>(redis.settings());
        settings.put("REDIS_PASSWORD", wrongPassword);
        settings.put("NOTES_CLUSTER", "redis");
        settings.putAll(NotesCluster.sharedFacesSecrets());
        try (LibertyServer misconfigured = LibertyServer.create("notes-it-tls-wrong", settings).startWithoutWaiting()) {
            misconfigured.awaitLog("Cannot subscribe to the Redis channel notes:events: Redis refused the user and password"
                    + " (REDIS_USERNAME, REDIS_PASSWORD)", Duration.ofSeconds(60));

            Page ready = awaitRedisCheck(new WebClient(misconfigured.baseUri()));
            assertThat(ready.status()).isEqualTo(503);
            assertThat(redisCheck(ready).getString("status")).isEqualTo("DOWN");
            assertThat(misconfigured.awaitLine(misconfigured.messagesLog(), "Not ready: Redis refused the user"))
                    .contains("[RedisWrongPasswordException: WRONGPASS invalid username-password pair");
            assertThat(redis.aclRefusals()).as("Redis saw the wrong password: TLS and the address were right")
                    .anyMatch(refusal -> refusal.reason().equals("auth") && refusal.username().equals(SecuredRedis.USER));

            assertThat(filesContaining(misconfigured.directory().resolve("logs"), wrongPassword)).isEmpty();
        }
        for (LibertyServer instance : cluster.instances()) {
            assertThat(filesContaining(instance.directory().resolve("logs"), redis.password())).isEmpty();
        }
    }

    /** /health/ready once the application's checks answer (while it deploys, Liberty answers DOWN without them). */
    private static Page awaitRedisCheck(WebClient client) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Page ready = client.get("/health/ready");
            if (ready.body().contains("\"name\":\"redis\"")) {
                return ready;
            }
            assertThat(Instant.now()).as("the redis check answers within 60 s; last: " + ready.body()).isBefore(deadline);
            LibertyServer.sleep(Duration.ofMillis(250));
        }
    }

    private static JsonObject redisCheck(Page ready) {
        return Json.createReader(new StringReader(ready.body())).readObject().getJsonArray("checks")
                .getValuesAs(JsonObject.class).stream().filter(check -> check.getString("name").equals("redis"))
                .findFirst().orElseThrow();
    }

    private static List<Path> filesContaining(Path directory, String text) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(file -> contains(file, text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
