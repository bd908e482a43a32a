package dev.notes.cluster;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts the messages on a Redis channel that were no valid message of its {@code kind} (an event,
 * a session epoch change), and says when to log about them: the first at once, then at most one
 * line per interval summing up the others. A flood of forged messages so costs a line a minute,
 * not one per message.
 */
final class DroppedEvents {

    private final String kind;
    private final long intervalNanos;
    /** Guarded by this, like everything below. */
    private long total;
    private long unlogged;
    private boolean everLogged;
    private long lastLineAt;

    DroppedEvents(String kind, Duration logInterval) {
        this.kind = kind;
        this.intervalNanos = logInterval.toNanos();
    }

    /**
     * Counts one dropped message, at {@code nowNanos} (a {@link System#nanoTime} reading), for
     * {@code reason}; gives the line to log, if one is due.
     */
    synchronized Optional<String> drop(String reason, long nowNanos) {
        total++;
        unlogged++;
        if (everLogged && nowNanos - lastLineAt < intervalNanos) {
            return Optional.empty();
        }
        String line = (unlogged == 1 ? "Dropped a message" : "Dropped " + unlogged + " messages")
                + " on the Redis " + kind + " channel that " + (unlogged == 1 ? "is" : "are") + " no valid " + kind
                + " (the latest: "
                + reason + "); " + total + " since start. Whoever wrote " + (unlogged == 1 ? "it" : "them")
                + " has access to Redis.";
        everLogged = true;
        lastLineAt = nowNanos;
        unlogged = 0;
        return Optional.of(line);
    }

    /** Every message dropped since start. */
    synchronized long total() {
        return total;
    }
}
