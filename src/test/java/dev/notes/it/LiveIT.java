package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Comments;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.LiveClient;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import jakarta.json.JsonObject;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The live endpoint with real WebSocket clients: changes made over HTTP reach the right subscribers. */
@ExtendWith(NotesServer.class)
class LiveIT {

    @Test
    void everyChangeReachesItsTopicsAndNoOthers(LibertyServer server) {
        var author = Accounts.newUser(server, "lena");
        var reader = Accounts.newUser(server, "marc");
        String key = Notes.uniqueKey("live");
        String otherKey = Notes.uniqueKey("elsewhere");
        Notes.create(author.client(), otherKey, "Elsewhere", "");

        try (LiveClient home = LiveClient.connect(new WebClient(server.baseUri())).subscribe("home");
             LiveClient page = LiveClient.connect(new WebClient(server.baseUri())).subscribe("note:" + key);
             LiveClient other = LiveClient.connect(new WebClient(server.baseUri())).subscribe("note:" + otherKey)) {

            Notes.create(author.client(), key, "Live <b>note</b>", "first");
            JsonObject created = home.awaitEvent("note.created", key);
            assertThat(created.getString("topic")).isEqualTo("home");
            assertThat(created.getJsonObject("note").getString("title")).isEqualTo("Live <b>note</b>");
            assertThat(created.getJsonObject("note")).as("the list shows titles, not texts").doesNotContainKey("body");
            assertThat(page.awaitEvent("note.created", key).getString("topic")).isEqualTo("note:" + key);

            author.client().get("/note/edit?key=" + key).form("noteForm")
                    .set("title", "Live note, edited").set("body", "second\nline").press("save");
            assertThat(home.awaitEvent("note.updated", key).getJsonObject("note").getString("title"))
                    .isEqualTo("Live note, edited");
            JsonObject updated = page.awaitEvent("note.updated", key).getJsonObject("note");
            assertThat(updated.getString("body")).isEqualTo("second\nline");
            assertThat(updated.getString("updatedAtText")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");

            Comments.addOnPage(reader.client(), key, "<script>hi</script>");
            JsonObject added = page.awaitEvent("comment.added", key).getJsonObject("comment");
            assertThat(added.getString("author")).isEqualTo(reader.username());
            assertThat(added.getString("authorName")).isEqualTo(Accounts.displayNameOf(reader.username()));
            assertThat(added.getString("text")).isEqualTo("<script>hi</script>");

            reader.client().get("/note/view?key=" + key).form("commentActions")
                    .press("delete", String.valueOf(added.getJsonNumber("id").longValue()));
            assertThat(page.awaitEvent("comment.deleted", key).getJsonObject("comment").getJsonNumber("id").longValue())
                    .isEqualTo(added.getJsonNumber("id").longValue());

            author.client().get("/note/delete?key=" + key).form("deleteForm").press("confirm");
            home.awaitEvent("note.deleted", key);
            page.awaitEvent("note.deleted", key);

            // A change to the other note, made last, must reach its subscriber: by then every event
            // about the first note would have arrived too, had it been sent there.
            Comments.addOnPage(author.client(), otherKey, "marker");
            other.awaitEvent("comment.added", otherKey);
            assertThat(other.drain()).noneMatch(m -> key.equals(m.getString("key", null)));
            assertThat(home.drain()).noneMatch(m -> m.getString("type").equals("event")
                    && m.getString("event").startsWith("comment."));
        }
    }

    @Test
    void eventIdsGrowInTheOrderOfTheChanges(LibertyServer server) {
        var author = Accounts.newUser(server, "nina");
        String key = Notes.uniqueKey("ordered");
        Notes.create(author.client(), key, "Ordered", "");
        try (LiveClient page = LiveClient.connect(new WebClient(server.baseUri())).subscribe("note:" + key)) {
            for (int i = 1; i <= 5; i++) {
                Comments.addOnPage(author.client(), key, "comment " + i);
            }
            long previous = 0;
            for (int i = 1; i <= 5; i++) {
                JsonObject event = page.awaitEvent("comment.added", key);
                assertThat(event.getJsonObject("comment").getString("text")).isEqualTo("comment " + i);
                assertThat(event.getJsonNumber("id").longValue()).isGreaterThan(previous);
                previous = event.getJsonNumber("id").longValue();
            }
        }
    }

    @Test
    void subscribingSendsASnapshotOfTheTopic(LibertyServer server) {
        var author = Accounts.newUser(server, "omar");
        String key = Notes.uniqueKey("snap");
        Notes.create(author.client(), key, "Snapshot", "body text");
        Comments.addOnPage(author.client(), key, "older");
        Comments.addOnPage(author.client(), key, "newer");

        try (LiveClient client = LiveClient.connect(new WebClient(server.baseUri()))) {
            client.send("{\"type\":\"subscribe\",\"topics\":[\"note:" + key + "\",\"home\",\"note:no-such-" + key + "\"]}");
            JsonObject note = client.await(m -> m.getString("topic").equals("note:" + key));
            assertThat(note.getString("type")).isEqualTo("snapshot");
            assertThat(note.getJsonObject("note").getString("body")).isEqualTo("body text");
            assertThat(note.getJsonObject("note").getString("author")).isEqualTo(author.username());
            assertThat(note.getJsonObject("note").getString("authorName")).isEqualTo(Accounts.displayNameOf(author.username()));
            assertThat(note.getJsonArray("comments").getValuesAs(JsonObject.class))
                    .extracting(c -> c.getString("text")).containsExactly("newer", "older");
            assertThat(note.getJsonNumber("commentCount").intValue()).isEqualTo(2);
            assertThat(note.getBoolean("olderComments")).isFalse();
            assertThat(note.getJsonNumber("lastEventId").longValue()).isPositive();

            // The home snapshot is the first page of the list, as the home page shows it (HomePagingIT
            // covers later pages).
            JsonObject home = client.await(m -> m.getString("topic").equals("home"));
            Page firstPage = new WebClient(server.baseUri()).get("/");
            assertThat(home.getJsonArray("notes").getValuesAs(JsonObject.class)).extracting(n -> n.getString("key"))
                    .containsExactlyElementsOf(firstPage.document().select("#notes a.note-link").eachAttr("data-key"));
            assertThat(home.getJsonNumber("total").longValue())
                    .isEqualTo(Long.parseLong(firstPage.text("#noteCount")));

            JsonObject missing = client.await(m -> m.getString("topic").equals("note:no-such-" + key));
            assertThat(missing.containsKey("note")).isFalse();
            assertThat(missing.getJsonArray("comments")).isEmpty();
        }
    }

    @Test
    void anotherSitesPagesCannotOpenASocket(LibertyServer server) {
        WebClient browser = Accounts.newUser(server, "pia").client();
        Throwable refused = LiveClient.refusedHandshake(browser, "https://evil.example");
        assertThat(refused).isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refused).getResponse().statusCode()).isEqualTo(403);

