package dev.notes.cluster;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Keeps the resyncs of one instance's browsers at least an interval apart. A resync makes every
 * browser of the instance fetch fresh snapshots; anything that can make gaps in the event ids (a
 * flapping connection, or whoever can write to Redis) could otherwise make them do that
 * continuously. A resync asked for within the interval is not dropped but put off to its end, and
 * all those asked for meanwhile become that one: what was missed still reaches every browser.
 */
final class ResyncPacing {

    private final long intervalNanos;
    /** Guarded by this, like everything below. */
    private boolean everRan;
    private long lastRunAt;
    private boolean deferred;

    ResyncPacing(Duration minInterval) {
        this.intervalNanos = minInterval.toNanos();
    }

    /**
     * A resync is wanted at {@code nowNanos} (a {@link System#nanoTime} reading). Gives how many
     * nanoseconds from now it is to run, 0 meaning at once, or nothing if one is put off already
     * (which then does for this one too). The caller runs it then, calling {@link #deferredRuns}
     * first if it was put off.
     */
    synchronized OptionalLong request(long nowNanos) {
        if (deferred) {
            return OptionalLong.empty();
        }
        if (!everRan || nowNanos - lastRunAt >= intervalNanos) {
            everRan = true;
            lastRunAt = nowNanos;
            return OptionalLong.of(0);
        }
        deferred = true;
        return OptionalLong.of(lastRunAt + intervalNanos - nowNanos);
    }

    /** The resync that was put off runs now. */
    synchronized void deferredRuns(long nowNanos) {
        deferred = false;
        everRan = true;
        lastRunAt = nowNanos;
    }
}
