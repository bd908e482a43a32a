package dev.notes.cluster;

import dev.notes.live.EventPublisher;
import dev.notes.live.LocalEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** The one place that chooses how live events travel: in-process alone, through Redis in a cluster. */
@ApplicationScoped
public class EventPublishers {

    @Produces
    @ApplicationScoped
    EventPublisher publisher(ClusterMode mode, Instance<LocalEventPublisher> local, Instance<RedisEventPublisher> redis) {
        return mode.isRedis() ? redis.get() : local.get();
    }
}
