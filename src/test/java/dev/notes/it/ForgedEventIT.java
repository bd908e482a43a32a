package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.LiveClient;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.NotesCluster.Cluster;
import dev.notes.it.support.WebClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import redis.embedded.RedisServer;

/**
 * Whoever can write to Redis publishes on the channel the instances exchange live events through:
 * malformed, oversized, with a note key no note can have, unsigned, signed with another key, and
 * validly signed but with an id far ahead of Redis's count. No browser hears of any of them, none is
 * resynchronised, each is counted, the log says so in few lines, and a real change made right after
 * arrives as usual. Runs a Redis of its own: Redis channels are not per database, so forged messages
 * on the shared test Redis would reach other tests' instances.
 */
class ForgedEventIT {

    private static final String CHANNEL = "notes:events";
    private static final String LAST_ID_KEY = "notes:events:last-id";

    @Test
    void forgedEventsReachNoBrowserAndCauseNoResyncWhileRealOnesFlow() throws IOException, GeneralSecurityException {
        byte[] secret = randomBytes(32);
        int port = LibertyServer.freePort();
        RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").build();
        redis.start();
        RedissonClient forger = null;
        try (Cluster cluster = NotesCluster.start("notes-it-forged", Map.of("REDIS_URL", "redis://127.0.0.1:" + port,
                "REDIS_DATABASE", "0", "NOTES_EVENT_SECRET", Base64.getEncoder().encodeToString(secret)))) {
            WebClient author = Accounts.logIn(cluster.a(), Accounts.register(cluster.a(), "mallory-target"));
            String key = Notes.uniqueKey("forged");
            Notes.create(author, key, "Target", "original");
            Config config = new Config();
            config.useSingleServer().setAddress("redis://127.0.0.1:" + port);
            forger = Redisson.create(config);

            try (LiveClient window = LiveClient.connect(new WebClient(cluster.b().baseUri())).subscribe("home", "note:" + key)) {
                RTopic channel = forger.getTopic(CHANNEL, StringCodec.INSTANCE);
                long next = forger.getAtomicLong(LAST_ID_KEY).get() + 1;
                String forgedUpdate = noteUpdated(key, "forged body");
                List<String> forged = List.of(
                        "not an event",
                        next + "|" + sign(secret, noteUpdated(key, "x".repeat(2_000_000))) + "|" + noteUpdated(key, "x".repeat(2_000_000)),
                        next + "|" + sign(secret, noteUpdated("../" + key, "bad key")) + "|" + noteUpdated("../" + key, "bad key"),
                        next + "|" + forgedUpdate,
                        next + "|" + sign(randomBytes(32), forgedUpdate) + "|" + forgedUpdate,
                        next + "|" + withFirstCharacterChanged(sign(secret, forgedUpdate)) + "|" + forgedUpdate,
                        "9000000000000000000|" + sign(secret, forgedUpdate) + "|" + forgedUpdate);
                for (String message : forged) {
                    channel.publish(message);
                }

                for (LibertyServer instance : cluster.instances()) {
                    awaitDropped(instance, forged.size());
                }
                author.get("/note/edit?key=" + key).form("noteForm").set("body", "real body").press("save");

                JsonObject real = window.await(m -> m.getString("type").equals("event")
                        && m.getString("topic").equals("note:" + key));
                assertThat(real.getJsonObject("note").getString("body")).isEqualTo("real body");
                assertThat(real.getJsonNumber("id").longValue()).as("the next id Redis numbered").isEqualTo(next);
                assertThat(window.received()).extracting(m -> m.getString("type"))
                        .as("the snapshots, then the real change on each topic (home first); no resync, no forged event")
                        .containsExactly("snapshot", "snapshot", "event", "event");
            }
            for (LibertyServer instance : cluster.instances()) {
                String log = instance.log();
                assertThat(log).contains("Dropped a message on the Redis event channel that is no valid event")
                        .doesNotContain("forged body");
                assertThat(Pattern.compile("Dropped .* on the Redis event channel").matcher(log).results().count())
                        .as("lines about the messages dropped within a minute").isLessThanOrEqualTo(2);
            }
        } finally {
            if (forger != null) {
                forger.shutdown();
            }
            redis.stop();
        }
    }

    /** Waits until the instance's readiness check counts {@code count} dropped events (they arrive asynchronously). */
    private static void awaitDropped(LibertyServer instance, long count) {
        Pattern dropped = Pattern.compile("\"droppedEvents\":\"?(\\d+)");
        long deadline = System.nanoTime() + LiveClient.WAIT.toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            String health = new WebClient(instance.baseUri()).get("/health/ready").body();
            Matcher matcher = dropped.matcher(health);
            seen = matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
            if (seen == count) {
                return;
            }
            assertThat(seen).as("dropped events on %s", instance.name()).isLessThanOrEqualTo(count);
            LibertyServer.sleep(Duration.ofMillis(100));
        }
        throw new AssertionError(instance.name() + " counted " + seen + " dropped events, not " + count);
    }

    /** A note event as an instance encodes it, valid in every field. */
    private static String noteUpdated(String key, String body) {
        JsonObject note = Json.createObjectBuilder().add("kind", "UPDATED").add("noteKey", key).add("title", "Target")
                .add("body", body).add("actor", "mallory").add("occurredAt", Instant.now().toString()).build();
        return Json.createObjectBuilder().add("note", note).build().toString();
    }

    private static String withFirstCharacterChanged(String signature) {
        return (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
    }

    private static String sign(byte[] key, String encoded) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(encoded.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
