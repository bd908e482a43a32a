package dev.notes.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers: without it no page but the error pages can be served.
 * Deliberately not a liveness check: a database outage is not cured by restarting this instance.
 * The database product, or the type of the error, only with {@code NOTES_HEALTH_DETAILS}.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/notes")
    private DataSource dataSource;

    @Inject
    private Settings settings;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        boolean details = settings.disclosure().healthDetails();
        try (Connection connection = dataSource.getConnection()) {
            response.status(connection.isValid(VALIDATION_TIMEOUT_SECONDS));
            if (details) {
                response.withData("product", connection.getMetaData().getDatabaseProductName());
            }
        } catch (SQLException e) {
            response.down();
            if (details) {
                response.withData("error", e.getClass().getSimpleName());
            }
        }
        return response.build();
    }
}
