package dev.notes.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Runs Debian's {@code wrk} against one URL and reads its summary. */
final class Wrk {

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

    /** What one run measured: throughput, latency percentiles in milliseconds, failed requests. */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long errors) {
    }

    private Wrk() {
    }

    static boolean installed() {
        try {
            Process process = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Two threads (one per core of the reference machine) and {@code connections} connections;
     * each request carries the next of {@code cookies} in turn (none: anonymous). Several sessions
     * matter: Liberty serialises the requests of one session, so a single cookie on every
     * connection would measure that lock rather than many readers.
     */
    static Result run(URI url, int connections, Duration duration, List<String> cookies) {
        List<String> command = new ArrayList<>(List.of("wrk", "--latency", "-t", "2", "-c", Integer.toString(connections),
                "-d", duration.toSeconds() + "s", "--timeout", "10s"));
        if (!cookies.isEmpty()) {
            command.addAll(List.of("-s", rotatingCookies(cookies).toString()));
        }
        command.add(url.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("wrk failed: " + output);
            }
            return parse(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A wrk script that sends the cookies in turn, each thread starting at another one. */
    static Path rotatingCookies(List<String> cookies) {
        String script = "cookies = {" + cookies.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", ")) + "}\n"
                + """
                local threads = 0
                function setup(thread)
                    thread:set("first", threads * 7)
                    threads = threads + 1
                end
                function init(args)
                    counter = first
                end
                function request()
                    counter = counter + 1
                    return wrk.format(nil, nil, { ["Cookie"] = cookies[(counter % #cookies) + 1] })
                end
                """;
        try {
            Path file = Files.createTempFile("notes-bench-cookies", ".lua");
            file.toFile().deleteOnExit();
            return Files.writeString(file, script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result parse(String output) {
        Matcher rps = REQUESTS_PER_SECOND.matcher(output);
        if (!rps.find()) {
            throw new IllegalStateException("No Requests/sec in wrk's output: " + output);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double millis = toMillis(Double.parseDouble(percentile.group(2)), percentile.group(3));
            if (percentile.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(socket.group(group));
            }
        }
        Matcher requests = REQUESTS.matcher(output);
        long count = requests.find() ? Long.parseLong(requests.group(1)) : 0;
        return new Result(Double.parseDouble(rps.group(1)), p50, p99, count, errors);
    }

    private static double toMillis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
