package dev.notes.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import redis.embedded.RedisServer;

/**
 * The Redis the cluster tests use: the one at {@code TEST_REDIS_URL} (e.g. {@code redis://127.0.0.1:6379})
 * when set, otherwise a real Redis started from the {@code embedded-redis} Maven artifact on a free
 * port. On a shared Redis the tests use a database index of their own (1–15, chosen at random) and
 * empty it when the test JVM exits.
 */
public final class TestRedis {

    private static String url;
    private static int database;
    private static RedisServer embedded;

    private TestRedis() {
    }

    /** The environment that points a Notes server at the test Redis. */
    public static synchronized Map<String, String> settings() {
        ensureServer();
        return Map.of("REDIS_URL", url, "REDIS_DATABASE", Integer.toString(database));
    }

    public static synchronized String url() {
        ensureServer();
        return url;
    }

    private static void ensureServer() {
        if (url != null) {
            return;
        }
        String configured = System.getenv("TEST_REDIS_URL");
        if (configured != null && !configured.isBlank()) {
            url = configured;
            database = ThreadLocalRandom.current().nextInt(1, 16);
            Runtime.getRuntime().addShutdownHook(new Thread(TestRedis::emptyDatabase, "empty-test-redis-database"));
            return;
        }
        int port = LibertyServer.freePort();
        try {
            embedded = RedisServer.newRedisServer().port(port).bind("127.0.0.1").build();
            embedded.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded Redis", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestRedis::stopEmbedded, "stop-embedded-redis"));
        url = "redis://127.0.0.1:" + port;
        database = 0;
    }

    /** A client of the test Redis, in the database the servers of {@link #settings()} use; the caller shuts it down. */
    public static synchronized RedissonClient client() {
        ensureServer();
        Config config = new Config();
        config.useSingleServer().setAddress(url).setDatabase(database);
        return Redisson.create(config);
    }

    /**
     * Deletes every throttling count ({@code notes:throttle:…}, see {@code dev.notes.cluster.RedisCounters})
     * that earlier test classes left in the shared database: a class that sets low limits must not find
     * 127.0.0.1 already over them because another class's failed logins are still within their window.
     */
    public static synchronized void forgetThrottling() {
        RedissonClient client = client();
        try {
            client.getKeys().deleteByPattern("notes:throttle:*");
        } finally {
            client.shutdown();
        }
    }

    private static void emptyDatabase() {
        RedissonClient client = client();
        try {
            client.getKeys().flushdb();
        } finally {
            client.shutdown();
        }
    }

    private static void stopEmbedded() {
        try {
            embedded.stop();
        } catch (IOException e) {
            // the JVM is going away
        }
    }
}
