package dev.notes.live;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How many messages one connection may still send: a token bucket holding up to {@code burst}
 * messages, refilled at a steady rate. A client over the limit is warned once, and closed when it
 * goes on sending as many messages again without waiting.
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
        /** The client kept going after the warning: close the connection. */
        EXHAUSTED
    }

    private static final double NANOS_PER_MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final int burst;
    private final double perNano;
    private final LongSupplier clock;
    private double tokens;
    private long refilledAt;
    private int refusedInARow;

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
        if (tokens >= 1) {
            tokens -= 1;
            refusedInARow = 0;
            return Verdict.ACCEPTED;
        }
        refusedInARow++;
        if (refusedInARow == 1) {
            return Verdict.REFUSED_WITH_WARNING;
        }
        return refusedInARow > burst ? Verdict.EXHAUSTED : Verdict.REFUSED;
    }
}
