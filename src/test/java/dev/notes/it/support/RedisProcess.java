package dev.notes.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One process of the machine's {@code redis-server} (Debian package {@code redis-server}), started
 * from a configuration file in a directory of the test's, its output in a log file beside it.
 */
final class RedisProcess {

    static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");
    static final Path REDIS_CLI = Path.of("/usr/bin/redis-cli");

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
}
