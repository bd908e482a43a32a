package dev.notes.cluster;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The ids of the events this instance received from Redis, which numbers them one by one: an id
 * that skips one means events were published while this instance was not listening. Events may
 * arrive out of order (several publishers); only the highest id counts.
 */
final class EventSequence {

    private final AtomicLong highest = new AtomicLong();

    /** Notes an arrived id; true if events before it were missed. The first id ever seen misses none. */
    boolean arrivedWithGap(long id) {
        long previous = highest.getAndAccumulate(id, Math::max);
        return previous > 0 && id > previous + 1;
    }

    /**
     * Whether {@code id} would be the first id, or skip some: the sequence alone cannot vouch for
     * it, so the receiver checks it against Redis's count before {@link #arrivedWithGap} takes it in.
     * Otherwise one forged id far ahead would become the highest and hide every real gap after it.
     */
    boolean isFirstOrAhead(long id) {
        long current = highest.get();
        return current == 0 || id > current + 1;
    }

    /** The highest id received; 0 before the first. */
    long highest() {
        return highest.get();
    }
}
