package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Comments;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.LiveClient;
import dev.notes.it.support.Notes;
import dev.notes.it.support.SharedAddressLimits;
import dev.notes.it.support.TestPostgres;
import dev.notes.it.support.WebClient;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A note with thousands of comments: its page, its live snapshot and each API call carry one slice
 * of 50, and walking older slices visits every comment once.
 * <p>
 * On PostgreSQL, into which the test inserts the comments in one statement (the server's embedded
 * H2 file is the server's alone while it runs). The slicing queries themselves run on H2 as well in
 * the Arquillian {@code CommentServiceIT}.
 */
class CommentPagingIT {

    /** Not a multiple of 50: the oldest slice is a partial one. */
    private static final int MANY = 2_025;
    private static final int SLICE = 50;
    /** All comments on the page made it 946 KB; 50 of them are about 25 KB. */
    private static final int MAX_PAGE_BYTES = 64 * 1024;

    private static LibertyServer server;
    private static Accounts.User author;
    private static String busyKey;
    private static String changingKey;

    @BeforeAll
    static void startWithManyComments() {
        TestPostgres.Database database = TestPostgres.newDatabase("paging");
        server = LibertyServer.withPostgres("notes-paging", database, SharedAddressLimits.settings());
        server.start();
        author = Accounts.newUser(server, "paula");
        busyKey = Notes.uniqueKey("busy");
        changingKey = Notes.uniqueKey("changing");
        Notes.create(author.client(), busyKey, "Many comments", "busy");
        Notes.create(author.client(), changingKey, "Changing", "live");
        // Before any comment through the application, whose ids then come after these.
        Comments.insert(database, busyKey, MANY);
        Comments.insert(database, changingKey, SLICE + 10);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void thePageShowsTheNewestSliceTheCountAndALinkToOlderOnes() {
        WebClient.Page page = new WebClient(server.baseUri()).get("/note/view?key=" + busyKey);

        assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(MAX_PAGE_BYTES);
        List<Element> shown = page.document().select("#comments li.comment");
        assertThat(shown).hasSize(SLICE);
        assertThat(shown).extracting(c -> c.selectFirst(".comment-text").text())
                .startsWith("comment " + MANY, "comment " + (MANY - 1));
        assertThat(ids(shown)).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(page.text("#commentCount")).isEqualTo(Integer.toString(MANY));
        assertThat(page.has("#comments .delete-comment")).as("anonymous readers delete nothing").isFalse();

        Element older = page.document().getElementById("olderComments");
        assertThat(older.hasClass("d-none")).isFalse();
        assertThat(older.attr("href")).endsWith("&before=" + ids(shown).get(SLICE - 1));
    }

    @Test
    void withoutJavaScriptTheOlderLinkPagesThroughSlices() {
        WebClient reader = new WebClient(server.baseUri());
        String firstOlderLink = reader.get("/note/view?key=" + busyKey).document().getElementById("olderComments").attr("href");

        WebClient.Page older = reader.get(firstOlderLink);

        assertThat(older.status()).isEqualTo(200);
        assertThat(older.document().select("#comments").attr("data-slice")).isEqualTo("older");
        assertThat(older.document().select("#comments .comment-text").eachText())
                .hasSize(SLICE).startsWith("comment " + (MANY - SLICE));
        assertThat(older.has("#newestComments")).isTrue();
        assertThat(reader.get("/note/view?key=" + busyKey + "&before=abc").status()).isEqualTo(400);
    }

    @Test
    void theNoteAuthorGetsADeleteButtonOnEachComment() {
        WebClient.Page page = author.client().get("/note/view?key=" + busyKey);

        assertThat(page.document().select("#comments li.comment .delete-comment")).hasSize(SLICE);
    }

    @Test
    void walkingOlderSlicesThroughTheApiVisitsEveryCommentOnce() {
        WebClient reader = new WebClient(server.baseUri());
        List<Long> visited = new ArrayList<>();
        String query = "";
        int calls = 0;
        boolean hasOlder = true;
        while (hasOlder) {
            HttpResponse<String> response = Comments.list(reader, busyKey, query);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonObject slice = Comments.json(response);
            List<Long> ids = slice.getJsonArray("comments").getValuesAs(JsonObject.class).stream()
                    .map(c -> c.getJsonNumber("id").longValue()).toList();
            assertThat(ids).hasSizeBetween(1, SLICE);
            visited.addAll(ids);
            hasOlder = slice.getBoolean("hasOlder");
            query = "?before=" + ids.get(ids.size() - 1);
            calls++;
        }

        assertThat(visited).hasSize(MANY).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(calls).isEqualTo((MANY + SLICE - 1) / SLICE);
        JsonObject small = Comments.json(Comments.list(reader, busyKey, "?limit=3&before=" + visited.get(0)));
        assertThat(small.getJsonArray("comments")).hasSize(3);
        assertThat(small.getJsonArray("comments").getJsonObject(0).getJsonNumber("id").longValue()).isEqualTo(visited.get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"?before=abc", "?before=0", "?before=-5", "?before=", "?before=99999999999999999999",
            "?before=1.5", "?limit=0", "?limit=51", "?limit=x", "?limit=", "?limit=-1"})
    void badParametersAreRefusedWithAProblem(String query) {
        HttpResponse<String> response = Comments.list(new WebClient(server.baseUri()), busyKey, query);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Comments.json(response).getString("detail")).containsAnyOf("\"before\"", "\"limit\"");
    }

    @Test
    void anUnknownNoteIsNotFound() {
        HttpResponse<String> response = Comments.list(new WebClient(server.baseUri()), "no-such-" + busyKey, "");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Comments.json(response).getString("detail")).contains("no-such-" + busyKey);
    }

    @Test
    void theSnapshotCarriesTheNewestSliceAndTheCount() {
        try (LiveClient client = LiveClient.connect(new WebClient(server.baseUri()))) {
            JsonObject snapshot = snapshotOf(client, busyKey);

            assertThat(snapshot.getJsonArray("comments")).hasSize(SLICE);
            assertThat(snapshot.getJsonArray("comments").getJsonObject(0).getString("text")).isEqualTo("comment " + MANY);
            assertThat(snapshot.getJsonNumber("commentCount").intValue()).isEqualTo(MANY);
            assertThat(snapshot.getBoolean("olderComments")).isTrue();
        }
    }

    @Test
    void liveAdditionsAndDeletionsStillArriveAndLaterSnapshotsFollowThem() {
        WebClient writer = author.client();
        try (LiveClient watcher = LiveClient.connect(new WebClient(server.baseUri()))) {
            JsonObject before = snapshotOf(watcher, changingKey);
            assertThat(before.getJsonNumber("commentCount").intValue()).isEqualTo(SLICE + 10);
            long oldest = Comments.json(Comments.list(writer, changingKey, "?before=" + lastId(before)))
                    .getJsonArray("comments").getJsonObject(9).getJsonNumber("id").longValue();

            long added = Comments.add(writer, changingKey, "live one");
            assertThat(watcher.awaitEvent("comment.added", changingKey).getJsonObject("comment")
                    .getJsonNumber("id").longValue()).isEqualTo(added);
            Comments.delete(writer, changingKey, oldest);
            assertThat(watcher.awaitEvent("comment.deleted", changingKey).getJsonObject("comment")
                    .getJsonNumber("id").longValue()).isEqualTo(oldest);
        }

        try (LiveClient later = LiveClient.connect(new WebClient(server.baseUri()))) {
            JsonObject after = snapshotOf(later, changingKey);
            assertThat(after.getJsonNumber("commentCount").intValue()).isEqualTo(SLICE + 10);
            assertThat(after.getJsonArray("comments").getJsonObject(0).getString("text")).isEqualTo("live one");
            assertThat(after.getJsonArray("comments")).hasSize(SLICE);
        }
    }

    private static JsonObject snapshotOf(LiveClient client, String key) {
        client.send("{\"type\":\"subscribe\",\"topics\":[\"note:" + key + "\"]}");
        return client.await(m -> m.getString("type").equals("snapshot") && m.getString("topic").equals("note:" + key));
    }

    private static long lastId(JsonObject snapshot) {
        var comments = snapshot.getJsonArray("comments");
        return comments.getJsonObject(comments.size() - 1).getJsonNumber("id").longValue();
    }

    private static List<Long> ids(List<Element> comments) {
        return comments.stream().map(c -> Long.parseLong(c.attr("data-comment-id"))).toList();
    }
}
