package dev.notes.live;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How many messages one connection may still send: a token bucket holding up to {@code burst}
 * messages, refilled at a steady rate. A client over the limit is warned once, and closed when more
 * than a burst's worth of its messages have been refused since then. Refusals are forgotten only when
 * the client has let its budget fill up again: a client that paces itself just above the steady rate
 * gets a message through now and then, but its refusals still add up (counting them "in a row" would
 * let it flood for ever).
 */
final class MessageBudget {

    /** What to do with a client's message. */
    enum Verdict {
        /** Within the budget: handle it. */
        ACCEPTED,
        /** The first one over the budget: drop it and tell the client. */
        REFUSED_WITH_WARNING,
        /** Over the budget again, the client has been told: drop it silently. */
        REFUSED,
        /** More than a burst refused since the warning: close the connection. */
        EXHAUSTED
    }

    private static final double NANOS_PER_MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final int burst;
    private final double perNano;
    private final LongSupplier clock;
    private double tokens;
    private long refilledAt;
    /** Messages refused since the budget was last full. */
    private int refused;

    /** @param clock nanoseconds, as {@link System#nanoTime()} */
    MessageBudget(int perMinute, int burst, LongSupplier clock) {
        this.burst = burst;
        this.perNano = perMinute / NANOS_PER_MINUTE;
        this.clock = clock;
        this.tokens = burst;
        this.refilledAt = clock.getAsLong();
    }

    synchronized Verdict take() {
        long now = clock.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
        if (tokens >= burst) {
            refused = 0;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.ACCEPTED;
        }
        refused++;
        if (refused == 1) {
            return Verdict.REFUSED_WITH_WARNING;
        }
        return refused > burst ? Verdict.EXHAUSTED : Verdict.REFUSED;
    }
}
