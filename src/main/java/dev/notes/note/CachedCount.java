package dev.notes.note;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A count that is expensive to take (a database {@code count(*)} grows with the table) and read on
 * every view: taken again only after a change was reported or when the last one is older than the
 * maximum age (which bounds what a change nobody reported leaves out).
 * <p>
 * Exact for every change reported before a reader asks: a count serves a reader only if it started
 * after the last change that reader could know of. Counts are taken one at a time; readers that
 * arrive while one runs wait for it and use it if it is recent enough for them, so a burst of views
 * after a change costs one count, and a steady stream of changes at most one count per view.
 */
final class CachedCount {

    private final LongSupplier counter;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    /** Raised by every reported change. */
    private final AtomicLong changes = new AtomicLong();
    private final Object counting = new Object();
    private volatile Taken last;

    CachedCount(LongSupplier counter, Duration maxAge, LongSupplier nanoClock) {
        this.counter = counter;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The count, taken after every change reported so far and within the maximum age. */
    long current() {
        long knownChanges = changes.get();
        Taken taken = last;
        if (serves(taken, knownChanges)) {
            return taken.value;
        }
        synchronized (counting) {
            taken = last;
            if (serves(taken, knownChanges)) {
                return taken.value;
            }
            // Read before counting: a change reported during the count makes this one stale.
            long changesBefore = changes.get();
            long startedAt = nanoClock.getAsLong();
            long value = counter.getAsLong();
            last = new Taken(value, changesBefore, startedAt);
            return value;
        }
    }

    /** Something changed the count (or may have): the next reader takes it again. */
    void changed() {
        changes.incrementAndGet();
    }

    private boolean serves(Taken taken, long knownChanges) {
        return taken != null && taken.changesBefore >= knownChanges
                && nanoClock.getAsLong() - taken.startedAt < maxAgeNanos;
    }

    private record Taken(long value, long changesBefore, long startedAt) {
    }
}
