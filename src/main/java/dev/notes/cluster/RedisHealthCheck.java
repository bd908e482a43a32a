package dev.notes.cluster;

import dev.notes.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * In a cluster, ready only while Redis answers: without it no login works (sessions live there).
 * Alone ({@code NOTES_CLUSTER=none}) Redis is not used and the check is UP. Whether Redis is used,
 * the last event id and the type of an error only with {@code NOTES_HEALTH_DETAILS}.
 */
@Readiness
@ApplicationScoped
public class RedisHealthCheck implements HealthCheck {

    @Inject
    private ClusterMode mode;

    @Inject
    private RedisConnection redis;

    @Inject
    private Settings settings;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("redis");
        boolean details = settings.disclosure().healthDetails();
        if (details) {
            response.withData("used", mode.isRedis());
        }
        if (!mode.isRedis()) {
            return response.up().build();
        }
        try {
            long lastEventId = redis.client().getAtomicLong(RedisEventPublisher.LAST_ID_KEY).get();
            response.up();
            if (details) {
                response.withData("lastEventId", lastEventId);
            }
        } catch (RuntimeException e) {
            response.down();
            if (details) {
                response.withData("error", e.getClass().getSimpleName());
            }
        }
        return response.build();
    }
}
