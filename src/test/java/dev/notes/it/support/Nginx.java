package dev.notes.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real nginx (Debian's package) in front of Notes instances, with the very proxy configuration
 * of {@code docker/nginx/notes-locations.conf}: the Compose topology without Docker.
 */
public final class Nginx implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/nginx");
    private static final Path LOCATIONS = Path.of("docker/nginx/notes-locations.conf").toAbsolutePath();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts nginx on a free port, round-robin over the given instances. */
    public static Nginx inFrontOf(List<LibertyServer> instances) {
        return start(instances, null);
    }

    /**
     * Like {@link #inFrontOf}, but {@code preferred} gets 100 requests for every one the others get
     * (nginx's weighted round robin): a test knows which instance a browser's page and socket reach,
     * while the others still take what {@code preferred} refuses.
     */
    public static Nginx preferring(LibertyServer preferred, List<LibertyServer> instances) {
        return start(instances, preferred);
    }

    private static Nginx start(List<LibertyServer> instances, LibertyServer preferred) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("nginx is required (Debian package nginx; .ci/run installs it)");
        }
        int port = LibertyServer.freePort();
        try {
            Path dir = Files.createTempDirectory("notes-nginx-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
            String upstreams = instances.stream().map(s -> "        server 127.0.0.1:" + s.httpPort()
                            + (s == preferred ? " weight=100" : "") + ";")
                    .collect(Collectors.joining("\n"));
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, """
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 256; }
                    http {
                        access_log %1$s/access.log;
                        client_body_temp_path %1$s/body;
                        proxy_temp_path %1$s/proxy;
                        fastcgi_temp_path %1$s/fastcgi;
                        uwsgi_temp_path %1$s/uwsgi;
                        scgi_temp_path %1$s/scgi;
                        upstream notes {
                    %2$s
                            keepalive 16;
                        }
                        server {
                            listen 127.0.0.1:%3$d;
                            include %4$s;
                        }
                    }
                    """.formatted(dir, upstreams, port, LOCATIONS));
            Process process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString(), "-p", dir.toString(),
                    "-g", "daemon off;")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
            awaitListening(port, process, dir);
            return new Nginx(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitListening(int port, Process process, Path dir) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + "; see " + dir);
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + " within " + START_TIMEOUT + "; see " + dir);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public void close() {
        Command.stop(process, Duration.ofSeconds(10));
    }
}
