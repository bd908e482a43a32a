package dev.notes.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * This instance's snapshots, built once and shared: after a {@code resync} thousands of browsers
 * subscribe within seconds, and each snapshot costs database queries and a JSON encoding.
 * <p>
 * A snapshot is identified by a string (its topic and any parameters the client sent) and the
 * {@code lastEventId} read before it was built. Serving it to a later subscriber that read the same
 * or a smaller {@code lastEventId} is as correct as building it afresh (see "Staying in step" in
 * {@code docs/live-protocol.md}): that subscriber subscribed before reading the id, so every event
 * numbered after its read reaches it, and every event up to the snapshot's id was committed before
 * the snapshot was built. Publishers raise the last id before delivering an event, so an event
 * delivered before the subscription always makes the subscriber read a newer id, and it gets a
 * newer snapshot. Requests for a newer id replace the entry: once a newer event exists the old
 * snapshot is useless.
 * <p>
 * Concurrent requests for the same snapshot wait for one build (single flight). A failed build is
 * not kept: the next request tries again. {@link #clear()} forgets everything (events may have been
 * lost); entries older than {@link #MAX_AGE} are rebuilt, which bounds what a lost event (one that
 * was committed but could not be published) leaves out. The cache is bounded in entries and in the
 * characters of the snapshots it keeps; the least recently used go first.
 */
@ApplicationScoped
public class SnapshotCache {

    /** Longer than browsers spread their re-subscriptions after a resync (RESYNC_SPREAD_MILLIS in live-socket.js). */
    static final Duration MAX_AGE = Duration.ofSeconds(10);
    /** Snapshots kept: one per topic (and parameters) that browsers of this instance look at. */
    static final int MAX_ENTRIES = 1_000;
    /** Characters kept, about 16 MB at most: a note snapshot is up to ~150,000 (note text and 50 comments). */
    static final long MAX_CHARS = 8_000_000;

    private final int maxEntries;
    private final long maxChars;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    /** Guarded by itself, as is {@link #keptChars}; in access order, least recently used first. */
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long keptChars;

    public SnapshotCache() {
        this(MAX_ENTRIES, MAX_CHARS, MAX_AGE, System::nanoTime);
    }

    SnapshotCache(int maxEntries, long maxChars, Duration maxAge, LongSupplier nanoClock) {
        this.maxEntries = maxEntries;
        this.maxChars = maxChars;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * The snapshot {@code identity} at {@code lastEventId} (or newer), built by {@code build} unless
     * it is here or being built. Exceptions of the build reach every request that waited for it.
     */
    public String snapshot(String identity, long lastEventId, Supplier<String> build) {
        Entry entry;
        boolean building = false;
        synchronized (entries) {
            entry = entries.get(identity);
            long now = nanoClock.getAsLong();
            if (entry == null || entry.lastEventId < lastEventId || now - entry.startedAt > maxAgeNanos) {
                entry = new Entry(lastEventId, now);
                forget(entries.put(identity, entry));
                evictBeyondBounds();
                building = true;
            }
        }
        if (building) {
            build(identity, entry, build);
        }
        try {
            return entry.snapshot.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Forgets every snapshot, also those being built: none of them is used again. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
            keptChars = 0;
        }
    }

    private void build(String identity, Entry entry, Supplier<String> build) {
        String snapshot;
        try {
            snapshot = build.get();
        } catch (RuntimeException | Error e) {
            synchronized (entries) {
                entries.remove(identity, entry);
            }
            entry.snapshot.completeExceptionally(e);
            return;
        }
        synchronized (entries) {
            // Counted only while it is the entry kept (not replaced or cleared meanwhile).
            if (entries.get(identity) == entry) {
                entry.chars = snapshot.length();
                keptChars += entry.chars;
                evictBeyondBounds();
            }
        }
        entry.snapshot.complete(snapshot);
    }

    private void evictBeyondBounds() {
        Iterator<Entry> leastRecentlyUsedFirst = entries.values().iterator();
        while ((entries.size() > maxEntries || keptChars > maxChars) && leastRecentlyUsedFirst.hasNext()) {
            forget(leastRecentlyUsedFirst.next());
            leastRecentlyUsedFirst.remove();
        }
    }

    private void forget(Entry entry) {
        if (entry != null) {
            keptChars -= entry.chars;
        }
    }

    /** How many snapshots are kept (for tests). */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private static final class Entry {
        final long lastEventId;
        final long startedAt;
        final CompletableFuture<String> snapshot = new CompletableFuture<>();
        /** Its length once built and counted; guarded by the cache's map. */
        long chars;

        Entry(long lastEventId, long startedAt) {
            this.lastEventId = lastEventId;
            this.startedAt = startedAt;
        }
    }
}
