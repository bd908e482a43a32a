package dev.notes.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmark harness, end to end. In the build it runs as a seconds-long smoke ({@code
 * notes.bench.mode} unset), so the harness cannot rot; {@code bench/run} runs it in full. It checks
 * that every figure of the scenarios run (all but "scale" unless {@code notes.bench.scenarios} names some) was
 * measured and that nothing failed or got lost, never how fast anything was; with the Spring peer
 * ({@code NOTES_PEER_DIR}), that each figure compared was measured on both sides.
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
        if (settings.runs("pages")) {
            assertThat(report).contains(Wrk.installed() ? "## 1. Page throughput" : "wrk is not installed");
        }
        if (settings.runs("sessions")) {
            assertThat(report).contains("## 2. Session cost", "### Redis commands per logged-in page view");
            assertThat(outcome.report().figure("anonymous page views: sessions created (Set-Cookie, new Redis keys)")
                    .value().median()).as("sessions created by anonymous reading").isZero();
        }
        if (settings.runs("latency")) {
            assertThat(report).contains("## 3. A change reaching a browser");
            assertThat(output.resolve("latency.png")).isNotEmptyFile();
        }
        if (settings.runs("fanout")) {
            assertThat(report).contains("## 4. Fan-out to every live client");
        }
        if (settings.runs("footprint")) {
            assertThat(report).contains("## 5. Start and footprint", "### start of instance single", "Java Heap");
        }
        if (settings.runs("soak")) {
            assertThat(report).contains("## 6. Soak over two instances");
        }
        if (settings.runs("hostile")) {
            assertThat(report).contains(Wrk.installed() ? "## 7. Normal users under attack" : "wrk is not installed");
            if (Wrk.installed()) {
                assertThat(outcome.report().figures()).as("figures of the hostile load")
                        .anySatisfy(figure -> assertThat(figure.name()).startsWith("throughput kept under attack"))
                        .anySatisfy(figure -> assertThat(figure.name()).startsWith("attacker's answers per round: login answers"))
                        .anySatisfy(figure -> assertThat(figure.name()).startsWith("attacker's answers per round: live handshakes"));
                assertThat(outcome.attackerAnswers()).as("login attempts and handshakes answered to the attacker").isPositive();
            }
        }
        if (settings.runs("growth")) {
            assertThat(report).contains(Wrk.installed() ? "## 8. Growth" : "wrk is not installed");
            if (Wrk.installed()) {
                assertThat(outcome.report().figures()).as("figures of the grown database")
                        .filteredOn(figure -> figure.section().startsWith("8. Growth"))
                        .extracting(Report.Figure::name)
                        .anySatisfy(name -> assertThat(name).startsWith("anonymous GET /, c=").contains("throughput, "))
                        .anySatisfy(name -> assertThat(name).startsWith("anonymous note page without comments"))
                        .anySatisfy(name -> assertThat(name).startsWith("anonymous note page with the most comments"))
                        .anySatisfy(name -> assertThat(name).startsWith("home snapshot on /live: bytes, "))
                        .anySatisfy(name -> assertThat(name).startsWith("note:<key> snapshot"));
            }
        }
        if (settings.runs("scale")) {
            assertThat(report).contains(Wrk.installed() ? "## Scale: 1 → 2 → 4 instances on one machine" : "wrk is not installed");
            if (Wrk.installed()) {
                assertThat(report).as("a row per number of instances").contains("\n| 1 | ", "\n| 2 | ", "\n| 4 | ");
            }
        }
        int profiles = (settings.runs("pages") && Wrk.installed() ? 3 : 0) + (settings.runs("latency") ? 1 : 0)
                + (settings.runs("fanout") ? 2 : 0) + (settings.runs("footprint") ? 1 : 0);
        assertThat(outcome.report().profiles()).as("profiles").hasSize(profiles);
        if (profiles > 0) {
            assertThat(report).contains("## " + Report.PROFILES_SECTION);
            assertThat(outcome.report().profiles())
                    .anySatisfy(profile -> assertThat(profile.samples()).as(profile.scenario()).isPositive());
        }
        if (SpringPeer.configuredDirectory().isPresent()) {
            assertThat(report).contains("## " + PeerComparison.TITLE);
            assertThat(outcome.comparison().rows()).as("figures compared with the Spring peer")
                    .anySatisfy(row -> assertThat(row.figure()).startsWith("start, first"))
                    .allSatisfy(row -> assertThat(row.ratio().rounds()).as(row.figure()).isPositive());
            if (settings.runs("pages") && Wrk.installed()) {
                assertThat(outcome.comparison().rows()).extracting(PeerComparison.Row::figure)
                        .anySatisfy(name -> assertThat(name).startsWith("anonymous GET /, c="))
                        .anySatisfy(name -> assertThat(name).startsWith("logged-in note page, c="))
                        .anySatisfy(name -> assertThat(name).startsWith("saving a note"));
            }
        } else {
            assertThat(report).doesNotContain(PeerComparison.TITLE);
        }
        assertThat(output.resolve("results.csv")).isNotEmptyFile();
        assertThat(outcome.report().figures()).allSatisfy(figure ->
                assertThat(figure.value().rounds()).as(figure.name()).isPositive());
        assertThat(outcome.failedRequests()).as("failed requests").isZero();
        assertThat(outcome.lostEvents()).as("live events lost").isZero();
        assertThat(outcome.duplicateEvents()).as("live events duplicated").isZero();
    }
}
