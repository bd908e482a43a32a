package dev.notes.cluster;

import dev.notes.platform.SchemaMigration;
import dev.notes.platform.Settings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Logger;
import org.redisson.config.Config;
import org.redisson.config.SentinelServersConfig;
import org.redisson.config.SingleServerConfig;

/**
 * The deployment shape, from {@code NOTES_CLUSTER} (the same variable that selects Liberty's
 * {@code cluster-<mode>.xml}): {@code none}, one instance on its own, or {@code redis}, one of many
 * sharing sessions and events through Redis. Logged once at start-up, so an operator can see it.
 */
@ApplicationScoped
public class ClusterMode {

    private static final Logger LOG = Logger.getLogger(ClusterMode.class.getName());

    @Inject
    private Settings settings;

    @Inject
    private RedisConnection redis;

    public boolean isRedis() {
        return settings.cluster().isRedis();
    }

    void logOnStart(@Observes @Priority(SchemaMigration.PRIORITY - 1) @Initialized(ApplicationScoped.class) Object ignored) {
        if (isRedis()) {
            LOG.info(() -> "Cluster mode: redis. HTTP sessions are kept in " + where()
                    + " (" + settings.cluster().redissonConfig() + "); every instance with the same Redis and"
                    + " database serves every user.");
        } else {
            LOG.info("Cluster mode: none. One instance on its own: HTTP sessions in an embedded Derby (data/sessions), live events in-process.");
        }
    }

    private String where() {
        try {
            return describe(redis.config());
        } catch (UncheckedIOException unreadable) {
            return "Redis as a file says that cannot be read (" + unreadable.getCause().getMessage() + ")";
        }
    }

    /** Where the Redisson file points, as an operator would check it: the single server, the Sentinel master or the cluster. */
    static String describe(Config config) {
        if (config.isClusterConfig()) {
            return "Redis Cluster at " + withoutPasswords(config.useClusterServers().getNodeAddresses());
        }
        if (config.isSentinelConfig()) {
            SentinelServersConfig sentinel = config.useSentinelServers();
            return "Redis Sentinel master '" + sentinel.getMasterName() + "' (sentinels "
                    + withoutPasswords(sentinel.getSentinelAddresses()) + "), database " + sentinel.getDatabase();
        }
        SingleServerConfig single = config.useSingleServer();
        return "Redis at " + withoutPassword(single.getAddress()) + ", database " + single.getDatabase();
    }

    private static List<String> withoutPasswords(List<String> urls) {
        return urls.stream().map(ClusterMode::withoutPassword).toList();
    }

    /** "redis://:secret@host:6379" → "redis://host:6379": URLs in logs carry no credentials. */
    static String withoutPassword(String url) {
        return url.replaceFirst("//[^@/]*@", "//");
    }
}
