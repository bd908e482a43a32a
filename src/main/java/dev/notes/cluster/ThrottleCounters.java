package dev.notes.cluster;

import dev.notes.platform.Settings;
import dev.notes.throttle.Counters;
import dev.notes.throttle.MemoryCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one place that chooses where throttling counts live: in memory alone, in Redis in a cluster,
 * where a failure counted by one instance must refuse on every other.
 */
@ApplicationScoped
public class ThrottleCounters {

    @Produces
    @ApplicationScoped
    Counters counters(ClusterMode mode, Settings settings, Instance<RedisCounters> redis) {
        return mode.isRedis() ? redis.get() : new MemoryCounters(settings.throttleMemoryKeys(), Clock.systemUTC());
    }
}
