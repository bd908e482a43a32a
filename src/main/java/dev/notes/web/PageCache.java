package dev.notes.web;

import dev.notes.event.ContentChanged;
import dev.notes.event.DomainEvent;
import dev.notes.user.DisplayNameChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The pages anonymous readers get, rendered once and kept until the next change: every anonymous
 * reader sees the same home page and note page, so a page rendered for one serves all of them.
 * <p>
 * Forgotten all at once on every change that reaches this instance ({@link ContentChanged}, fired
 * for each event of the cluster as it is delivered here), and already at the commit of a change
 * made on this instance ({@link DomainEvent} after success), before the redirect that follows a
 * save reaches the browser: in a cluster the event comes back through Redis only later. Any note or
 * comment event can change the home page or a note page, and a change is rare next to the reads,
 * so nothing finer than "forget everything" pays. A rename made here ({@link DisplayNameChanged})
 * clears it too; one made on another instance shows once this page and the name
 * ({@code dev.notes.user.DisplayNames}) have aged out, within 20 seconds.
 * <p>
 * A render that started before a change must not be kept after it: it may show the state before.
 * Every clearing raises a generation, and a page is kept only if the generation it was rendered in
 * is still the current one. Concurrent misses for one page wait for one render (single flight), at
 * most {@link #FOLLOWER_WAIT}; a render that was not kept, failed or took too long leaves each of
 * them to render for itself.
 * <p>
 * Bounded in pages and in bytes (least recently used go first), and a page is rendered again after
 * {@link #MAX_AGE}, which bounds what a change no event reported (rows changed by SQL, an event
 * lost while Redis was away) leaves on screen.
 */
@ApplicationScoped
public class PageCache {

    /** As long as a lost event may leave the count of notes behind ({@code dev.notes.note.NoteCount}). */
    static final Duration MAX_AGE = Duration.ofSeconds(10);
    /** The first pages of the list and the notes being read; a page is some 10 to 300 KB. */
    static final int MAX_PAGES = 1_000;
    /** Under a tenth of the 384 MB heap. */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    /** Far longer than a page takes to render, short enough that a stuck render holds nobody long. */
    static final Duration FOLLOWER_WAIT = Duration.ofSeconds(2);

    /** Renders a page for the cache: the page, or empty if what was rendered may not be kept. */
    @FunctionalInterface
    interface Render {
        Optional<CachedPage> render() throws IOException, ServletException;
    }

    private final int maxPages;
    private final long maxBytes;
    private final long maxAgeNanos;
    private final long followerWaitNanos;
    private final LongSupplier nanoClock;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}, as are the fields below; in access order, least recently used first. */
    private final Map<String, Kept> pages = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, CompletableFuture<Optional<CachedPage>>> rendering = new HashMap<>();
    private long keptBytes;
    private long generation;

    public PageCache() {
        this(MAX_PAGES, MAX_BYTES, MAX_AGE, FOLLOWER_WAIT, System::nanoTime);
    }

    PageCache(int maxPages, long maxBytes, Duration maxAge, Duration followerWait, LongSupplier nanoClock) {
        this.maxPages = maxPages;
        this.maxBytes = maxBytes;
        this.maxAgeNanos = maxAge.toNanos();
        this.followerWaitNanos = followerWait.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * The page {@code key}: kept, or rendered by another request for it meanwhile, or else rendered
     * by {@code render}, and kept if it may be. Empty only when this call's own render returned empty.
     */
    Optional<CachedPage> page(String key, Render render) throws IOException, ServletException {
        CompletableFuture<Optional<CachedPage>> running;
        CompletableFuture<Optional<CachedPage>> mine = null;
        long renderGeneration;
        synchronized (lock) {
            Kept kept = pages.get(key);
            if (kept != null && nanoClock.getAsLong() - kept.renderedAt < maxAgeNanos) {
                return Optional.of(kept.page);
            }
            running = rendering.get(key);
            if (running == null) {
                mine = new CompletableFuture<>();
                rendering.put(key, mine);
            }
            renderGeneration = generation;
        }
        if (mine != null) {
            return renderAndKeep(key, render, mine, renderGeneration);
        }
        Optional<CachedPage> rendered = await(running);
        return rendered.isPresent() ? rendered : render.render();
    }

    /** Forgets every page; renders running now are not kept. */
    public void clear() {
        synchronized (lock) {
            pages.clear();
            keptBytes = 0;
            generation++;
            // Requests from now on must not wait for a render that cannot be kept.
            rendering.clear();
        }
    }

    /** Every change of the cluster as it reaches this instance, and events that may have been missed. */
    void contentChanged(@Observes ContentChanged change) {
        clear();
    }

    /**
     * A change made on this instance, as soon as it is committed: before its redirect leaves. With a
     * single instance the delivery reports it right after as well; clearing twice costs nothing.
     */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) DomainEvent event) {
        clear();
    }

    /** A rename shows on the author's notes and comments, which any page may show. */
    void renamed(@Observes(during = TransactionPhase.AFTER_SUCCESS) DisplayNameChanged renamed) {
        clear();
    }

    /** How many pages are kept (for tests). */
    int size() {
        synchronized (lock) {
            return pages.size();
        }
    }

    private Optional<CachedPage> renderAndKeep(String key, Render render,
                                               CompletableFuture<Optional<CachedPage>> mine, long renderGeneration)
            throws IOException, ServletException {
        long renderedAt = nanoClock.getAsLong();
        Optional<CachedPage> rendered = Optional.empty();
        try {
            rendered = render.render();
            return rendered;
        } finally {
            boolean kept = false;
            synchronized (lock) {
                rendering.remove(key, mine);
                if (rendered.isPresent() && generation == renderGeneration) {
                    keep(key, new Kept(rendered.get(), renderedAt));
                    kept = true;
                }
            }
            // Waiting requests may only use a page that was kept: one that was not may predate a change they know of.
            mine.complete(kept ? rendered : Optional.empty());
        }
    }

    private Optional<CachedPage> await(CompletableFuture<Optional<CachedPage>> running) {
        try {
            return running.get(followerWaitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException slowOrFailed) {
            // (The render's future is completed normally even when the render fails.)
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void keep(String key, Kept kept) {
        Kept replaced = pages.put(key, kept);
        if (replaced != null) {
            keptBytes -= replaced.page.size();
        }
        keptBytes += kept.page.size();
        Iterator<Kept> leastRecentlyUsedFirst = pages.values().iterator();
        while ((pages.size() > maxPages || keptBytes > maxBytes) && leastRecentlyUsedFirst.hasNext()) {
            keptBytes -= leastRecentlyUsedFirst.next().page.size();
            leastRecentlyUsedFirst.remove();
        }
    }

    private record Kept(CachedPage page, long renderedAt) {
    }
}
