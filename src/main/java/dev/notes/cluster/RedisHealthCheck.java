package dev.notes.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * In a cluster, ready only while Redis answers: without it no login works (sessions live there).
 * Alone ({@code NOTES_CLUSTER=none}) Redis is not used and the check says so. Also shows how many
 * messages on the event channel were dropped as no valid event ({@code droppedEvents}): more than
 * none means someone with access to Redis is publishing there.
 */
@Readiness
@ApplicationScoped
public class RedisHealthCheck implements HealthCheck {

    @Inject
    private ClusterMode mode;

    @Inject
    private RedisConnection redis;

    @Inject
    private RedisEventPublisher events;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("redis");
        if (!mode.isRedis()) {
            return response.up().withData("used", false).build();
        }
        try {
            long lastEventId = redis.client().getAtomicLong(RedisEventPublisher.LAST_ID_KEY).get();
            return response.up().withData("used", true).withData("lastEventId", lastEventId)
                    .withData("droppedEvents", events.droppedEvents()).build();
        } catch (RuntimeException e) {
            return response.down().withData("used", true).withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
