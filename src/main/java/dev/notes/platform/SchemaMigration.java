package dev.notes.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date when the application starts, before it serves a request. The same
 * scripts ({@code db/migration}) serve the embedded H2 and PostgreSQL, with the few that cannot be
 * the same (generated columns, PostgreSQL's full-text index) in a folder per database
 * ({@code db/postgresql}, {@code db/h2}, by {@link DatabaseDialect}); a version lives either in the
 * shared folder or in both database folders, never in both places. Several instances starting
 * together are safe: Flyway serialises them with a lock in the database. A failed migration stops
 * the deployment, which is what an operator wants to see.
 */
@ApplicationScoped
public class SchemaMigration {

    /** Runs before observers of the same event with a larger priority (e.g. the first-user seeding). */
    public static final int PRIORITY = 100;

    /**
     * Holds an empty flyway.location file, as do db/postgresql, db/h2 and db/callback (which Flyway
     * always scans): without it Flyway cannot list a folder through Liberty's class loader.
     */
    private static final String MIGRATIONS = "classpath:db/migration";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/notes")
    private DataSource dataSource;

    @Inject
    private DatabaseDialect dialect;

    void migrateOnStart(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object ignored) {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS, dialect.migrations())
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + currentVersion(result) + " (" + result.migrationsExecuted
                + " migration(s) applied now, database " + result.database + ").");
    }

    private static String currentVersion(MigrateResult result) {
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }
}
