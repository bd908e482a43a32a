package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Comments;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.LiveClient;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.NotesCluster.Cluster;
import dev.notes.it.support.RedisSentinels;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Two instances on Redis with Sentinel ({@code liberty/config/redisson-sentinel.yaml}): the primary
 * is killed with SIGKILL, the sentinels promote the replica, and the instances follow by themselves:
 * logins made before stay valid on both, live events flow again, pages answer without server errors.
 * Prints how long pages and events took to work again after the kill.
 */
class SentinelFailoverIT {

    /** The sentinels' detection ({@link RedisSentinels#DOWN_AFTER}), their election, and Redisson noticing. */
    private static final Duration FAILOVER_WINDOW = Duration.ofSeconds(60);

    @Test
    void loginsSurviveTheLossOfThePrimaryAndEventsFlowAgain() {
        try (RedisSentinels redis = RedisSentinels.start();
                Cluster cluster = NotesCluster.startOn(redis.settings(), "notes-it-sentinel", Map.of())) {
            failOver(redis, cluster);
        }
    }

    private static void failOver(RedisSentinels redis, Cluster cluster) {
        Accounts.User alice = Accounts.newUser(cluster.a(), "sentinel");
        Accounts.User bob = Accounts.newUser(cluster.b(), "sentinel");
        Map<WebClient, String> logins = Map.of(alice.client(), alice.username(),
                alice.client().sameBrowserOn(cluster.b()), alice.username(),
                bob.client(), bob.username(),
                bob.client().sameBrowserOn(cluster.a()), bob.username());
        String key = Notes.uniqueKey("failover");
        Notes.create(alice.client(), key, "Failover", "written before the primary dies");

        try (LiveClient windowOnB = LiveClient.connect(new WebClient(cluster.b().baseUri())).subscribe("note:" + key)) {
            // Redis replicates asynchronously: the primary acknowledges a write before the replica has
            // it, so a write of the last moment before the kill (a login, a session's new last-access
            // time) exists only on the primary and dies with it; the promoted replica never saw it.
            // Waiting for the replica's offset to reach the primary's makes the logins above replicated.
            redis.awaitReplicaCaughtUp();
            Instant killed = Instant.now();
            redis.killPrimary();
            redis.awaitReplicaPromoted();
            Duration promoted = Duration.between(killed, Instant.now());

            awaitUntil("every login made before the kill valid on both instances",
                    () -> logins.entrySet().stream().allMatch(login -> loggedIn(login.getKey(), login.getValue())));
            Duration pagesBack = Duration.between(killed, Instant.now());

            Comments.addOnPage(alice.client(), key, "after the failover");
            assertThat(windowOnB.awaitEvent("comment.added", key).getJsonObject("comment").getString("text"))
                    .isEqualTo("after the failover");
            Duration eventsBack = Duration.between(killed, Instant.now());
            System.out.printf("Sentinel failover: replica promoted %d ms after the kill, pages with their logins"
                    + " back after %d ms, a live event across instances after %d ms%n",
                    promoted.toMillis(), pagesBack.toMillis(), eventsBack.toMillis());

            List<Integer> statuses = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (WebClient browser : logins.keySet()) {
                    statuses.add(browser.get("/").status());
                    statuses.add(browser.get("/note/view?key=" + key).status());
                }
            }
            assertThat(statuses).as("page views after the failover").allMatch(status -> status == 200);
        }
    }

    private static boolean loggedIn(WebClient browser, String username) {
        Page page = browser.get("/");
        return page.status() == 200 && page.has("#currentUser") && page.text("#currentUser").contains(username);
    }

    private static void awaitUntil(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(FAILOVER_WINDOW);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what + " within " + FAILOVER_WINDOW).isBefore(deadline);
            LibertyServer.sleep(Duration.ofMillis(250));
        }
    }
}
