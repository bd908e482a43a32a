package dev.notes.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A test server's database that the test reaches over JDBC too, to seed thousands of notes in
 * one batched insert (through the pages it would take minutes) and to change notes behind the
 * server's back. PostgreSQL is shared anyway; H2 runs in its "automatic mixed mode"
 * ({@code AUTO_SERVER=TRUE}): the server opens the file and serves other processes over a local
 * TCP port, so both use the same database, as an operator could with the same URL. Seeded notes
 * bypass the services (no events, no validation), which is fine for reading tests, and get
 * negative ids, which the server's sequence never hands out.
 */
public final class SeededDatabase {

    private final String url;
    private final String user;
    private final String password;

    private SeededDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static SeededDatabase postgres(String purpose) {
        TestPostgres.Database database = TestPostgres.newDatabase(purpose);
        return new SeededDatabase(database.url(), database.user(), database.password());
    }

    /** A new H2 file under {@code target/} in mixed mode; user and password as server.xml's defaults. */
    public static SeededDatabase h2(String name) {
        Path folder = Path.of(System.getProperty("notes.target", "target"), "seeded-h2", name);
        deleteRecursively(folder);
        String url = "jdbc:h2:" + folder.resolve("notes").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
        return new SeededDatabase(url, "notes", "notes");
    }

    /** A server on this database (it creates the schema when it starts). */
    public LibertyServer server(String name, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("DB_URL", url);
        all.put("DB_USER", user);
        all.put("DB_PASSWORD", password);
        return LibertyServer.create(name, all);
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    public Connection connect() {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to " + url, e);
        }
    }

    /** A note to seed: key, title, body. */
    public record Row(String key, String title, String body) {
    }

    /**
     * Inserts the notes in batches (ids below {@code firstId}, going down), then has the database
     * tidy up and gather statistics as it would have long since for a table this size: on
     * PostgreSQL {@code VACUUM ANALYZE}, which also moves the new rows from the GIN index's pending
     * list into the index proper (autovacuum does both in production; before, the planner prices
     * the whole pending list into every search and rightly prefers a sequential scan).
     */
    public void insert(List<Row> rows, long firstId) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO notes"
                     + " (id, note_key, title, body, author, created_at, updated_at, version)"
                     + " VALUES (?, ?, ?, ?, 'seed', ?, ?, 1)")) {
            connection.setAutoCommit(false);
            long id = firstId;
            for (Row row : rows) {
                insert.setLong(1, id--);
                insert.setString(2, row.key());
                insert.setString(3, row.title());
                insert.setString(4, row.body());
                insert.setTimestamp(5, now);
                insert.setTimestamp(6, now);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement analyze = connection.createStatement()) {
                analyze.execute(isPostgres() ? "VACUUM ANALYZE notes" : "ANALYZE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seed notes into " + url, e);
        }
    }

    /** Deletes notes by key, behind the server's back (no events). */
    public void delete(List<String> keys) {
        try (Connection connection = connect();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM notes WHERE note_key = ?")) {
            for (String key : keys) {
                delete.setString(1, key);
                delete.addBatch();
            }
            delete.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete notes from " + url, e);
        }
    }

    public long count() {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             var result = statement.executeQuery("SELECT COUNT(*) FROM notes")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the notes of " + url, e);
        }
    }

    /** The database's plan for {@code sql} with these parameters, one line per plan line. */
    public String explain(String sql, Object... parameters) {
        try (Connection connection = connect();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                explain.setObject(i + 1, parameters[i]);
            }
            StringBuilder plan = new StringBuilder();
            try (var result = explain.executeQuery()) {
                while (result.next()) {
                    plan.append(result.getString(1)).append('\n');
                }
            }
            return plan.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot explain " + sql, e);
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
