package dev.notes.it.support;

import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares the Liberty server of the Arquillian container that {@code arquillian.launch} selects
 * (see {@code src/test/resources/arquillian.xml}), before any test class starts that container.
 * Arquillian's managed container only starts an existing server; it cannot create one, pick a
 * free port or make a database.
 * <p>
 * Registered for the JUnit Platform in {@code META-INF/services}, so it runs in every test JVM;
 * only failsafe's executions set {@code arquillian.launch}, so unit test runs skip it.
 */
public final class ArquillianServers implements LauncherSessionListener {

    /** The Arquillian container qualifier, also the suffix of its Liberty server's name. */
    static final String LAUNCH_PROPERTY = "arquillian.launch";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String qualifier = System.getProperty(LAUNCH_PROPERTY);
        if (qualifier == null) {
            return;
        }
        Path wlp = Path.of(requiredProperty("notes.wlp.home"));
        ArquillianServerDirectory.create(wlp, "notes-arq-" + qualifier, databaseSettings(qualifier));
    }

    /** Bootstrap properties choosing the database; none for H2, the default of server.xml. */
    private static Map<String, String> databaseSettings(String qualifier) {
        return switch (qualifier) {
            case "h2" -> Map.of();
            case "pg" -> {
                TestPostgres.Database database = TestPostgres.newDatabase("arq");
                yield Map.of("DB_URL", database.url(), "DB_USER", database.user(), "DB_PASSWORD", database.password());
            }
            default -> throw new IllegalArgumentException(LAUNCH_PROPERTY + "=" + qualifier
                    + " names no container of arquillian.xml (h2, pg)");
        };
    }

    private static String requiredProperty(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("System property " + key + " is not set: run the Arquillian tests with"
                    + " 'mvn verify', which prepares the Liberty runtime and the WAR first.");
        }
        return value;
    }
}
