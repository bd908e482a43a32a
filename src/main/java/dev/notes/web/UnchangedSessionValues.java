package dev.notes.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.ExternalContextFactory;
import jakarta.faces.context.ExternalContextWrapper;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps Faces from writing an immutable value into the HTTP session when the session already holds
 * an equal one.
 * <p>
 * MyFaces puts the response's character encoding ({@code jakarta.faces.request.charset}) into the
 * session on every page it renders for a reader who has one. In a cluster each such put is a write
 * to Redis and a message to every instance, for a value that never changes. Only immutable values
 * are compared: putting the same mutable object again is how code says it changed in place, and
 * must still be written.
 */
public class UnchangedSessionValues extends ExternalContextWrapper {

    public UnchangedSessionValues(ExternalContext wrapped) {
        super(wrapped);
    }

    @Override
    public Map<String, Object> getSessionMap() {
        return new SkippingEqualPuts(getWrapped().getSessionMap());
    }

    /** Whether putting {@code value} over {@code current} would change nothing anyone could see. */
    static boolean unchanged(Object current, Object value) {
        return isImmutable(value) && Objects.equals(current, value);
    }

    private static boolean isImmutable(Object value) {
        return value instanceof String || value instanceof Number && value.getClass().getName().startsWith("java.lang.")
                || value instanceof Boolean || value instanceof Character || value instanceof Enum<?>;
    }

    /** The session map, except that a put of an equal immutable value does nothing. */
    static final class SkippingEqualPuts extends AbstractMap<String, Object> {

        private final Map<String, Object> session;

        SkippingEqualPuts(Map<String, Object> session) {
            this.session = session;
        }

        @Override
        public Object put(String key, Object value) {
            Object current = session.get(key);
            return unchanged(current, value) ? current : session.put(key, value);
        }

        @Override
        public Object get(Object key) {
            return session.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return session.containsKey(key);
        }

        @Override
        public Object remove(Object key) {
            return session.remove(key);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return session.entrySet();
        }
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExternalContextFactory {

        public Factory(ExternalContextFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExternalContext getExternalContext(Object context, Object request, Object response) {
            return new UnchangedSessionValues(getWrapped().getExternalContext(context, request, response));
        }
    }
}
