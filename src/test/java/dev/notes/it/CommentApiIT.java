package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Comments;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.LiveClient;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.WebClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JSON API the note page's script posts comments to. */
@ExtendWith(NotesServer.class)
class CommentApiIT {

    @Test
    void aCommentPostedAsJsonIsSavedUnderTheCallersName(LibertyServer server) {
        var author = Accounts.newUser(server, "sven");
        String key = Notes.uniqueKey("api");
        Notes.create(author.client(), key, "API", "");
        try (LiveClient page = LiveClient.connect(new WebClient(server.baseUri())).subscribe("note:" + key)) {
            HttpResponse<String> created = post(author.client(), key,
                    "{\"text\":\"from the API\",\"author\":\"mallory\"}", author.client().origin());
            assertThat(created.statusCode()).isEqualTo(201);
            JsonObject body = json(created);
            assertThat(body.getString("author")).isEqualTo(author.username());
            assertThat(body.getString("authorName")).isEqualTo(Accounts.displayNameOf(author.username()));
            assertThat(body.getString("text")).isEqualTo("from the API");
            assertThat(body.getString("createdAtText")).endsWith(" UTC");

            JsonObject event = page.awaitEvent("comment.added", key).getJsonObject("comment");
            assertThat(event.getString("author")).isEqualTo(author.username());
            assertThat(event.getString("authorName")).isEqualTo(Accounts.displayNameOf(author.username()));
            assertThat(event.getJsonNumber("id").longValue()).isEqualTo(body.getJsonNumber("id").longValue());
        }
        WebClient.Page page = new WebClient(server.baseUri()).get("/note/view?key=" + key);
        assertThat(page.text("#comments .comment-author")).isEqualTo(Accounts.displayNameOf(author.username()));
        assertThat(page.text("#comments .comment-username")).isEqualTo("@" + author.username());
    }

    @Test
    void badRequestsGetAClearErrorAndChangeNothing(LibertyServer server) {
        var user = Accounts.newUser(server, "tara");
        String key = Notes.uniqueKey("api-bad");
        Notes.create(user.client(), key, "API", "");
        WebClient client = user.client();

        assertThat(errorOf(post(client, key, "{\"text\":\"   \"}", client.origin()), 400)).isEqualTo("Please write a comment.");
        assertThat(errorOf(post(client, key, "{\"text\":\"" + "c".repeat(1025) + "\"}", client.origin()), 400))
                .isEqualTo("A comment is at most 1024 characters long.");
        assertThat(post(client, key, "{not json", client.origin()).statusCode()).isEqualTo(400);
        assertThat(errorOf(post(client, "no-such-" + key, "{\"text\":\"hi\"}", client.origin()), 404))
                .contains("no-such-" + key);
        assertThat(post(client, key, "{\"text\":\"forged\"}", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(errorOf(post(new WebClient(server.baseUri()), key, "{\"text\":\"anonymous\"}", null), 401))
                .isEqualTo("Please log in to comment.");

        HttpResponse<String> formEncoded = client.send(HttpRequest.newBuilder(client.uri("/api/notes/" + key + "/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", client.origin())
                .POST(HttpRequest.BodyPublishers.ofString("text=simple+form")));
        assertThat(formEncoded.statusCode()).as("what another site's plain form could send").isEqualTo(415);

        assertThat(new WebClient(server.baseUri()).get("/note/view?key=" + key).has("#comments li.comment")).isFalse();
    }

    @Test
    void onlyTheCommentsOrTheNotesAuthorMayDeleteIt(LibertyServer server) {
        var noteAuthor = Accounts.newUser(server, "uma");
        var commenter = Accounts.newUser(server, "vic");
        var bystander = Accounts.newUser(server, "wes");
        String key = Notes.uniqueKey("api-delete");
        Notes.create(noteAuthor.client(), key, "API", "");
        Comments.addOnPage(commenter.client(), key, "first");
        long id = Long.parseLong(Comments.addOnPage(commenter.client(), key, "second")
                .document().selectFirst("#comments li.comment").attr("data-comment-id"));

        assertThat(errorOf(delete(bystander.client(), key, id), 403))
                .isEqualTo("Only the author of a comment or of its note may delete it.");
        assertThat(delete(new WebClient(server.baseUri()), key, id).statusCode()).isEqualTo(401);
        assertThat(delete(noteAuthor.client(), key, id).statusCode()).isEqualTo(204);
        assertThat(delete(noteAuthor.client(), key, id).statusCode()).as("already gone").isEqualTo(204);
        assertThat(new WebClient(server.baseUri()).get("/note/view?key=" + key)
                .document().select("#comments .comment-text").eachText()).containsExactly("first");
    }

    @Test
    void aCommentIsNotFoundThroughAnotherNotesUrlWhoeverAsks(LibertyServer server) {
        var noteAuthor = Accounts.newUser(server, "xia");
        var commenter = Accounts.newUser(server, "yves");
        var otherAuthor = Accounts.newUser(server, "zora");
        String key = Notes.uniqueKey("api-own");
        String otherKey = Notes.uniqueKey("api-other");
        Notes.create(noteAuthor.client(), key, "Own", "");
        Notes.create(otherAuthor.client(), otherKey, "Other", "");
        long id = Comments.add(commenter.client(), key, "stays where it is");

        // The comment's author, the other note's author and the note's author alike: 404, never 403.
        for (var caller : java.util.List.of(commenter, otherAuthor, noteAuthor)) {
            assertThat(errorOf(delete(caller.client(), otherKey, id), 404)).as(caller.username())
                    .isEqualTo("The note '" + otherKey + "' has no comment " + id + ".");
        }
        assertThat(delete(otherAuthor.client(), Notes.uniqueKey("api-no-such-note"), id).statusCode()).isEqualTo(404);

        assertThat(new WebClient(server.baseUri()).get("/note/view?key=" + key)
                .document().select("#comments .comment-text").eachText()).containsExactly("stays where it is");
    }

    private static HttpResponse<String> post(WebClient client, String key, String json, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.uri("/api/notes/" + key + "/comments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return client.send(request);
    }

    private static HttpResponse<String> delete(WebClient client, String key, long id) {
        return client.send(HttpRequest.newBuilder(client.uri("/api/notes/" + key + "/comments/" + id))
                .header("Origin", client.origin()).DELETE());
    }

    private static String errorOf(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).getInt("status")).isEqualTo(status);
        return json(response).getString("detail");
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
