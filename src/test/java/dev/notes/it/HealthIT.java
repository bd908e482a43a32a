package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** MicroProfile Health, as a load balancer or Kubernetes asks it. */
@ExtendWith(NotesServer.class)
class HealthIT {

    @Test
    void readinessChecksTheDatabase(LibertyServer server) {
        Page ready = new WebClient(server.baseUri()).get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"").contains("\"name\":\"database\"")
                .as("details are on by default (NOTES_HEALTH_DETAILS)").contains("H2").contains("\"used\":false");
    }

    @Test
    void livenessDependsOnNothingOutside(LibertyServer server) {
        Page live = new WebClient(server.baseUri()).get("/health/live");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body()).contains("\"status\":\"UP\"").contains("\"name\":\"heap\"").doesNotContain("database")
                .contains("\"usedBytes\"");
    }
}
