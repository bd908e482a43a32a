package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Comments;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.LiveClient;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.TestPostgres;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * A cluster instance whose Redis goes away and comes back: reading goes on, whatever needs a login
 * says "temporarily unavailable", and afterwards events flow again and browsers resynchronise.
 * Uses a Redis of its own (stopping a shared one would disturb everything else).
 */
class RedisOutageIT {

    @Test
    void readingGoesOnLoginsWaitAndEverythingRecovers() throws IOException {
        int port = LibertyServer.freePort();
        RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").build();
        redis.start();
        Map<String, String> settings = new HashMap<>(NotesCluster.sharedFacesSecrets());
        settings.put("NOTES_CLUSTER", "redis");
        settings.put("REDIS_URL", "redis://127.0.0.1:" + port);
        try (LibertyServer server = LibertyServer.withPostgres("notes-it-outage", TestPostgres.newDatabase("outage"),
                settings).start()) {
            server.awaitLine(server.messagesLog(), "Subscribed to the Redis channel notes:events; browsers resynchronise.");
            var author = Accounts.newUser(server, "gwen");
            String key = Notes.uniqueKey("outage");
            Notes.create(author.client(), key, "Outage", "still readable");

            try (LiveClient window = LiveClient.connect(new WebClient(server.baseUri())).subscribe("note:" + key)) {
                redis.stop();

                WebClient anonymous = new WebClient(server.baseUri());
                assertThat(anonymous.get("/").status()).isEqualTo(200);
                assertThat(anonymous.get("/note/view?key=" + key).text("#noteBody")).isEqualTo("still readable");

                // With a session cookie, Liberty reads the session before the application runs and
                // fails the request itself; its error page is then the static "unavailable" one.
                Page loggedIn = author.client().get("/");
                assertThat(loggedIn.status()).isEqualTo(503);
                assertThat(loggedIn.title()).isEqualTo("Temporarily unavailable");
                assertThat(loggedIn.header("Retry-After")).contains("30");
                assertThat(loggedIn.header("Content-Security-Policy")).isPresent();
                assertThat(loggedIn.body()).doesNotContain("Exception").doesNotContain("at com.ibm");

                Page login = new WebClient(server.baseUri()).get("/user/login").form("loginForm")
                        .set("username", author.username()).set("password", Accounts.PASSWORD).press("login");
                assertThat(login.status()).isEqualTo(503);
                assertThat(login.title()).isEqualTo("Temporarily unavailable");
                assertThat(login.header("Retry-After")).contains("30");
                assertThat(anonymous.get("/health/ready").status()).isEqualTo(503);

                redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").build();
                redis.start();
                awaitReady(anonymous);
                // Redisson resubscribed by itself; the instance has its browsers catch up.
                window.await(m -> m.getString("type").equals("resync"));

                // This Redis keeps nothing on disk, so the old sessions are gone: log in again.
                WebClient again = Accounts.logIn(server, author.username());
                Comments.addOnPage(again, key, "after the outage");
                assertThat(window.awaitEvent("comment.added", key).getJsonObject("comment").getString("text"))
                        .isEqualTo("after the outage");
            }
        } finally {
            redis.stop();
        }
    }

    private static void awaitReady(WebClient client) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (client.get("/health/ready").status() != 200) {
            assertThat(Instant.now()).as("ready again within 30 s of Redis's return").isBefore(deadline);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
