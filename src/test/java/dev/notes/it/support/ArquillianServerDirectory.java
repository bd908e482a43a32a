package dev.notes.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The directory of a Liberty server that Arquillian's managed container starts and deploys test
 * archives into. Made from the server the build prepared ({@code notes}), like
 * {@link LibertyServer}, but:
 * <ul>
 * <li>without the application itself: the test archive (the WAR plus the tests) is deployed by
 * Arquillian, and two copies of the application would share one database;</li>
 * <li>with the JMX local connector that Arquillian talks to, and an application monitor that waits
 * for Arquillian's MBean call instead of polling a half-written archive; the JMX calls arrive as
 * serialised JMX and RMI objects, which the JVM-wide deserialisation filter of {@code jvm.options}
 * refuses, so this server's filter also allows those (the black-box tests run the shipped one);</li>
 * <li>with its settings in {@code bootstrap.properties} rather than environment variables: the
 * server process, launched by Arquillian, inherits the test JVM's environment, and bootstrap
 * properties win over whatever {@code DB_URL} or {@code HTTP_PORT} the developer's shell exports.</li>
 * </ul>
 */
final class ArquillianServerDirectory {

    private static final String ARQUILLIAN_OVERRIDES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- Written by the Arquillian tests (dev.notes.it.support.ArquillianServerDirectory) -->
            <server>
                <featureManager>
                    <feature>localConnector-1.0</feature>
                </featureManager>
                <applicationMonitor updateTrigger="mbean"/>
            </server>
            """;

    private ArquillianServerDirectory() {
    }

    /**
     * (Re)creates {@code usr/servers/<name>} with the given bootstrap properties (e.g. {@code DB_URL})
     * on top of a free HTTP port on the loopback interface. Returns the server's directory.
     */
    static Path create(Path wlp, String name, Map<String, String> settings) {
        Path template = wlp.resolve("usr/servers/notes");
        Path directory = wlp.resolve("usr/servers").resolve(name);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("HTTP_HOST", "127.0.0.1");
        properties.put("HTTP_PORT", Integer.toString(LibertyServer.freePort()));
        properties.putAll(settings);
        try {
            deleteRecursively(directory);
            Files.createDirectories(directory.resolve("configDropins/overrides"));
            writeWithoutApplications(template.resolve("server.xml"), directory.resolve("server.xml"));
            Files.writeString(directory.resolve("configDropins/overrides/arquillian.xml"), ARQUILLIAN_OVERRIDES);
            Files.writeString(directory.resolve("bootstrap.properties"),
                    templateText(template.resolve("bootstrap.properties")) + asProperties(properties));
            for (Path file : LibertyServer.configurationFiles(template)) {
                String fileName = file.getFileName().toString();
                if (fileName.equals("jvm.options")) {
                    Files.writeString(directory.resolve(fileName), withJmxAllowed(Files.readString(file)));
                } else if (!fileName.equals("server.xml") && !fileName.equals("bootstrap.properties")) {
                    Files.copy(file, directory.resolve(fileName));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the server directory " + directory, e);
        }
        return directory;
    }

    /** Copies server.xml, leaving out the {@code <webApplication>} elements that deploy the real WAR. */
    private static void writeWithoutApplications(Path source, Path target) {
        try {
            Document server = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(source.toFile());
            NodeList applications = server.getElementsByTagName("webApplication");
            for (Node application : asList(applications)) {
                application.getParentNode().removeChild(application);
            }
            TransformerFactory.newInstance().newTransformer()
                    .transform(new DOMSource(server), new StreamResult(target.toFile()));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot copy " + source + " to " + target, e);
        }
    }

    /** The JVM options with JMX's and RMI's classes added to the deserialisation filter's allow-list. */
    static String withJmxAllowed(String jvmOptions) {
        String filter = "-Djdk.serialFilter=";
        if (!jvmOptions.contains(filter) || !jvmOptions.contains(";!*")) {
            throw new IllegalStateException("jvm.options has no deserialisation filter ending in !* to widen");
        }
        return jvmOptions.replace(";!*", ";javax.management.**;java.rmi.**;javax.security.auth.**;!*");
    }

    /** A snapshot: the live NodeList shrinks while its elements are removed. */
    private static List<Node> asList(NodeList nodes) {
        return Stream.iterate(0, i -> i < nodes.getLength(), i -> i + 1).map(nodes::item).toList();
    }

    private static String templateText(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) + System.lineSeparator() : "";
    }

    private static String asProperties(Map<String, String> properties) {
        return properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator()));
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
