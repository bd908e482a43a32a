package dev.notes.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN from the moment the instance received SIGTERM ({@link GracefulShutdown}): a load balancer
 * that asks sends it no more requests while it still answers the ones it gets, until Liberty stops
 * accepting connections.
 */
@Readiness
@ApplicationScoped
public class ShutdownReadinessCheck implements HealthCheck {

    @Inject
    private GracefulShutdown shutdown;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("serving").status(!shutdown.hasBegun()).build();
    }
}
