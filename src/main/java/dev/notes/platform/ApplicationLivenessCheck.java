package dev.notes.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the JVM has heap to work with. Depends on nothing external on purpose: a liveness
 * failure makes an orchestrator restart the instance, which must not happen because a shared
 * dependency (database, Redis) is down; readiness covers those. The heap figures only with
 * {@code NOTES_HEALTH_DETAILS}.
 */
@Liveness
@ApplicationScoped
public class ApplicationLivenessCheck implements HealthCheck {

    /** Below this share of free heap (after what the JVM could still grow) the instance is in trouble. */
    private static final double MIN_FREE_HEAP_RATIO = 0.02;

    @Inject
    private Settings settings;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        long max = runtime.maxMemory();
        double freeRatio = 1.0 - (double) used / max;
        var response = HealthCheckResponse.named("heap").status(freeRatio >= MIN_FREE_HEAP_RATIO);
        if (settings.disclosure().healthDetails()) {
            response.withData("usedBytes", used).withData("maxBytes", max);
        }
        return response.build();
    }
}
