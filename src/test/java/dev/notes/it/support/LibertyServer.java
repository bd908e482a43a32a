package dev.notes.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Open Liberty server running the packaged WAR, made for a test from the server that the
 * build prepared ({@code notes}: runtime, features, configuration from {@code liberty/}). It gets
 * its own name, directory, free HTTP port and database, and its settings as environment variables,
 * exactly as an operator would configure an instance.
 */
public final class LibertyServer implements AutoCloseable {

    /** A fresh server directory's first start builds Liberty's caches: minutes on a busy shared 2-core machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private static final String TEMPLATE_SERVER = "usr/servers/notes";

    private final String name;
    private final Path wlp;
    private final Path directory;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final int httpPort;
    private boolean running;

    private LibertyServer(String name, Map<String, String> settings) {
        this.name = name;
        this.wlp = Path.of(requiredProperty("notes.wlp.home"));
        this.directory = wlp.resolve("usr/servers").resolve(name);
        this.httpPort = freePort();
        environment.put("HTTP_PORT", Integer.toString(httpPort));
        environment.put("HTTP_HOST", "127.0.0.1");
        environment.putAll(settings);
    }

    /**
     * A server with the given settings (environment variables such as {@code DB_URL}) added to the
     * defaults; an H2 file database of its own unless the settings name another database.
     */
    public static LibertyServer create(String name, Map<String, String> settings) {
        LibertyServer server = new LibertyServer(name, settings);
        server.prepareDirectory();
        return server;
    }

    public static LibertyServer withPostgres(String name, TestPostgres.Database database, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("DB_URL", database.url());
        all.put("DB_USER", database.user());
        all.put("DB_PASSWORD", database.password());
        return create(name, all);
    }

    /**
     * A file of the configuration every test server is made from (the build's {@code notes} server),
     * such as {@code redisson-sentinel.yaml}: each server's own copy is the same.
     */
    public static Path templateFile(String fileName) {
        return Path.of(requiredProperty("notes.wlp.home"), TEMPLATE_SERVER, fileName);
    }

    private void prepareDirectory() {
        Path template = wlp.resolve(TEMPLATE_SERVER);
        Path war = Path.of(requiredProperty("notes.war"));
        try {
            deleteRecursively(directory);
            Files.createDirectories(directory.resolve("apps"));
            for (Path file : configurationFiles(template)) {
                Files.copy(file, directory.resolve(file.getFileName()));
            }
            Files.copy(war, directory.resolve("apps/notes.war"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the server directory " + directory, e);
        }
    }

    /** The template server's configuration: server.xml, its includes, Redisson's YAML, bootstrap.properties. */
    static List<Path> configurationFiles(Path template) throws IOException {
        try (Stream<Path> files = Files.list(template)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches(".*\\.(xml|yaml|properties|options)"))
                    .toList();
        }
    }

    /**
     * Changes one setting (an environment variable such as {@code JVM_ARGS}) for the next start;
     * {@code null} removes it.
     */
    public void setting(String name, String value) {
        if (value == null) {
            environment.remove(name);
        } else {
            environment.put(name, value);
        }
    }

    /** Starts the server and returns once its readiness check answers UP. */
    public LibertyServer start() {
        // Running from the attempt on: a start that times out may still bring the process up, and stop() ends it.
        running = true;
        run("start");
        awaitReady();
        return this;
    }

    /**
     * Starts the server process without waiting for readiness, for a start that is meant to fail;
     * {@link #awaitLog} then waits for what it logs.
     */
    public LibertyServer startWithoutWaiting() {
        running = true;
        run("start");
        return this;
    }

    /** Waits until messages.log contains {@code text}; fails after {@code timeout}. */
    public void awaitLog(String text, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!log().contains(text)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Server " + name + " did not log '" + text + "' within " + timeout
                        + "; see " + messagesLog());
            }
            sleep(Duration.ofMillis(200));
        }
    }

    public void stop() {
        if (running) {
            run("stop");
            running = false;
        }
    }

    /** The server's process id, from the pid file Liberty writes at start. */
    public long pid() {
        Path pidFile = wlp.resolve("usr/servers/.pid").resolve(name + ".pid");
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("No pid file " + pidFile, e);
        }
    }

    /** Ends the server process at once ({@code kill -9}), as a crash would: nothing is shut down cleanly. */
    public void kill() {
        long pid = pid();
        try {
            ProcessHandle process = ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalStateException("Server " + name + " (pid " + pid + ") is not running"));
            process.destroyForcibly();
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            running = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Server " + name + " did not die within " + STOP_TIMEOUT, e);
        }
    }

    /**
     * Sends SIGTERM to the server's process ({@link ProcessHandle#destroy()} is {@code kill -TERM} on
     * Unix), as Kubernetes and {@code docker stop} do, and returns at once: the process, which
     * {@link ProcessHandle#onExit()} waits for.
     */
    public ProcessHandle terminate() {
        long pid = pid();
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("Server " + name + " (pid " + pid + ") is not running"));
        if (!process.destroy()) {
            throw new IllegalStateException("Could not send SIGTERM to server " + name + " (pid " + pid + ")");
        }
        running = false;
        return process;
    }

    @Override
    public void close() {
        stop();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    public URI uri(String path) {
        return baseUri().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public int httpPort() {
        return httpPort;
    }

    public String name() {
        return name;
    }

    /** The server's directory (wlp/usr/servers/name): its configuration, apps and logs. */
    public Path directory() {
        return directory;
    }

    public Path messagesLog() {
        return directory.resolve("logs/messages.log");
    }

    /** The server's messages.log, for assertions on what it logged. */
    public String log() {
        try {
            return Files.exists(messagesLog()) ? Files.readString(messagesLog()) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's HTTP access log (server.xml's accessLogging). */
    public Path accessLog() {
        return directory.resolve("logs/http_access.log");
    }

    /**
     * The first line of the log {@code file} (such as {@link #messagesLog()}) that contains
     * {@code text}, waiting up to 20 s for Liberty to write it: its logs are written a moment
     * after the request that caused them has been answered.
     */
    public String awaitLine(Path file, String text) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            try {
                if (Files.exists(file)) {
                    try (Stream<String> lines = Files.lines(file)) {
                        var line = lines.filter(l -> l.contains(text)).findFirst();
                        if (line.isPresent()) {
                            return line.get();
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No line with '" + text + "' in " + file + " within 20 s");
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private void run(String action) {
        Path script = wlp.resolve("bin/server");
        ProcessBuilder builder = new ProcessBuilder(script.toString(), action, name)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolveSibling(name + "-" + action + ".out").toFile());
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            Duration timeout = action.equals("start") ? START_TIMEOUT : STOP_TIMEOUT;
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("'server " + action + " " + name + "' did not finish in " + timeout);
            }
            if (process.exitValue() != 0 && !action.equals("stop")) {
                throw new IllegalStateException("'server " + action + " " + name + "' exited with "
                        + process.exitValue() + "; see " + directory.resolveSibling(name + "-" + action + ".out")
                        + " and " + messagesLog());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        int lastStatus = -1;
        while (Instant.now().isBefore(deadline)) {
            try {
                lastStatus = client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException("Server " + name + " not ready within " + START_TIMEOUT
                + " (last /health/ready status " + lastStatus + "); see " + messagesLog());
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String requiredProperty(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("System property " + key + " is not set: run the integration tests with"
                    + " 'mvn verify', which prepares the Liberty runtime and the WAR first.");
        }
        return value;
    }

    /** Deletes {@code path} and everything under it, if it exists. */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
