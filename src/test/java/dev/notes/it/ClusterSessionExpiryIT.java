package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.NotesCluster.Cluster;
import dev.notes.it.support.WebClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sessions expire after the configured idle time on every instance, and activity on either instance
 * keeps them alive on both. A cluster of its own with a 4-second timeout; the test lets real time
 * pass (a few seconds, bounded), since expiry is about time.
 */
class ClusterSessionExpiryIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(4);

    @Test
    void anIdleLoginEndsEverywhereAndActivityAnywhereKeepsIt() throws InterruptedException {
        try (Cluster cluster = NotesCluster.start("notes-it-expiry",
                Map.of("SESSION_TIMEOUT", TIMEOUT.toSeconds() + "s"))) {
            String username = Accounts.register(cluster.a(), "rex");
            WebClient onA = Accounts.logIn(cluster.a(), username);
            WebClient onB = onA.sameBrowserOn(cluster.b());

            // A request every second, alternating instances, for 8 s: twice the timeout, never idle long.
            for (int i = 0; i < 8; i++) {
                Thread.sleep(TIMEOUT.toMillis() / 4);
                WebClient instance = i % 2 == 0 ? onB : onA;
                assertThat(instance.get("/").has("#currentUser")).as("request %d, still active", i).isTrue();
            }

            Thread.sleep(TIMEOUT.multipliedBy(5).dividedBy(2).toMillis());
            assertThat(onB.get("/").has("#currentUser")).as("idle for 2.5 times the timeout, on B").isFalse();
            assertThat(onA.get("/").has("#currentUser")).as("and on A").isFalse();
        }
    }
}
