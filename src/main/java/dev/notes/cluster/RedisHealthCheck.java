package dev.notes.cluster;

import dev.notes.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * In a cluster, ready only while Redis answers: without it no login works (sessions live there).
 * Alone ({@code NOTES_CLUSTER=none}) Redis is not used and the check is UP. Its details, only with
 * {@code NOTES_HEALTH_DETAILS}: whether Redis is used, the last event id, the type of an error, and how
 * many messages on the event channel were dropped as no valid event ({@code droppedEvents}): more
 * than none means someone with access to Redis is publishing there. Whenever the check turns DOWN it
 * logs why ({@link RedisProblem}: wrong password, untrusted certificate...), and when it is UP again
 * it says so, so that an operator reads the cause in messages.log rather than in a stack trace.
 */
@Readiness
@ApplicationScoped
public class RedisHealthCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(RedisHealthCheck.class.getName());

    @Inject
    private ClusterMode mode;

    @Inject
    private RedisConnection redis;

    @Inject
    private Settings settings;

    @Inject
    private RedisEventPublisher events;

    /** The last state reported: null before the first check. */
    private volatile Boolean wasUp;

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
            long lastEventId = redis.client().getAtomicLong(events.lastIdKey()).get();
            response.up();
            if (Boolean.FALSE.equals(wasUp)) {
                LOG.info("Redis answers again: ready.");
            }
            wasUp = true;
            if (details) {
                response.withData("lastEventId", lastEventId).withData("droppedEvents", events.droppedEvents());
            }
        } catch (RuntimeException e) {
            response.down();
            if (!Boolean.FALSE.equals(wasUp)) {
                LOG.warning("Not ready: " + RedisProblem.describe(e));
            }
            wasUp = false;
            if (details) {
                response.withData("error", e.getClass().getSimpleName());
            }
        }
        return response.build();
    }
}
