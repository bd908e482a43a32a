package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An instance configured as the deployment files configure it ({@code NOTES_INSTANCE_HEADER} and
 * {@code NOTES_HEALTH_DETAILS} off) tells a stranger neither its name nor what runs inside. The
 * defaults, with both on, are checked by {@code HealthIT} and {@code PageCacheIT}.
 */
class DisclosureIT {

    private static LibertyServer server;

    @BeforeAll
    static void start() {
        server = LibertyServer.create("notes-it-quiet",
                Map.of("NOTES_INSTANCE_HEADER", "false", "NOTES_HEALTH_DETAILS", "false")).start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void noResponseNamesTheInstance() {
        WebClient client = new WebClient(server.baseUri());
        for (String path : new String[] {"/", "/", "/user/login", "/resources/css/notes.css", "/health/ready"}) {
            Page page = client.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("X-Notes-Instance")).as(path).isEmpty();
        }
    }

    @Test
    void healthChecksTellTheirNamesAndStatesOnly() {
        for (String path : new String[] {"/health/ready", "/health/live", "/health"}) {
            Page health = new WebClient(server.baseUri()).get(path);
            assertThat(health.status()).as(path).isEqualTo(200);
            JsonObject body = Json.createReader(new StringReader(health.body())).readObject();
            assertThat(body.keySet()).as(path).containsExactlyInAnyOrder("status", "checks");
            assertThat(body.getJsonArray("checks")).as(path).isNotEmpty().allSatisfy(check -> {
                // Liberty writes an empty "data" object for a check that added none.
                JsonObject fields = check.asJsonObject();
                assertThat(fields.keySet()).contains("name", "status").isSubsetOf("name", "status", "data");
                assertThat(fields.getString("status")).isEqualTo("UP");
                assertThat(fields.getJsonObject("data")).as(fields.getString("name")).isNullOrEmpty();
            });
            assertThat(health.body()).as(path).doesNotContain("H2", "used", "Bytes");
        }
        assertThat(new WebClient(server.baseUri()).get("/health/ready").body())
                .contains("\"name\":\"database\"", "\"name\":\"redis\"");
    }
}
