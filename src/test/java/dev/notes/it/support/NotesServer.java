package dev.notes.it.support;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Notes server on its embedded default (H2, sessions in it), shared by the black-box test
 * classes that declare {@code @ExtendWith(NotesServer.class)} and take a {@link LibertyServer}
 * parameter. Started once, stopped when all tests are done. Every test client is on 127.0.0.1, so
 * it runs with {@link SharedAddressLimits}.
 */
public final class NotesServer implements BeforeAllCallback, ParameterResolver {

    private static final String KEY = NotesServer.class.getName();

    /** The administrator the shared server seeds (NOTES_ADMIN_USER, NOTES_ADMIN_PASSWORD). */
    public static final String ADMINISTRATOR = "admin";
    public static final String ADMINISTRATOR_PASSWORD = "admin-password-for-tests";

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LibertyServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static LibertyServer server(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, key -> new Running(LibertyServer.create("notes-it", settings()).start()),
                        Running.class)
                .server();
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(SharedAddressLimits.settings());
        settings.put("NOTES_ADMIN_USER", ADMINISTRATOR);
        settings.put("NOTES_ADMIN_PASSWORD", ADMINISTRATOR_PASSWORD);
        return settings;
    }

    /** Stops the server when JUnit closes the root store, after the last test. */
    private record Running(LibertyServer server) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            server.stop();
        }
    }
}
