package dev.notes.bench;

import dev.notes.it.support.Command;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Spring Boot peer of issue 14 ({@code shared/peers/spring-notes}): copied into the benchmark's
 * output, built, given a database of its own on the benchmark's PostgreSQL and a Redis database
 * index of its own on the benchmark's Redis, seeded like Notes, and run as two instances on free
 * ports with Notes' JVM options, so that every figure both can show is measured in the same run.
 */
final class SpringPeer implements AutoCloseable {

    /** The Redis database index of the peer's sessions; Notes' instances use 0. */
    static final int REDIS_DATABASE = 1;
    private static final Set<String> NOT_COPIED = Set.of("target", "node_modules", "logs", "run");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);

    private final Path home;
    private final Path jar;
    private final TestPostgres.Database database;
    private final int redisPort;
    private static final String SERIAL_FILTER = "-Djdk.serialFilter=";

    private final List<String> jvmOptions;
    private final Instance first;
    private final Instance second;

    private SpringPeer(Path home, TestPostgres.Database database, int redisPort, List<String> jvmOptions) {
        this.home = home;
        this.jar = home.resolve("app/target/notes-spring-0.1.0.jar");
        this.database = database;
        this.redisPort = redisPort;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.first = new Instance("peer-1", LibertyServer.freePort());
        this.second = new Instance("peer-2", LibertyServer.freePort());
    }

    /**
     * The peer's folder, when one is given: {@code -Dnotes.bench.peer} or else {@code NOTES_PEER_DIR};
     * without either the benchmark measures Notes alone.
     */
    static Optional<Path> configuredDirectory() {
        String configured = System.getProperty("notes.bench.peer", System.getenv("NOTES_PEER_DIR"));
        return configured == null || configured.isBlank() ? Optional.empty() : Optional.of(Path.of(configured));
    }

    /**
     * Copies the peer's sources into {@code workDirectory} (without what a build or a run left in
     * them), builds its jar and creates its database; starts nothing.
     */
    static SpringPeer prepare(Path source, Path workDirectory, int redisPort, List<String> jvmOptions) {
        if (!Files.isRegularFile(source.resolve("app/pom.xml"))) {
            throw new IllegalArgumentException("No Spring peer in " + source + " (no app/pom.xml)");
        }
        copy(source, workDirectory);
        run(workDirectory.resolve("app"), BUILD_TIMEOUT, "mvn", "-B", "-q", "-DskipTests", "package");
        return new SpringPeer(workDirectory, TestPostgres.newDatabase("peer"), redisPort, jvmOptions);
    }

    Instance first() {
        return first;
    }

    Instance second() {
        return second;
    }

    List<URI> baseUris() {
        return List.of(first.baseUri(), second.baseUri());
    }

    /**
     * Notes' JVM options ({@code liberty/config/jvm.options}, comments left out): the peer runs with
     * the same heap ceiling, and whatever else Notes' servers are told, except Notes' deserialisation
     * filter, an allow-list of the classes Notes deserialises: the peer's sessions hold Spring's.
     */
    static List<String> notesJvmOptions(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip).filter(line -> line.startsWith("-"))
                    .filter(line -> !line.startsWith(SERIAL_FILTER)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Notes' JVM options from " + file, e);
        }
    }

    /** The JVM options both instances run with (Notes' own). */
    List<String> jvmOptions() {
        return jvmOptions;
    }

    /** Replaces the peer's notes and user with the seed's: the schema exists once an instance has started (Flyway). */
    void seed(int notes) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String sql : PeerSeed.statements(notes)) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seed the Spring peer's database " + database.url(), e);
        }
    }

    @Override
    public void close() {
        first.stop();
        second.stop();
    }

    /** One instance of the peer: a JVM on its own port, started and stopped by this harness. */
    final class Instance {

        private final String name;
        private final int port;
        private Process process;

        private Instance(String name, int port) {
            this.name = name;
            this.port = port;
        }

        String name() {
            return name;
        }

        URI baseUri() {
            return URI.create("http://127.0.0.1:" + port);
        }

        URI uri(String path) {
            return baseUri().resolve(path);
        }

        /** Starts the JVM and returns the seconds from its launch to the first 200 on {@code GET /}. */
        double start() {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-Dspring.datasource.url=" + database.url(),
                    "-Dspring.datasource.username=" + database.user(), "-Dspring.datasource.password=" + database.password(),
                    "-Dspring.data.redis.host=127.0.0.1", "-Dspring.data.redis.port=" + redisPort,
                    "-Dspring.data.redis.database=" + REDIS_DATABASE, "-jar", jar.toString(), "--server.port=" + port));
            try {
                Path logs = Files.createDirectories(home.resolve("logs"));
                long start = System.nanoTime();
                process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                        .redirectOutput(logs.resolve("app-" + name + ".log").toFile()).start();
                awaitFirst200();
                return (System.nanoTime() - start) / 1e9;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the Spring peer's " + name, e);
            }
        }

        private void awaitFirst200() {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                    .build();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The Spring peer's " + name + " died at start:\n" + logTail());
                }
                try {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri("/")).timeout(Duration.ofSeconds(5))
                            .build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                Benchmark.pause(Duration.ofMillis(50));
            }
            throw new IllegalStateException("The Spring peer's " + name + " answered no 200 within " + START_TIMEOUT
                    + ":\n" + logTail());
        }

        private String logTail() {
            try {
                List<String> lines = Files.readAllLines(home.resolve("logs/app-" + name + ".log"));
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        /** Stops the JVM as its own stop script does (SIGTERM, graceful shutdown), forcibly after 30 s. */
        void stop() {
            Command.stop(process, Duration.ofSeconds(30));
            process = null;
        }

        long pid() {
            return process.pid();
        }

        /** A form login as the seed's user; the {@code Cookie} header value of the logged-in session. */
        String logIn() {
            Browser browser = new Browser();
            String form = browser.get("/login").body();
            HttpResponse<String> answer = browser.post("/login", Map.of("_csrf", csrf(form), "username", PeerSeed.USER,
                    "password", PeerSeed.PASSWORD));
            String location = answer.headers().firstValue("Location").orElse("");
            if (answer.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("Login on the Spring peer's " + name + " answered " + answer.statusCode()
                        + " to " + location);
            }
            return browser.cookieHeader();
        }

        /**
         * Saves a note, new or not, as its edit form does, with a session's cookie: the form fetched
         * for its CSRF token first, outside the timing (the new note's form, since the token is the
         * session's and a key not saved yet has no edit page); when the POST was sent, and how long
         * it took until its 302.
         */
        Save save(String cookie, String key, String title, String body) {
            Browser browser = new Browser(cookie);
            String form = browser.get("/notes/edit").body();
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("_csrf", csrf(form));
            fields.put("key", key);
            fields.put("title", title);
            fields.put("body", body);
            long sent = System.nanoTime();
            HttpResponse<String> answer = browser.post("/notes/save", fields);
            double millis = (System.nanoTime() - sent) / 1e6;
            if (answer.statusCode() != 302) {
                throw new IllegalStateException("Saving " + key + " on the Spring peer's " + name + " answered "
                        + answer.statusCode());
            }
            return new Save(sent, millis);
        }

        /** A browser on this instance: one HTTP/1.1 connection pool, its cookies kept, redirects not followed. */
        private final class Browser {

            private final CookieManager cookies = new CookieManager();
            private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

            Browser() {
            }

            Browser(String cookieHeader) {
                for (String pair : cookieHeader.split(";\\s*")) {
                    int equals = pair.indexOf('=');
                    HttpCookie cookie = new HttpCookie(pair.substring(0, equals), pair.substring(equals + 1));
                    cookie.setPath("/");
                    cookie.setVersion(0);
                    cookies.getCookieStore().add(baseUri(), cookie);
                }
            }

            HttpResponse<String> get(String path) {
                HttpResponse<String> page = send(HttpRequest.newBuilder(uri(path)).GET());
                if (page.statusCode() != 200) {
                    throw new IllegalStateException("GET " + path + " on the Spring peer's " + name + " answered "
                            + page.statusCode());
                }
                return page;
            }

            HttpResponse<String> post(String path, Map<String, String> fields) {
                String form = fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                        + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
                return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
            }

            String cookieHeader() {
                return cookies.getCookieStore().get(baseUri()).stream().map(c -> c.getName() + "=" + c.getValue())
                        .collect(Collectors.joining("; "));
            }

            private HttpResponse<String> send(HttpRequest.Builder request) {
                try {
                    return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** One save: {@link System#nanoTime()} when its request was sent, and its response time. */
    record Save(long sentNanos, double responseMillis) {
    }

    /** The form's CSRF token, as Spring Security writes it into every form. */
    static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("No _csrf field in the Spring peer's page");
        }
        return token.group(1);
    }

    private static void copy(Path source, Path target) {
        try {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                    if (!directory.equals(source) && NOT_COPIED.contains(directory.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(target.resolve(source.relativize(directory).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Path copy = target.resolve(source.relativize(file).toString());
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                    // The source may be read-only; the copy is the benchmark's to change.
                    copy.toFile().setWritable(true);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the Spring peer from " + source, e);
        }
    }

    private static void run(Path directory, Duration timeout, String... command) {
        Command.Result result = Command.run(directory, Map.of(), timeout, List.of(command));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " in " + directory + " failed:\n"
                    + result.output());
        }
    }
}
