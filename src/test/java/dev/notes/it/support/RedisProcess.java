package dev.notes.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One process of the machine's {@code redis-server} (Debian package {@code redis-server}), started
 * from a configuration file in a directory of the test's, its output in a log file beside it; and
 * what the tests that start such processes ask them through {@code redis-cli}.
 */
final class RedisProcess {

    static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");
    static final Path REDIS_CLI = Path.of("/usr/bin/redis-cli");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private RedisProcess() {
    }

    /** Fails, naming the package to install, when redis-server or redis-cli is missing. */
    static void requireInstalled() {
        if (!Files.isExecutable(REDIS_SERVER) || !Files.isExecutable(REDIS_CLI)) {
            throw new IllegalStateException(REDIS_SERVER + " or " + REDIS_CLI + " is missing: install the Debian"
                    + " package redis-server (apt-get install redis-server), which .ci/run does");
        }
    }

    /** Starts {@code redis-server <configuration> <arguments...>} in {@code directory}, its output into {@code log}. */
    static Process start(Path directory, Path configuration, Path log, String... arguments) {
        List<String> command = new ArrayList<>(List.of(REDIS_SERVER.toString(), configuration.toString()));
        command.addAll(List.of(arguments));
        try {
            return new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + REDIS_SERVER, e);
        }
    }

    /**
     * A set of processes: {@code create} makes it in a fresh temporary directory named after
     * {@code prefix}, {@code launch} starts its processes; closed again when the launch fails.
     */
    static <T extends AutoCloseable> T launchInTemporaryDirectory(String prefix, Function<Path, T> create,
            Consumer<T> launch) {
        requireInstalled();
        T processes;
        try {
            processes = create.apply(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            launch.accept(processes);
        } catch (RuntimeException e) {
            try {
                processes.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return processes;
    }

    /** Ends every process of {@code processes}, then removes {@code directory} with their files. */
    static void stopAll(List<Process> processes, Path directory) {
        processes.forEach(RedisProcess::stop);
        try {
            LibertyServer.deleteRecursively(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + directory, e);
        }
    }

    /** The YAML list of {@code redis://} addresses of {@code ports} on 127.0.0.1, as the Redisson files read it. */
    static String addresses(List<Integer> ports) {
        return ports.stream().map(port -> "redis://127.0.0.1:" + port).collect(Collectors.joining(",", "[", "]"));
    }

    /** Ends the process, politely first, within 20 s. */
    static void stop(Process process) {
        Command.stop(process, Duration.ofSeconds(10));
    }

    /** The log's text, for a failure message. */
    static String log(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** What {@code redis-cli} on {@code port} prints for {@code arguments}; "" when the server does not answer. */
    static String cli(Path directory, int port, String... arguments) {
        List<String> command = new ArrayList<>(List.of(REDIS_CLI.toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(port)));
        command.addAll(List.of(arguments));
        Command.Result result = Command.run(directory, Map.of(), COMMAND_TIMEOUT, command);
        return result.exitCode() == 0 ? result.output().strip() : "";
    }

    /** The {@code field:value} lines of a reply such as {@code INFO}'s or {@code CLUSTER INFO}'s. */
    static Map<String, String> fields(String reply) {
        return reply.lines().filter(line -> line.contains(":"))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf(':')),
                        line -> line.substring(line.indexOf(':') + 1).strip(), (first, second) -> second));
    }

    /** Waits until {@code condition} holds, at most {@code timeout}; fails with the logs of {@code directory}. */
    static void awaitTrue(String what, Duration timeout, Path directory, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("No " + what + " within " + timeout + "; logs in " + directory
                        + ":\n" + logs(directory));
            }
            LibertyServer.sleep(Duration.ofMillis(100));
        }
    }

    /** Every log file of {@code directory}, each under its name. */
    private static String logs(Path directory) {
        try (var files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".log")).sorted()
                    .map(file -> "== " + file.getFileName() + "\n" + log(file))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(cannot list " + directory + ": " + e.getMessage() + ")";
        }
    }
}
