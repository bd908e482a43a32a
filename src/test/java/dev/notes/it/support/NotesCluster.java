package dev.notes.it.support;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Notes instances, A, B and as many more as a test asks for, joined through Redis
 * ({@code NOTES_CLUSTER=redis}) and sharing one PostgreSQL database and one pair of Faces keys, as a
 * load balancer would see them. The pair A and B is shared by the test classes that declare
 * {@code @ExtendWith(NotesCluster.class)} and take a {@link Cluster} parameter; stopped after the
 * last test.
 */
public final class NotesCluster implements BeforeAllCallback, ParameterResolver {

    private static final String KEY = NotesCluster.class.getName();

    /** The instances, named {@code <prefix>-a}, {@code <prefix>-b}, … in this order; at least two. */
    public record Cluster(List<LibertyServer> instances)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        public Cluster {
            if (instances.size() < 2) {
                throw new IllegalArgumentException("A cluster has at least two instances, not " + instances.size());
            }
            instances = List.copyOf(instances);
        }

        public LibertyServer a() {
            return instances.get(0);
        }

        public LibertyServer b() {
            return instances.get(1);
        }

        /** Instance {@code number}, counted from 1 like {@code scripts/cluster}'s instances: 1 is A. */
        public LibertyServer instance(int number) {
            return instances.get(number - 1);
        }

        /** Stops every instance, also when stopping one of them fails. */
        @Override
        public void close() {
            RuntimeException failure = null;
            for (LibertyServer instance : instances) {
                try {
                    instance.stop();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
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
     * (on the test Redis, in the test JVM's database, with no throttling count left by earlier test
     * classes), and {@link SharedAddressLimits} unless they say otherwise; the caller closes it.
     */
    public static Cluster start(String prefix, Map<String, String> extraSettings) {
        return start(2, prefix, extraSettings);
    }

    /** Like {@link #start(String, Map)}, with {@code count} instances: {@code <prefix>-a}, {@code -b}, {@code -c}, … */
    public static Cluster start(int count, String prefix, Map<String, String> extraSettings) {
        TestRedis.forgetThrottling();
        return startOn(TestRedis.settings(), count, prefix, extraSettings);
    }

    /**
     * Like {@link #start(String, Map)}, on the Redis that {@code redisSettings} name ({@code REDIS_URL}
     * and what else it takes, such as {@link SecuredRedis#settings()}).
     */
    public static Cluster startOn(Map<String, String> redisSettings, String prefix, Map<String, String> extraSettings) {
        return startOn(redisSettings, 2, prefix, extraSettings);
    }

    private static Cluster startOn(Map<String, String> redisSettings, int count, String prefix,
            Map<String, String> extraSettings) {
        if (count < 2 || count > 26) {
            throw new IllegalArgumentException("A test cluster has 2 to 26 instances (a to z), not " + count);
        }
        TestPostgres.Database database = TestPostgres.newDatabase("cluster");
        Map<String, String> settings = new HashMap<>(redisSettings);
        settings.put("NOTES_CLUSTER", "redis");
        settings.putAll(SharedAddressLimits.settings());
        settings.putAll(sharedFacesSecrets());
        settings.putAll(extraSettings);
        List<LibertyServer> instances = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            instances.add(LibertyServer.withPostgres(prefix + "-" + (char) ('a' + i), database, settings));
        }
        startTogether(instances);
        return new Cluster(instances);
    }

    /**
     * Starts the instances at the same time rather than one after the other (four in a row took
     * 2 min 20 s on a quiet 2-core machine, {@code scripts/cluster start 4}). Each start is bounded by {@link LibertyServer}'s
     * own timeouts; if any fails, every instance is stopped and the failure names each one that did
     * not come up.
     */
    private static void startTogether(List<LibertyServer> instances) {
        ExecutorService starters = Executors.newFixedThreadPool(instances.size());
        try {
            List<Future<LibertyServer>> starts = instances.stream()
                    .map(instance -> starters.submit(instance::start)).toList();
            List<Throwable> failures = new ArrayList<>();
            for (Future<LibertyServer> start : starts) {
                try {
                    start.get();
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            if (!failures.isEmpty()) {
                IllegalStateException failure = new IllegalStateException("The cluster did not start: "
                        + failures.stream().map(Throwable::getMessage).toList());
                failures.forEach(failure::addSuppressed);
                try {
                    new Cluster(instances).close();
                } catch (RuntimeException stopFailure) {
                    failure.addSuppressed(stopFailure);
                }
                throw failure;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            starters.shutdownNow();
            new Cluster(instances).close();
            throw new IllegalStateException("Interrupted while the cluster started", e);
        } finally {
            starters.shutdownNow();
        }
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
