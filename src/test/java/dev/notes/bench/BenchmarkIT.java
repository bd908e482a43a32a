package dev.notes.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmark harness, end to end. In the build it runs as a seconds-long smoke ({@code
 * notes.bench.mode} unset), so the harness cannot rot; {@code bench/run} runs it in full. It checks
 * that every figure was measured and that nothing failed or got lost, never how fast anything was.
 */
class BenchmarkIT {

    @Test
    void measuresEveryFigureAndLosesNothing() throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Path output = Path.of(System.getProperty("notes.target", "target"), "bench");

        Benchmark.Outcome outcome = new Benchmark(settings, output).run();

        String report = Files.readString(output.resolve("report.md"));
        // wrk comes from Debian: .ci/run installs it (and the harness fails without it under CI);
        // elsewhere the report says it was missing instead of inventing throughput.
        assertThat(report).contains(Wrk.installed() ? "## 1. Page throughput" : "wrk is not installed");
        assertThat(report).contains("## 2. Session cost", "## 3. A change reaching a browser",
                "## 4. Fan-out to every live client", "## 5. Start and footprint", "## 6. Soak over two instances");
        assertThat(report).contains("## " + Report.PROFILES_SECTION, "### start of instance single", "Java Heap",
                "### Redis commands per logged-in page view");
        assertThat(outcome.report().profiles()).as("profiles").hasSize(6)
                .anySatisfy(profile -> assertThat(profile.samples()).as(profile.scenario()).isPositive());
        assertThat(output.resolve("results.csv")).isNotEmptyFile();
        assertThat(output.resolve("latency.png")).isNotEmptyFile();
        assertThat(outcome.report().figures()).allSatisfy(figure ->
                assertThat(figure.value().rounds()).as(figure.name()).isPositive());
        assertThat(outcome.failedRequests()).as("failed requests").isZero();
        assertThat(outcome.lostEvents()).as("live events lost").isZero();
        assertThat(outcome.duplicateEvents()).as("live events duplicated").isZero();
        assertThat(outcome.report().figure("anonymous page views: sessions created (Set-Cookie, new Redis keys)")
                .value().median()).as("sessions created by anonymous reading").isZero();
    }
}
