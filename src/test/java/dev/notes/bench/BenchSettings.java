package dev.notes.bench;

import java.time.Duration;
import java.util.List;

/**
 * How big a run is. {@code full} is what {@code bench/run} measures; {@code smoke} runs every
 * scenario for seconds, so that the build proves the harness still works.
 */
record BenchSettings(
        String mode,
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
        int soakClientsPerInstance) {

    static BenchSettings full() {
        return new BenchSettings("full", 100, 20, Duration.ofSeconds(30), Duration.ofSeconds(10), 3, List.of(16, 64),
                1000, 500, 32, List.of(2000, 10_000), 5, 1000, Duration.ofMinutes(10), 50);
    }

    static BenchSettings smoke() {
        return new BenchSettings("smoke", 20, 5, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, List.of(4),
                20, 20, 2, List.of(20), 2, 20, Duration.ofSeconds(5), 3);
    }

    /** {@code -Dnotes.bench.mode=full|smoke}; smoke unless asked. */
    static BenchSettings fromSystemProperties() {
        return "full".equals(System.getProperty("notes.bench.mode")) ? full() : smoke();
    }
}
