package dev.notes.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The two databases Notes runs on. Almost everything is the same SQL on both; what differs (part of
 * the schema, the search query) is chosen by this, never by comparing product names elsewhere.
 */
public enum DatabaseDialect {
    POSTGRESQL("postgresql"),
    H2("h2");

    private final String folder;

    DatabaseDialect(String folder) {
        this.folder = folder;
    }

    /** The Flyway location of this database's own migrations, beside the shared {@code db/migration}. */
    public String migrations() {
        return "classpath:db/" + folder;
    }

    /** By the JDBC driver's product name ("PostgreSQL", "H2"); any other database is refused. */
    public static DatabaseDialect of(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        for (DatabaseDialect dialect : values()) {
            if (name.equals(dialect.folder)) {
                return dialect;
            }
        }
        throw new IllegalStateException("Unsupported database '" + productName + "': Notes runs on PostgreSQL or H2.");
    }

    static DatabaseDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database jdbc/notes is", e);
        }
    }
}
