package dev.notes.cluster;

import dev.notes.platform.SchemaMigration;
import dev.notes.platform.Settings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

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

    public boolean isRedis() {
        return settings.cluster().isRedis();
    }

    void logOnStart(@Observes @Priority(SchemaMigration.PRIORITY - 1) @Initialized(ApplicationScoped.class) Object ignored) {
        if (isRedis()) {
            LOG.info(() -> "Cluster mode: redis. HTTP sessions are kept in Redis at "
                    + withoutPassword(settings.cluster().redisUrl())
                    + "; every instance with the same Redis and database serves every user.");
        } else {
            LOG.info("Cluster mode: none. One instance on its own: HTTP sessions in memory, live events in-process.");
        }
    }

    /** "redis://:secret@host:6379" → "redis://host:6379": URLs in logs carry no credentials. */
    static String withoutPassword(String url) {
        return url.replaceFirst("//[^@/]*@", "//");
    }
}
