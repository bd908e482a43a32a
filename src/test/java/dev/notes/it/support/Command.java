package dev.notes.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command run to its end within a bound: output and errors go to a file rather than a pipe, so a
 * command that prints much or hangs cannot hang the test; no input.
 */
public final class Command {

    private Command() {
    }

    /** How the command ended, and what it printed. */
    public record Result(int exitCode, String output) {
    }

    /**
     * Runs {@code command} in {@code directory} (null: the current one) with {@code environment}
     * added to this JVM's; throws if it does not end within {@code timeout}.
     */
    public static Result run(Path directory, Map<String, String> environment, Duration timeout, List<String> command) {
        try {
            Path output = Files.createTempFile("command-", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(output.toFile());
                if (directory != null) {
                    builder.directory(directory.toFile());
                }
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                            + ": " + Files.readString(output, StandardCharsets.UTF_8));
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Ends a process politely (SIGTERM), then forcibly when it is still there after {@code grace};
     * returns once it is gone or 10 s after the forcible end. Nothing to do for null.
     */
    public static void stop(Process process, Duration grace) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
