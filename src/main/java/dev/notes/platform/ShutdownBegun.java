package dev.notes.platform;

import java.time.Duration;

/**
 * The instance received SIGTERM and reports not ready ({@link ShutdownReadinessCheck}); Liberty
 * stops accepting connections after {@code drain}. Fired synchronously once, so that observers (the
 * live sockets) act before the drain begins.
 */
public record ShutdownBegun(Duration drain) {
}
