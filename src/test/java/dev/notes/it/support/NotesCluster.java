package dev.notes.it.support;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Two Notes instances, A and B, joined through Redis ({@code NOTES_CLUSTER=redis}) and sharing one
 * PostgreSQL database and one pair of Faces keys, as a load balancer would see them. Shared by the
 * test classes that declare {@code @ExtendWith(NotesCluster.class)} and take a {@link Cluster}
 * parameter; stopped after the last test.
 */
public final class NotesCluster implements BeforeAllCallback, ParameterResolver {

    private static final String KEY = NotesCluster.class.getName();

    /** The two instances. */
    public record Cluster(LibertyServer a, LibertyServer b)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        public List<LibertyServer> instances() {
            return List.of(a, b);
        }

        @Override
        public void close() {
            a.stop();
            b.stop();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Cluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    private static Cluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, key -> start("notes-it", Map.of()), Cluster.class);
    }

    /**
     * Another pair of instances, {@code <prefix>-a} and {@code <prefix>-b}, with settings of its own
     * (on the test Redis, in a fresh database), and {@link SharedAddressLimits} unless they say
     * otherwise; the caller closes it.
     */
    public static Cluster start(String prefix, Map<String, String> extraSettings) {
        return startOn(TestRedis.settings(), prefix, extraSettings);
    }

    /**
     * Like {@link #start}, on the Redis that {@code redisSettings} name ({@code REDIS_URL} and what
     * else it takes, such as {@link SecuredRedis#settings()}).
     */
    public static Cluster startOn(Map<String, String> redisSettings, String prefix, Map<String, String> extraSettings) {
        TestPostgres.Database database = TestPostgres.newDatabase("cluster");
        Map<String, String> settings = new HashMap<>(redisSettings);
        settings.put("NOTES_CLUSTER", "redis");
        settings.putAll(SharedAddressLimits.settings());
        settings.putAll(sharedFacesSecrets());
        settings.putAll(extraSettings);
        LibertyServer a = LibertyServer.withPostgres(prefix + "-a", database, settings);
        LibertyServer b = LibertyServer.withPostgres(prefix + "-b", database, settings);
        a.start();
        b.start();
        return new Cluster(a, b);
    }

    /**
     * Fresh Faces view-state keys, as {@code openssl rand -base64 32} makes them: every instance of
     * one cluster must get the same pair, and an instance in a cluster does not start without one.
     */
    public static Map<String, String> sharedFacesSecrets() {
        return Map.of("NOTES_FACES_SECRET", randomKey(32), "NOTES_FACES_MAC_SECRET", randomKey(32));
    }

    private static String randomKey(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
