package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.cluster.SessionCodec;
import dev.notes.it.support.Accounts;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.NotesCluster.Cluster;
import dev.notes.it.support.TestRedis;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.Codec;
import org.redisson.codec.Kryo5Codec;

/**
 * Whoever can write to Redis replaces a logged-in session's login attribute with an object of their
 * choosing. The instance that reads the session next builds none of it, and the request runs as an
 * anonymous visitor, with a normal page and no trace of the error; the log names the attribute
 * ({@code SESN0304E ... notes.u}). Two walls, one test each: a Kryo value naming a class is refused
 * by {@code SessionCodec} (registration required) before any object exists; a registered
 * {@code byte[]} holding Java-serialised classes outside the JEP 290 list of jvm.options (a
 * {@code HashMap} keyed by a {@code java.net.URL}, the DNS-lookup gadget) is refused by the filter
 * while Liberty deserialises the attribute. Liberty then treats the attribute as absent.
 */
@ExtendWith(NotesCluster.class)
class SessionTamperingIT {

    /** The attribute the login lives in ({@code dev.notes.user.SignedInUser}). */
    private static final String LOGIN_ATTRIBUTE = ".notes.u";

    @Test
    void aKryoValueOfAnUnregisteredClassIsNotBuilt(Cluster cluster) throws IOException {
        String username = Accounts.register(cluster.a(), "kryo");
        WebClient onA = Accounts.logIn(cluster.a(), username);
        replaceLogin(onA, encode(new Kryo5Codec(), new HashMap<>(Map.of("user", username))));

        assertRunsAsNobodyAndIsLogged(onA.sameBrowserOn(cluster.b()), cluster.b(), "Unable to decode data");
    }

    @Test
    void javaSerialisedBytesOfAClassOutsideTheFilterAreNotBuilt(Cluster cluster) throws IOException {
        String username = Accounts.register(cluster.a(), "jep290");
        WebClient onA = Accounts.logIn(cluster.a(), username);
        HashMap<Object, String> gadget = new HashMap<>();
        gadget.put(URI.create("http://dns-lookup.invalid/").toURL(), username);
        replaceLogin(onA, encode(new SessionCodec(), javaSerialised(gadget)));

        assertRunsAsNobodyAndIsLogged(onA.sameBrowserOn(cluster.b()), cluster.b(), "filter status: REJECTED");
    }

    /**
     * The tampered session, on an instance that has not held it before (so it reads it from Redis),
     * is no login: the home page as for anyone, the add page sends to the login; nothing of the
     * failure reaches the client, and the instance's log says what was refused.
     */
    private static void assertRunsAsNobodyAndIsLogged(WebClient tampered, LibertyServer instance, String cause) {
        long causesBefore = count(instance.log(), cause);
        long refusalsBefore = count(instance.log(), "SESN0304E");

        Page home = tampered.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.has("#currentUser")).as("logged in").isFalse();
        assertThat(home.body()).doesNotContain("Exception", "Kryo", "REJECTED", "at java.");
        assertThat(tampered.getRaw("/note/add").location()).contains("/user/login");

        String log = instance.log();
        assertThat(count(log, "SESN0304E")).as("SESN0304E lines naming the attribute").isGreaterThan(refusalsBefore);
        assertThat(log).contains("reading in an object of the application data for a session from the cache. The exception is: notes.u");
        assertThat(count(log, cause)).as("log lines with %s", cause).isGreaterThan(causesBefore);
    }

    private static long count(String text, String part) {
        return text.lines().filter(line -> line.contains(part)).count();
    }

    /** Puts {@code value}, as encoded bytes, in place of the client's login attribute in Redis. */
    private static void replaceLogin(WebClient client, byte[] value) throws IOException {
        String cookie = client.cookie("JSESSIONID").orElseThrow();
        String sessionId = cookie.substring(4, cookie.indexOf(':'));
        Codec sessions = new SessionCodec();
        RedissonClient redis = TestRedis.client();
        try {
            List<String> caches = redis.getKeys().getKeysStreamByPattern("sa/*").toList();
            int replaced = 0;
            for (String cache : caches) {
                RMap<byte[], byte[]> attributes = redis.getMap(cache, ByteArrayCodec.INSTANCE);
                for (byte[] key : attributes.readAllKeySet()) {
                    Object name = sessions.getMapKeyDecoder().decode(Unpooled.wrappedBuffer(key), null);
                    if (name.equals(sessionId + LOGIN_ATTRIBUTE)) {
                        attributes.put(key, value);
                        replaced++;
                    }
                }
            }
            assertThat(replaced).as("login attributes of session %s in %s", sessionId, caches).isEqualTo(1);
        } finally {
            redis.shutdown();
        }
    }

    private static byte[] encode(Codec codec, Object value) throws IOException {
        ByteBuf encoded = codec.getValueEncoder().encode(value);
        try {
            return ByteBufUtil.getBytes(encoded);
        } finally {
            encoded.release();
        }
    }

    private static byte[] javaSerialised(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }
}
