package dev.notes.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Comments through the note page's form, through the JSON API as the page script uses it, and many
 * at once straight into PostgreSQL.
 */
public final class Comments {

    private Comments() {
    }

    /**
     * Adds a comment with the comment form of the note's page (no JavaScript), as the client's
     * logged-in user; the note's page it returns to.
     */
    public static WebClient.Page addOnPage(WebClient browser, String key, String text) {
        WebClient.Page page = browser.get("/note/view?key=" + key).form("commentForm").set("text", text).press("add");
        assertThat(page.path()).isEqualTo("/note/view?key=" + key);
        return page;
    }

    /** Adds a comment through the JSON API as the client's logged-in user; its id. */
    public static long add(WebClient client, String key, String text) {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.uri(path(key)))
                .header("Content-Type", "application/json")
                .header("Origin", client.origin())
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("text", text).build().toString())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).getJsonNumber("id").longValue();
    }

    public static void delete(WebClient client, String key, long id) {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.uri(path(key) + "/" + id))
                .header("Origin", client.origin()).DELETE());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    /** {@code GET /api/notes/{key}/comments} with the query (e.g. "?before=12"), as it answered. */
    public static HttpResponse<String> list(WebClient client, String key, String query) {
        return client.send(HttpRequest.newBuilder(client.uri(path(key) + query)).header("Accept", "application/json").GET());
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /**
     * Inserts {@code count} comments ("comment 1" oldest … "comment <count>" newest) on the note in
     * one statement. Each id is one value of the comments' sequence: the application reserves a
     * block of 50 ids per value it draws, so these never meet its own, and its later comments have
     * higher ids (as long as it had drawn no block before, e.g. on a fresh database).
     */
    public static void insert(TestPostgres.Database database, String key, int count) {
        String sql = """
                INSERT INTO comments (id, note_id, author, text, created_at)
                SELECT nextval('comments_seq'), n.id, 'seeder', 'comment ' || g, now() + g * INTERVAL '1 millisecond'
                FROM notes n CROSS JOIN generate_series(1, ?) AS g
                WHERE n.note_key = ?
                """;
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setInt(1, count);
            insert.setString(2, key);
            assertThat(insert.executeUpdate()).as("comments inserted on %s", key).isEqualTo(count);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot insert comments on " + key, e);
        }
    }

    private static String path(String key) {
        return "/api/notes/" + key + "/comments";
    }
}
