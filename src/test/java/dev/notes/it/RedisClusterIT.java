package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Comments;
import dev.notes.it.support.Forms;
import dev.notes.it.support.LiveClient;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.NotesCluster.Cluster;
import dev.notes.it.support.RedisClusterNodes;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances on a Redis Cluster of three primaries and three replicas
 * ({@code liberty/config/redisson-cluster.yaml}, {@code REDIS_NODES}): logins, forms, live events and
 * logouts cross instances as on a single Redis.
 * <p>
 * Where things live in the cluster, as this test finds and checks:
 * <ul>
 * <li>Liberty's session cache (Redisson's JCache) keeps each cache in one Redis hash named after the
 * cache: every session's metadata in the one key {@code sm/}, every session's attributes in the one
 * key {@code sa/} (the short names of {@code dev.notes.cluster.SessionCacheNames}; no other key, no
 * channel). A key lives in one hash slot, so one primary holds all sessions' metadata and one
 * (the same or another) all their attributes, whatever the number of shards: Redis Cluster spreads
 * the throttling counters, not the sessions, and adds no session capacity or throughput, only
 * failover to the replicas.</li>
 * <li>The live events and the session epoch announcements travel on sharded channels
 * ({@code SPUBLISH}/{@code SSUBSCRIBE}): both instances subscribe on the primary that owns the
 * channel's slot ({@code PUBSUB SHARDNUMSUB}), and no primary has a plain subscriber
 * ({@code PUBSUB NUMSUB}, {@code PUBSUB CHANNELS}), so a message is not copied to every node as a
 * plain {@code PUBLISH} would be. The event counter lies in the events channel's slot
 * ({@code notes:events:last-id{notes:events}}): the script that numbers and publishes uses both,
 * and Redis Cluster refuses a script whose keys lie in different slots ({@code CROSSSLOT}).</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisClusterIT {

    private static final String EVENTS_CHANNEL = "notes:events";
    private static final String SESSION_EPOCHS_CHANNEL = "notes:session-epochs";
    /** Liberty's session caches of Notes under their short names (dev.notes.cluster.SessionCacheNames). */
    private static final String META_CACHE = "sm/";
    private static final String ATTRIBUTE_CACHE = "sa/";

    private RedisClusterNodes redis;
    private Cluster cluster;

    @BeforeAll
    void startCluster() {
        redis = RedisClusterNodes.start();
        cluster = NotesCluster.startOn(redis.settings(), "notes-it-rcluster", Map.of());
    }

    @AfterAll
    void stopCluster() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            redis.close();
        }
    }

    @Test
    void aLoginOnAIsValidOnB() {
        String username = Accounts.register(cluster.a(), "rc-login");
        WebClient onA = Accounts.logIn(cluster.a(), username);

        assertThat(onA.sameBrowserOn(cluster.b()).get("/").text("#currentUser")).contains("Display " + username);
    }

    @Test
    void aFormLoadedOnAIsPostedToB() {
        String username = Accounts.register(cluster.a(), "rc-form");
        WebClient onA = Accounts.logIn(cluster.a(), username);
        WebClient onB = onA.sameBrowserOn(cluster.b());
        String key = Notes.uniqueKey("rc-form");

        Map<String, String> fields = onA.get("/note/add").form("noteForm").set("key", key)
                .set("title", "Across the cluster").fields();
        Page saved = onB.follow(onB.postRaw("/note/add", Forms.withButton(fields, "noteForm:save"), onB.origin()));

        assertThat(saved.path()).isEqualTo("/note/view?key=" + key);
        assertThat(saved.title()).isEqualTo("Across the cluster");
    }

    @Test
    void aChangeOnAReachesALiveClientOnBThroughTheShardedChannel() {
        Accounts.User writer = Accounts.newUser(cluster.a(), "rc-live");
        String key = Notes.uniqueKey("rc-live");
        Notes.create(writer.client(), key, "Live", "text");

        try (LiveClient windowOnB = LiveClient.connect(new WebClient(cluster.b().baseUri())).subscribe("note:" + key)) {
            Comments.addOnPage(writer.client(), key, "through a shard");
            assertThat(windowOnB.awaitEvent("comment.added", key).getJsonObject("comment").getString("text"))
                    .isEqualTo("through a shard");
        }

        for (String channel : List.of(EVENTS_CHANNEL, SESSION_EPOCHS_CHANNEL)) {
            int owner = redis.primaryOwning(channel);
            assertThat(redis.cli(owner, "PUBSUB", "SHARDNUMSUB", channel).lines().toList())
                    .as("sharded subscribers of %s on its shard's primary", channel)
                    .containsExactly(channel, "2");
            for (int port : redis.primaryPorts()) {
                assertThat(redis.cli(port, "PUBSUB", "NUMSUB", channel).lines().toList())
                        .as("plain subscribers of %s on the primary on port %d", channel, port)
                        .containsExactly(channel, "0");
            }
        }
        int counterOwner = redis.primaryOwning(EVENTS_CHANNEL);
        assertThat(redis.keysOn(counterOwner)).as("the event counter, on the events channel's shard")
                .contains("notes:events:last-id{notes:events}");
    }

    @Test
    void aLogoutOnBEndsTheLoginOnA() {
        String username = Accounts.register(cluster.b(), "rc-logout");
        WebClient onA = Accounts.logIn(cluster.a(), username);
        WebClient onB = onA.sameBrowserOn(cluster.b());
        assertThat(onB.get("/").has("#currentUser")).isTrue();

        Accounts.logOut(onB);

        Accounts.assertLoggedOut(onA, "on A after the logout on B");
    }

    @Test
    void everySessionLivesInOneHashPerSessionCache() {
        long sessionsBefore = sessionsIn(META_CACHE);
        for (int i = 0; i < 3; i++) {
            Accounts.logIn(i % 2 == 0 ? cluster.a() : cluster.b(), Accounts.register(cluster.a(), "rc-slot"));
        }

        Map<Integer, List<String>> keysByPrimary = new TreeMap<>();
        for (int port : redis.primaryPorts()) {
            keysByPrimary.put(port, redis.keysOn(port));
        }
        List<String> notesSessionKeys = keysByPrimary.values().stream().flatMap(List::stream)
                .filter(key -> key.equals(META_CACHE) || key.equals(ATTRIBUTE_CACHE)
                        || key.contains("{" + META_CACHE + "}") || key.contains("{" + ATTRIBUTE_CACHE + "}"))
                .toList();
        System.out.println("Redis Cluster: keys per primary " + keysByPrimary);

        assertThat(notesSessionKeys).as("the keys of Notes' session caches, over every primary")
                .containsExactlyInAnyOrder(META_CACHE, ATTRIBUTE_CACHE);
        assertThat(sessionsIn(META_CACHE)).as("sessions in the one hash of the metadata cache")
                .isGreaterThanOrEqualTo(sessionsBefore + 3);
        List<String> shardChannels = new ArrayList<>();
        for (int port : redis.primaryPorts()) {
            assertThat(redis.cli(port, "PUBSUB", "CHANNELS")).as("plain channels on the primary on port %d", port)
                    .isEmpty();
            shardChannels.addAll(redis.cli(port, "PUBSUB", "SHARDCHANNELS").lines().toList());
        }
        assertThat(shardChannels).as("sharded channels over every primary: Notes' own, none of the session cache")
                .containsExactlyInAnyOrder(EVENTS_CHANNEL, SESSION_EPOCHS_CHANNEL);
    }

    private long sessionsIn(String cache) {
        String length = redis.cli(redis.primaryOwning(cache), "HLEN", cache);
        return Long.parseLong(length);
    }
}
