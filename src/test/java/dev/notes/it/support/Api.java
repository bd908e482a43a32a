package dev.notes.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The JSON API as a program uses it (curl, a script): no browser, so no {@code Origin}, and the
 * login is the session cookie from {@code POST /api/session}, which the {@link WebClient} keeps.
 */
public final class Api {

    public static final String PROBLEM = "application/problem+json";

    private Api() {
    }

    /** A new client logged in as {@code username} (registered by {@link Accounts}) through {@code POST /api/session}. */
    public static WebClient logIn(LibertyServer server, String username) {
        return logIn(server, username, Accounts.PASSWORD);
    }

    public static WebClient logIn(LibertyServer server, String username, String password) {
        WebClient client = new WebClient(server.baseUri());
        HttpResponse<String> loggedIn = send(client, "POST", "/api/session",
                Json.createObjectBuilder().add("username", username).add("password", password).build().toString());
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(200);
        return client;
    }

    /** {@code method path} with a JSON body (null: none), as a program sends it. */
    public static HttpResponse<String> send(WebClient client, String method, String path, String json) {
        return client.send(request(client, method, path, json));
    }

    /** The request {@link #send} would send, for a test to add headers to. */
    public static HttpRequest.Builder request(WebClient client, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.uri(path)).header("Accept", "application/json");
        if (json == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** The problem (RFC 9457) the response carries, after checking its status and media type. */
    public static JsonObject problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as("media type of %s", response.body())
                .startsWith(PROBLEM);
        JsonObject problem = json(response);
        assertThat(problem.getString("type")).isEqualTo("about:blank");
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        return problem;
    }
}
