package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.RawHttp;
import dev.notes.it.support.WebClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every answer carries a request id in {@code X-Request-Id}: the proxy's if well-formed, a new one
 * otherwise. With {@code LOG_FORMAT=json} the log lines written for a request carry it too
 * ({@code ext_requestId}), beside the instance's name ({@code ext_instance}), and so does the access
 * log. A server of its own, logging JSON as the container image does.
 */
class RequestIdIT {

    private static final String NEW_ID = "[0-9a-f]{32}";

    private static LibertyServer server;

    @BeforeAll
    static void start() {
        server = LibertyServer.create("notes-it-request-id", Map.of("LOG_FORMAT", "json")).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aRequestWithoutAnIdGetsANewOneEachTime() {
        String first = RawHttp.send(server.baseUri(), "GET", "/", Map.of()).header("X-Request-Id");
        String second = RawHttp.send(server.baseUri(), "GET", "/", Map.of()).header("X-Request-Id");
        assertThat(first).matches(NEW_ID);
        assertThat(second).matches(NEW_ID).isNotEqualTo(first);
    }

    @Test
    void aWellFormedIdIsKept() {
        for (String id : new String[] {"3f2a9c0e5b7d41e6a8c2f0b9d4e1a7c3", UUID.randomUUID().toString(), "a.b_c-D"}) {
            RawHttp.Answer answer = RawHttp.send(server.baseUri(), "GET", "/", Map.of("X-Request-Id", id));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("X-Request-Id")).isEqualTo(id);
        }
    }

    /**
     * Line breaks cannot reach the application inside a header (HTTP's framing splits them off; the
     * unit test {@code RequestIdTest} covers them): what can is too long, quoted, spaced or not ASCII.
     */
    @Test
    void aHostileIdIsReplaced() {
        for (String hostile : new String[] {"x".repeat(65), "\"forged\" \"line\"", "abc def", "a\tb", "caf\u00e9",
                "abc%0d%0aX-Forged:%201", "<script>"}) {
            RawHttp.Answer answer = RawHttp.send(server.baseUri(), "GET", "/", Map.of("X-Request-Id", hostile));
            assertThat(answer.status()).as(hostile).isEqualTo(200);
            assertThat(answer.header("X-Request-Id")).as(hostile).matches(NEW_ID);
        }
    }

    @Test
    void theJsonLogLinesOfARequestCarryItsIdAndTheInstance() {
        String username = Accounts.register(server, "traced");
        WebClient browser = new WebClient(server.baseUri());
        WebClient.Form login = browser.get("/user/login").form("loginForm")
                .set("username", username).set("password", "a wrong password");
        String id = "it-" + UUID.randomUUID();
        String instance = browser.requestId(id).get("/").header("X-Notes-Instance").orElseThrow();
        login.press("login");

        // The application's own line: the failed login, logged by dev.notes.audit.
        JsonObject audit = json(server.awaitLine(server.messagesLog(), "\"ext_requestId\":\"" + id + "\""));
        assertThat(audit.getString("message")).contains("login outcome=failure");
        assertThat(audit.getString("module")).isEqualTo("dev.notes.audit");
        assertThat(audit.getString("ext_instance")).isEqualTo(instance);

        // Liberty's access log, on the console in JSON: the id the answer carried.
        JsonObject access = json(server.awaitLine(server.directory().resolve("logs/console.log"),
                "\"ibm_responseHeader_x-request-id\":\"" + id + "\""));
        assertThat(access.getString("type")).isEqualTo("liberty_accesslog");
        assertThat(access.getString("ibm_requestFirstLine", access.toString())).isNotEmpty();

        // Liberty's own messages name the instance too, from the application's start on: "application
        // started" comes after it (the server's "ready" may come first when a slow start outlasts
        // Liberty's start timeout).
        assertThat(json(server.awaitLine(server.messagesLog(), "CWWKZ0001I")).getString("ext_instance"))
                .isEqualTo(instance);
    }

    private static JsonObject json(String line) {
        return Json.createReader(new StringReader(line)).readObject();
    }
}
