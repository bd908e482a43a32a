package dev.notes.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reading of a server's {@code /metrics} in Prometheus' text format, as Prometheus takes it:
 * anonymous, no cookies. Each sample is a name, its labels and a value.
 */
public final class PrometheusScrape {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** A sample: a series' name, labels and value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) {
        this.samples = samples;
    }

    /** Reads {@code /metrics} of {@code server}; fails unless it answers 200 in the text format. */
    public static PrometheusScrape of(LibertyServer server) {
        HttpResponse<String> response = fetch(server.uri("/metrics"));
        assertThat(response.statusCode()).as("GET /metrics without credentials").isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        return parse(response.body());
    }

    /** The raw answer to an anonymous GET of {@code uri}. */
    public static HttpResponse<String> fetch(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "text/plain").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted reading " + uri, e);
        }
    }

    static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!sample.matches()) {
                throw new AssertionError("Not a sample line of the Prometheus text format: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return new PrometheusScrape(samples);
    }

    /**
     * The value of the one series named {@code name} whose labels include {@code labels} (pairs:
     * name, value); 0 if there is none yet, as a counter not yet created would read.
     */
    public double value(String name, String... labels) {
        List<Sample> matching = samples.stream().filter(s -> s.name().equals(name) && hasLabels(s, labels)).toList();
        assertThat(matching).as("series %s%s", name, List.of(labels)).hasSizeLessThanOrEqualTo(1);
        return matching.isEmpty() ? 0 : matching.get(0).value();
    }

    /** Whether some series is named {@code name}. */
    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** Every series name. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /** The samples whose name passes {@code filter}. */
    public List<Sample> samples(Predicate<String> filter) {
        return samples.stream().filter(s -> filter.test(s.name())).toList();
    }

    /** Every label value of every sample. */
    public Set<String> labelValues() {
        Set<String> values = new TreeSet<>();
        samples.forEach(s -> values.addAll(s.labels().values()));
        return values;
    }

    private static boolean hasLabels(Sample sample, String... labels) {
        for (int i = 0; i + 1 < labels.length; i += 2) {
            if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Scrapes until {@code name} with {@code labels} reads at least {@code expected}, and returns the
     * last scrape; fails after {@code timeout}. Counters move as a side effect of what a test did,
     * sometimes after its answer was sent.
     */
    public static PrometheusScrape awaitAtLeast(LibertyServer server, double expected, Duration timeout, String name,
            String... labels) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            PrometheusScrape scrape = of(server);
            double value = scrape.value(name, labels);
            if (value >= expected) {
                return scrape;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + List.of(labels) + " on " + server.name() + " is " + value
                        + ", not yet " + expected + " after " + timeout);
            }
            LibertyServer.sleep(Duration.ofMillis(200));
        }
    }
}
