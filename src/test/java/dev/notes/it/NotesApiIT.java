package dev.notes.it;

import static dev.notes.it.support.Api.json;
import static dev.notes.it.support.Api.problem;
import static dev.notes.it.support.Api.request;
import static dev.notes.it.support.Api.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Api;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.LiveClient;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.WebClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The notes API as a program uses it (no browser: logged in through {@code POST /api/session}),
 * against a real server, with a live page watching the changes arrive.
 */
@ExtendWith(NotesServer.class)
class NotesApiIT {

    /** Notes per page of the list, as the home page shows them. */
    private static final int PAGE_SIZE = 50;

    @Test
    void aProgramLogsInThenCreatesReadsUpdatesAndDeletesANote(LibertyServer server) {
        String username = Accounts.register(server, "apiuser");
        WebClient client = Api.logIn(server, username);
        assertThat(json(send(client, "GET", "/api/session", null)).getString("username")).isEqualTo(username);
        assertThat(client.get("/").text("#currentUser")).as("the pages see the same login")
                .contains("Display " + username);

        String key = Notes.uniqueKey("api-note");
        HttpResponse<String> created = send(client, "POST", "/api/notes", note(key, "From a program", "first"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue(server.uri("/api/notes/" + key).toString());
        String firstTag = etagOf(created);
        assertThat(firstTag).as("a new note's version, as in the README's example").isEqualTo("\"1\"");
        assertThat(json(created).getString("author")).isEqualTo(username);
        assertThat(json(created).getString("authorName")).isEqualTo(Accounts.displayNameOf(username));
        assertThat(problem(send(client, "POST", "/api/notes", note(key, "Again", "")), 409).getString("detail")).contains(key);

        HttpResponse<String> read = send(new WebClient(server.baseUri()), "GET", "/api/notes/" + key, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(etagOf(read)).isEqualTo(firstTag);
        assertThat(json(read).getString("body")).isEqualTo("first");
        assertThat(client.send(request(client, "GET", "/api/notes/" + key, null).header("If-None-Match", firstTag))
                .statusCode()).isEqualTo(304);

        String change = "{\"title\": \"Changed by a program\", \"body\": \"second\"}";
        assertThat(problem(send(client, "PUT", "/api/notes/" + key, change), 428).getString("detail")).contains("If-Match");
        try (LiveClient page = LiveClient.connect(new WebClient(server.baseUri())).subscribe("note:" + key)) {
            HttpResponse<String> updated = client.send(request(client, "PUT", "/api/notes/" + key, change).header("If-Match", firstTag));
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
            String secondTag = etagOf(updated);
            assertThat(secondTag).isNotEqualTo(firstTag);
            assertThat(page.awaitEvent("note.updated", key).getJsonObject("note").getString("title"))
                    .isEqualTo("Changed by a program");

            HttpResponse<String> stale = client.send(request(client, "PUT", "/api/notes/" + key,
                    "{\"title\": \"Lost update\", \"body\": \"\"}").header("If-Match", firstTag));
            assertThat(problem(stale, 412).getString("detail")).contains(secondTag);
            assertThat(etagOf(stale)).as("the version to read").isEqualTo(secondTag);
            assertThat(json(send(client, "GET", "/api/notes/" + key, null)).getString("title")).isEqualTo("Changed by a program");

            problem(client.send(request(client, "DELETE", "/api/notes/" + key, null).header("If-Match", firstTag)), 412);
            HttpResponse<String> deleted = client.send(request(client, "DELETE", "/api/notes/" + key, null).header("If-Match", secondTag));
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
            page.awaitEvent("note.deleted", key);
        }
        assertThat(problem(send(client, "GET", "/api/notes/" + key, null), 404).getString("detail")).contains(key);
        assertThat(send(client, "DELETE", "/api/notes/" + key, null).statusCode()).as("gone already").isEqualTo(204);

        assertThat(send(client, "DELETE", "/api/session", null).statusCode()).isEqualTo(204);
        problem(send(client, "GET", "/api/session", null), 401);
        problem(send(client, "POST", "/api/notes", note(Notes.uniqueKey("api-after"), "After logout", "")), 401);
    }

    @Test
    void theListPagesByCursorLikeTheHomePageAndSearchFindsByWord(LibertyServer server) {
        WebClient client = Api.logIn(server, Accounts.register(server, "apilist"));
        String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Set<String> ours = new HashSet<>();
        for (int i = 0; i <= PAGE_SIZE; i++) {
            String key = Notes.uniqueKey("api-list");
            HttpResponse<String> created = send(client, "POST", "/api/notes",
                    note(key, String.format(Locale.ROOT, "Listed %s %02d", word, i), ""));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            ours.add(key);
        }
        WebClient anonymous = new WebClient(server.baseUri());

        JsonObject first = list(anonymous, "");
        assertThat(first.getJsonArray("notes")).hasSize(PAGE_SIZE);
        assertThat(first.getJsonNumber("count").longValue()).isGreaterThan(PAGE_SIZE);
        assertThat(first.containsKey("previous")).as("the first page has none before it").isFalse();
        List<String> seen = new ArrayList<>(keysOf(first));
        JsonObject page = first;
        JsonObject second = null;
        for (int pages = 1; page.containsKey("next"); pages++) {
            assertThat(pages).as("pages walked").isLessThanOrEqualTo(first.getJsonNumber("count").intValue() / PAGE_SIZE + 2);
            page = list(anonymous, "?after=" + page.getString("next"));
            second = second == null ? page : second;
            seen.addAll(keysOf(page));
        }
        assertThat(seen).doesNotHaveDuplicates().containsAll(ours);
        assertThat(keysOf(list(anonymous, "?before=" + second.getString("previous")))).isEqualTo(keysOf(first));

        JsonObject found = list(anonymous, "?q=" + word);
        assertThat(found.containsKey("count")).as("a search is not counted").isFalse();
        assertThat(found.getJsonArray("notes")).hasSize(PAGE_SIZE);
        JsonObject more = list(anonymous, "?q=" + word + "&after=" + found.getString("next"));
        assertThat(more.containsKey("next")).isFalse();
        List<String> searched = new ArrayList<>(keysOf(found));
        searched.addAll(keysOf(more));
        assertThat(searched).containsExactlyInAnyOrderElementsOf(ours);
        assertThat(keysOf(list(anonymous, "?q=" + word + "&before=" + more.getString("previous")))).isEqualTo(keysOf(found));

        problem(send(anonymous, "GET", "/api/notes?after=not-a-cursor", null), 400);
        problem(send(anonymous, "GET", "/api/notes?q=" + word + "&after=11", null), 400);
        problem(send(anonymous, "GET", "/api/notes?after=" + first.getString("next") + "&before=" + first.getString("next"), null), 400);
        assertThat(problem(send(anonymous, "GET", "/api/notes?q=" + "a".repeat(201), null), 400).getString("detail"))
                .contains("200");
    }

    @Test
    void onlyTheAuthorMayChangeOrDeleteANoteAndOnlyWhenLoggedIn(LibertyServer server) {
        WebClient author = Api.logIn(server, Accounts.register(server, "apiauthor"));
        WebClient other = Api.logIn(server, Accounts.register(server, "apiother"));
        WebClient anonymous = new WebClient(server.baseUri());
        String key = Notes.uniqueKey("api-own");
        String tag = etagOf(send(author, "POST", "/api/notes", note(key, "Mine", "untouched")));
        String change = "{\"title\": \"Not yours\", \"body\": \"\"}";

        assertThat(problem(other.send(request(other, "PUT", "/api/notes/" + key, change).header("If-Match", tag)), 403)
                .getString("detail")).isEqualTo("Only the author of a note may edit it.");
        assertThat(problem(send(other, "DELETE", "/api/notes/" + key, null), 403).getString("detail"))
                .isEqualTo("Only the author of a note or an administrator may delete it.");
        problem(anonymous.send(request(anonymous, "PUT", "/api/notes/" + key, change).header("If-Match", tag)), 401);
        problem(send(anonymous, "DELETE", "/api/notes/" + key, null), 401);
        problem(send(anonymous, "POST", "/api/notes", note(Notes.uniqueKey("api-anon"), "Anonymous", "")), 401);

        JsonObject unchanged = json(send(anonymous, "GET", "/api/notes/" + key, null));
        assertThat(unchanged.getString("title")).isEqualTo("Mine");
        assertThat(unchanged.getString("body")).isEqualTo("untouched");

        // As on the pages, an administrator may delete anyone's note, but not edit it.
        WebClient administrator = Api.logIn(server, NotesServer.ADMINISTRATOR, NotesServer.ADMINISTRATOR_PASSWORD);
        problem(administrator.send(request(administrator, "PUT", "/api/notes/" + key, change).header("If-Match", tag)), 403);
        assertThat(send(administrator, "DELETE", "/api/notes/" + key, null).statusCode()).isEqualTo(204);
        problem(send(anonymous, "GET", "/api/notes/" + key, null), 404);
    }

    @Test
    void badInputGetsAProblemThatNamesEachFieldAndChangesNothing(LibertyServer server) {
        WebClient client = Api.logIn(server, Accounts.register(server, "apibad"));
        String key = Notes.uniqueKey("api-bad");

        JsonObject invalid = problem(send(client, "POST", "/api/notes",
                note("no spaces allowed", " ", "b".repeat(100_001))), 400);
        assertThat(invalid.getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(error -> error.getString("field"), error -> error.getString("message"))
                .containsExactly(
                        tuple("body", "The text is at most 100000 characters long."),
                        tuple("key", "A key may contain only letters, digits and the characters . _ ~ - (no spaces)."),
                        tuple("title", "Please enter a title."));
        problem(send(client, "POST", "/api/notes", "null"), 400);
        assertThat(problem(send(client, "POST", "/api/notes", "{\"key\": "), 400).getString("detail")).contains("JSON");
        problem(send(client, "POST", "/api/notes", "[1, 2]"), 400);

        String tag = etagOf(send(client, "POST", "/api/notes", note(key, "Valid", "")));
        JsonObject blankTitle = problem(client.send(request(client, "PUT", "/api/notes/" + key, "{\"title\": \"\"}")
                .header("If-Match", tag)), 400);
        assertThat(blankTitle.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("title");
        problem(client.send(request(client, "PUT", "/api/notes/" + key, note("another-key", "Moved", ""))
                .header("If-Match", tag)), 400);

        String huge = note(Notes.uniqueKey("api-huge"), "Huge", "x".repeat(2 * 1024 * 1024));
        assertThat(problem(send(client, "POST", "/api/notes", huge), 413).getString("detail")).contains("2 MB");

        assertThat(json(send(client, "GET", "/api/notes/" + key, null)).getString("title")).isEqualTo("Valid");
    }

    @Test
    void aCrossSiteRequestIsRefusedAndOnlyJsonIsRead(LibertyServer server) {
        String username = Accounts.register(server, "apicsrf");
        WebClient client = Api.logIn(server, username);
        String key = Notes.uniqueKey("api-csrf");
        String tag = etagOf(send(client, "POST", "/api/notes", note(key, "Guarded", "")));
        String evil = "https://evil.example";

        for (HttpRequest.Builder forged : List.of(
                request(client, "POST", "/api/notes", note(Notes.uniqueKey("api-forged"), "Forged", "")),
                request(client, "PUT", "/api/notes/" + key, note(key, "Forged", "")).header("If-Match", tag),
                request(client, "DELETE", "/api/notes/" + key, null),
                request(client, "DELETE", "/api/session", null),
                request(new WebClient(server.baseUri()), "POST", "/api/session",
                        Json.createObjectBuilder().add("username", username).add("password", Accounts.PASSWORD).build().toString()))) {
            assertThat(problem(client.send(forged.header("Origin", evil)), 403).getString("detail")).contains("another site");
        }
        HttpResponse<String> sameSite = client.send(request(client, "PUT", "/api/notes/" + key, note(key, "From this site", ""))
                .header("If-Match", tag).header("Origin", client.origin()));
        assertThat(sameSite.statusCode()).as("a page of this site: " + sameSite.body()).isEqualTo(200);

        for (String type : List.of("text/plain", "application/x-www-form-urlencoded")) {
            HttpResponse<String> notJson = client.send(HttpRequest.newBuilder(client.uri("/api/notes"))
                    .header("Content-Type", type).header("Origin", client.origin())
                    .POST(HttpRequest.BodyPublishers.ofString(note(Notes.uniqueKey("api-plain"), "Plain", ""))));
            assertThat(problem(notJson, 415).getString("detail")).as(type).contains("application/json");
        }
        assertThat(json(send(client, "GET", "/api/notes/" + key, null)).getString("title")).isEqualTo("From this site");
        assertThat(json(send(client, "GET", "/api/session", null)).getString("username")).as("still logged in").isEqualTo(username);
    }

    @Test
    void unknownAddressesMethodsAndLoginsGetAProblemNeverAPage(LibertyServer server) {
        WebClient anonymous = new WebClient(server.baseUri());
        assertThat(problem(send(anonymous, "GET", "/api/no-such-thing", null), 404).getString("detail")).contains("/openapi");
        HttpResponse<String> patch = send(anonymous, "PATCH", "/api/notes", "{}");
        problem(patch, 405);
        assertThat(patch.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));

        String username = Accounts.register(server, "apilogin");
        JsonObject wrong = problem(send(anonymous, "POST", "/api/session",
                Json.createObjectBuilder().add("username", username).add("password", "not the password").build().toString()), 401);
        assertThat(wrong.getString("detail")).isEqualTo("Wrong username or password.");
        JsonObject missing = problem(send(anonymous, "POST", "/api/session", "{\"username\": \"" + username + "\"}"), 400);
        assertThat(missing.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("password");
        problem(send(anonymous, "GET", "/api/session", null), 401);
    }

    private static String note(String key, String title, String body) {
        return Json.createObjectBuilder().add("key", key).add("title", title).add("body", body).build().toString();
    }

    private static String etagOf(HttpResponse<String> response) {
        String etag = response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + response.body()));
        assertThat(etag).as("strong and quoted").matches("\"[0-9]+\"");
        return etag;
    }

    private static JsonObject list(WebClient client, String query) {
        HttpResponse<String> response = send(client, "GET", "/api/notes" + query, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<String> keysOf(JsonObject page) {
        return page.getJsonArray("notes").getValuesAs(JsonObject.class).stream().map(n -> n.getString("key")).toList();
    }
}
