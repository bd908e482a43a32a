package dev.notes.it.support;

import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Notes server on its embedded default (H2, in-memory sessions), shared by the black-box test
 * classes that declare {@code @ExtendWith(NotesServer.class)} and take a {@link LibertyServer}
 * parameter. Started once, stopped when all tests are done.
 */
public final class NotesServer implements BeforeAllCallback, ParameterResolver {

    private static final String KEY = NotesServer.class.getName();

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
                .getOrComputeIfAbsent(KEY, key -> new Running(LibertyServer.create("notes-it", Map.of(
                        "NOTES_ADMIN_USER", "admin",
                        "NOTES_ADMIN_PASSWORD", "admin-password-for-tests")).start()), Running.class)
                .server();
    }

    /** Stops the server when JUnit closes the root store, after the last test. */
    private record Running(LibertyServer server) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            server.stop();
        }
    }
}
