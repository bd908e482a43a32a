package dev.notes.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notes.user.SignedInUser;
import dev.notes.web.RecentKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The JEP 290 filter of liberty/config/jvm.options ({@code -Djdk.serialFilter}), parsed from the
 * file as the JVM parses it and applied to real streams: what the application's sessions and
 * MyFaces' view states hold is built, and classes that deserialisation gadget chains need are not.
 * (That real pages round-trip their view state under it is shown by the browser tests, which run
 * servers with this file.)
 */
class SerialFilterTest {

    private static final Path JVM_OPTIONS = Path.of("liberty", "config", "jvm.options");
    private static final String OPTION = "-Djdk.serialFilter=";

    private static ObjectInputFilter filter() throws IOException {
        List<String> options = Files.readAllLines(JVM_OPTIONS).stream().map(String::strip)
                .filter(line -> line.startsWith(OPTION)).toList();
        assertThat(options).as("one %s line in %s", OPTION, JVM_OPTIONS).hasSize(1);
        return ObjectInputFilter.Config.createFilter(options.get(0).substring(OPTION.length()));
    }

    private static Object throughTheFilter(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.setObjectInputFilter(filter());
            return in.readObject();
        }
    }

    @Test
    void theListEndsByRefusingEverythingElse() throws IOException {
        String line = Files.readAllLines(JVM_OPTIONS).stream().filter(l -> l.startsWith(OPTION)).findFirst().orElseThrow();
        assertThat(line).endsWith(";!*").contains("maxdepth=", "maxrefs=", "maxbytes=", "maxarray=");
    }

    @Test
    void whatSessionsHoldIsBuilt() throws Exception {
        SignedInUser user = new SignedInUser("alice", "Alice", Set.of("user"), Instant.parse("2026-12-02T10:00:00Z"), 3, "login-1");
        RecentKeys recent = new RecentKeys(List.of("shopping", "todo"));
        assertThat(throughTheFilter(user)).isEqualTo(user);
        assertThat(throughTheFilter(recent)).isEqualTo(recent);
        assertThat(throughTheFilter("UTF-8")).isEqualTo("UTF-8");
    }

    /** The kinds of values MyFaces puts in a view state: nested Object arrays of JDK values and collections. */
    @Test
    void whatViewStatesHoldIsBuilt() throws Exception {
        Map<String, Object> attributes = new HashMap<>(Map.of("styleClass", "note", "rendered", Boolean.TRUE));
        Object[] state = {new Object[] {"j_id1", 3, 7L, null}, new ArrayList<>(List.of("a", 'b')), attributes,
            new TreeSet<>(Set.of("x")), Collections.emptyMap(), Instant.parse("2026-12-02T11:00:00Z"), new int[] {1, 2},
            jakarta.faces.application.FacesMessage.SEVERITY_ERROR.getOrdinal()};
        assertThat((Object[]) throughTheFilter(state)).hasSize(state.length);
    }

    @Test
    void classesGadgetChainsNeedAreRefused() throws IOException {
        HashMap<Object, String> urlDns = new HashMap<>();
        urlDns.put(URI.create("http://lookup.invalid/").toURL(), "x");
        Object proxy = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Runnable.class, Serializable.class},
                new SerialisableHandler());
        for (Object gadget : List.of(urlDns, proxy, new javax.management.BadAttributeValueExpException("x"),
                new java.util.concurrent.ConcurrentHashMap<>(Map.of("k", "v")), new java.io.File("/etc/passwd"),
                new java.text.SimpleDateFormat("yyyy"))) {
            assertThatThrownBy(() -> throughTheFilter(gadget)).as(gadget.getClass().getName())
                    .isInstanceOf(InvalidClassException.class).hasMessageContaining("REJECTED");
        }
    }

    @Test
    void streamsBeyondTheLimitsAreRefused() {
        Object deep = "bottom";
        for (int i = 0; i < 200; i++) {
            deep = new Object[] {deep};
        }
        Object tooDeep = deep;
        assertThatThrownBy(() -> throughTheFilter(tooDeep)).isInstanceOf(InvalidClassException.class);
        assertThatThrownBy(() -> throughTheFilter(new long[1_000_000])).isInstanceOf(InvalidClassException.class);
        assertThatThrownBy(() -> throughTheFilter(new ArrayList<>(Collections.nCopies(200_000, new StringBuilder("x")))))
                .as("too many objects").isInstanceOf(InvalidClassException.class);
    }

    /** Allowed itself (dev.notes), yet the proxy class around it is not. */
    static final class SerialisableHandler implements java.lang.reflect.InvocationHandler, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) {
            return null;
        }
    }
}