        assertThat(LiveClient.refusedHandshake(browser, browser.origin())).as("this site's pages").isNull();
        assertThat(LiveClient.refusedHandshake(browser, null)).as("a client that is no browser").isNull();
    }

    @Test
    void badMessagesGetAnErrorAndTheConnectionGoesOn(LibertyServer server) {
        try (LiveClient client = LiveClient.connect(new WebClient(server.baseUri()))) {
            for (String bad : List.of("not json", "[]", "{}", "{\"type\":\"dance\"}", "{\"type\":\"subscribe\"}",
                    "{\"type\":\"subscribe\",\"topics\":[\"note:has space\"]}",
                    "{\"type\":\"subscribe\",\"topics\":[\"note:" + "k".repeat(101) + "\"]}",
                    "{\"type\":\"subscribe\",\"topics\":[\"admin\"]}")) {
                client.send(bad);
                JsonObject error = client.await(m -> true);
                assertThat(error.getString("type")).as(bad).isEqualTo("error");
                assertThat(error.getString("message")).as(bad).isNotBlank();
            }
            client.send("{\"type\":\"ping\"}");
            assertThat(client.await(m -> true).getString("type")).isEqualTo("pong");
        }
    }

    @Test
    void anOversizedMessageClosesTheConnection(LibertyServer server) {
        try (LiveClient client = LiveClient.connect(new WebClient(server.baseUri()))) {
            client.send("{\"type\":\"ping\",\"padding\":\"" + "x".repeat(5000) + "\"}");
            assertThat(client.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void tooManyTopicsAreRefused(LibertyServer server) {
        try (LiveClient client = LiveClient.connect(new WebClient(server.baseUri()))) {
            StringBuilder topics = new StringBuilder("\"home\"");
            for (int i = 0; i < 25; i++) {
                topics.append(",\"note:many-").append(i).append('"');
            }
            client.send("{\"type\":\"subscribe\",\"topics\":[" + topics + "]}");
            assertThat(client.await(m -> m.getString("type").equals("error")).getString("message"))
                    .contains("Too many topics");
        }
    }

    @Test
    void aSlowClientDoesNotHoldUpOthers(LibertyServer server) {
        var author = Accounts.newUser(server, "quentin");
        String key = Notes.uniqueKey("busy");
        Notes.create(author.client(), key, "Busy", "");
        String bigBody = "x".repeat(100_000);
        int updates = 80;
        try (LiveClient slow = LiveClient.connectNotReading(new WebClient(server.baseUri()));
             LiveClient fast = LiveClient.connect(new WebClient(server.baseUri())).subscribe("note:" + key)) {
            slow.send("{\"type\":\"subscribe\",\"topics\":[\"note:" + key + "\"]}");
            for (int i = 1; i <= updates; i++) {
                author.client().get("/note/edit?key=" + key).form("noteForm")
                        .set("title", "Busy " + i).set("body", bigBody).press("save");
                assertThat(fast.awaitEvent("note.updated", key).getJsonObject("note").getString("title"))
                        .isEqualTo("Busy " + i);
            }
            // 8 MB of events the slow client did not read: past what the socket buffers hold and the
            // per-connection bound. Reading now, it finds the server closed it for being too slow.
            slow.resumeReading();
            assertThat(slow.awaitClose()).isEqualTo(4008);
        }
    }

    @Test
    void loggingOutClosesTheSocketsOfThatLogin(LibertyServer server) {
        var user = Accounts.newUser(server, "rita");
        try (LiveClient mine = LiveClient.connect(user.client()).subscribe("home");
             LiveClient anonymous = LiveClient.connect(new WebClient(server.baseUri())).subscribe("home")) {
            user.client().get("/").form("logoutForm").press("logout");
            // Notes closes with 4001; Jakarta WebSocket itself closes the sockets of an invalidated
            // HTTP session with 1008, and whichever is first wins. The page reloads on both.
            assertThat(mine.awaitClose()).isIn(4001, 1008);
            anonymous.send("{\"type\":\"ping\"}");
            assertThat(anonymous.await(m -> true).getString("type")).isEqualTo("pong");
        }
    }
}
