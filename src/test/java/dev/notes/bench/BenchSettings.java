package dev.notes.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How big a run is, and which scenarios it measures. {@code full} is what {@code bench/run}
 * measures; {@code smoke} runs every scenario for seconds, so that the build proves the harness
 * still works.
 */
record BenchSettings(
        String mode,
        Set<String> scenarios,
        int notes,
        int comments,
        Duration warmUp,
        Duration round,
        int rounds,
        List<Integer> concurrencies,
        int latencySamples,
        int sessionSamples,
        int loggedInSessions,
        List<Integer> fanOutClients,
        int fanOutRounds,
        int footprintClients,
        Duration soak,
        int soakClientsPerInstance,
        int attackLogins,
        int attackSockets,
        int grownNotes,
        int longThreadComments,
        int scaleLiveClients) {

    /**
     * The scenarios, in the order a run measures them; the set-up (servers, seed) always runs.
     * "growth" comes after the others measured on the seed: it leaves the database grown. "scale"
     * (two more instances, c and d) runs only when named: it is not in {@link #DEFAULT_SCENARIOS}.
     */
    static final List<String> SCENARIOS = List.of("pages", "sessions", "latency", "fanout", "footprint", "soak", "hostile",
            "growth", "scale");

    /** What a run measures when no scenario is named: all but "scale", which adds two servers' starts and its loads. */
    static final List<String> DEFAULT_SCENARIOS = SCENARIOS.stream().filter(name -> !name.equals("scale")).toList();

    static BenchSettings full(Set<String> scenarios) {
        return new BenchSettings("full", scenarios, 100, 20, Duration.ofSeconds(30), Duration.ofSeconds(10), 3,
                List.of(16, 64), 1000, 500, 32, List.of(2000, 10_000), 5, 1000, Duration.ofMinutes(10), 50, 32, 16,
                10_000, 2000, 2000);
    }

    static BenchSettings smoke(Set<String> scenarios) {
        return new BenchSettings("smoke", scenarios, 20, 5, Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
                List.of(4), 20, 20, 2, List.of(20), 2, 20, Duration.ofSeconds(5), 3, 4, 2,
                500, 200, 20);
    }

    /**
     * {@code -Dnotes.bench.mode=full|smoke}, smoke unless asked; {@code -Dnotes.bench.scenarios=a,b}
     * names the scenarios to measure (of {@link #SCENARIOS}), {@link #DEFAULT_SCENARIOS} unless asked.
     */
    static BenchSettings fromSystemProperties() {
        Set<String> scenarios = scenarios(System.getProperty("notes.bench.scenarios", ""));
        return "full".equals(System.getProperty("notes.bench.mode")) ? full(scenarios) : smoke(scenarios);
    }

    static Set<String> scenarios(String names) {
        if (names.isBlank()) {
            return new LinkedHashSet<>(DEFAULT_SCENARIOS);
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList()) {
            if (!SCENARIOS.contains(name)) {
                throw new IllegalArgumentException("notes.bench.scenarios: no scenario '" + name + "'; there are " + SCENARIOS);
            }
            chosen.add(name);
        }
        return chosen;
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }
}
