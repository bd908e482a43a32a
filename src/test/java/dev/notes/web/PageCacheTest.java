package dev.notes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageCacheTest {

    private static final long WAIT_SECONDS = 10;
    private static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final AtomicLong clock = new AtomicLong();
    private final PageCache cache = new PageCache(3, 1_000, MAX_AGE, Duration.ofSeconds(WAIT_SECONDS), clock::get);
    private final AtomicInteger renders = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    private static CachedPage page(String text) {
        return new CachedPage(200, "text/html", List.of(), text.getBytes(StandardCharsets.UTF_8));
    }

    /** A render that counts itself and returns a page of {@code text}. */
    private PageCache.Render counted(String text) {
        return () -> {
            renders.incrementAndGet();
            return Optional.of(page(text));
        };
    }

    /**
     * A request for "home?" on the pool whose render has started and waits for {@link #release()}
     * before it goes on as {@code then}: whatever the test does meanwhile happens during the render.
     */
    private final class HeldRender {

        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final Future<Optional<CachedPage>> request;

        HeldRender(PageCache cache, PageCache.Render then) throws InterruptedException {
            request = pool.submit(() -> cache.page("home?", () -> {
                started.countDown();
                awaitRelease();
                return then.render();
            }));
            assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("render started").isTrue();
        }

        void release() {
            released.countDown();
        }

        Optional<CachedPage> result() throws Exception {
            return request.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        private void awaitRelease() {
            try {
                if (!released.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String tag(Optional<CachedPage> page) {
        return page.map(p -> p.entityTag()).orElse("none");
    }

    private static String tagOf(String text) {
        return page(text).entityTag();
    }

    @Test
    void aPageIsRenderedOnceAndThenServedFromTheCache() throws Exception {
        assertThat(tag(cache.page("home?", counted("home")))).isEqualTo(tagOf("home"));
        assertThat(tag(cache.page("home?", counted("again")))).isEqualTo(tagOf("home"));
        assertThat(renders).hasValue(1);
    }

    @Test
    void keysAreKeptApart() throws Exception {
        cache.page("home?", counted("home"));
        cache.page("note?key=a", counted("a"));

        assertThat(tag(cache.page("note?key=a", counted("again")))).isEqualTo(tagOf("a"));
        assertThat(renders).hasValue(2);
    }

    @Test
    void aRenderThatMayNotBeKeptIsReturnedToItsCallerOnly() throws Exception {
        assertThat(cache.page("note?key=gone", () -> Optional.empty())).isEmpty();

        assertThat(tag(cache.page("note?key=gone", counted("now there")))).isEqualTo(tagOf("now there"));
        assertThat(renders).hasValue(1);
    }

    @Test
    void clearingForgetsEveryPage() throws Exception {
        cache.page("home?", counted("before"));
        cache.page("note?key=a", counted("a"));

        cache.clear();

        assertThat(cache.size()).isZero();
        assertThat(tag(cache.page("home?", counted("after")))).isEqualTo(tagOf("after"));
    }

    @Test
    void aPageIsRenderedAgainAfterTheMaximumAge() throws Exception {
        cache.page("home?", counted("old"));
        clock.addAndGet(MAX_AGE.toNanos() - 1);
        assertThat(tag(cache.page("home?", counted("new")))).isEqualTo(tagOf("old"));

        clock.addAndGet(1);
        assertThat(tag(cache.page("home?", counted("new")))).isEqualTo(tagOf("new"));
        assertThat(renders).hasValue(2);
    }

    @Test
    void theLeastRecentlyUsedPageGoesBeyondTheCount() throws Exception {
        cache.page("a", counted("a"));
        cache.page("b", counted("b"));
        cache.page("c", counted("c"));
        cache.page("a", counted("a again")); // a is now the most recently used

        cache.page("d", counted("d"));

        assertThat(cache.size()).isEqualTo(3);
        assertThat(tag(cache.page("a", counted("a rendered again")))).isEqualTo(tagOf("a"));
        assertThat(tag(cache.page("b", counted("b rendered again")))).isEqualTo(tagOf("b rendered again"));
    }

    @Test
    void pagesGoBeyondTheBytesAndOneLargerThanAllIsNotKept() throws Exception {
        cache.page("a", counted("a".repeat(400)));
        cache.page("b", counted("b".repeat(400)));
        cache.page("c", counted("c".repeat(400))); // 1,200 bytes and more: a goes

        assertThat(cache.size()).isEqualTo(2);
        assertThat(tag(cache.page("a", counted("a rendered again")))).isEqualTo(tagOf("a rendered again"));

        assertThat(tag(cache.page("huge", counted("h".repeat(2_000))))).isEqualTo(tagOf("h".repeat(2_000)));
        assertThat(tag(cache.page("huge", counted("huge again")))).isEqualTo(tagOf("huge again"));
    }

    @Test
    void concurrentMissesWaitForOneRender() throws Exception {
        HeldRender first = new HeldRender(cache, counted("home"));
        List<Future<Optional<CachedPage>>> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            others.add(pool.submit(() -> cache.page("home?", counted("rendered again"))));
        }

        first.release();

        assertThat(tag(first.result())).isEqualTo(tagOf("home"));
        for (Future<Optional<CachedPage>> other : others) {
            assertThat(tag(other.get(WAIT_SECONDS, TimeUnit.SECONDS))).isEqualTo(tagOf("home"));
        }
        assertThat(renders).hasValue(1);
    }

    @Test
    void aWaitingRequestRendersForItselfWhenTheRenderTakesTooLong() throws Exception {
        PageCache impatient = new PageCache(3, 1_000, MAX_AGE, Duration.ofMillis(50), clock::get);
        HeldRender stuck = new HeldRender(impatient, () -> Optional.of(page("slow")));

        assertThat(tag(impatient.page("home?", counted("own")))).isEqualTo(tagOf("own"));

        stuck.release();
        assertThat(tag(stuck.result())).isEqualTo(tagOf("slow"));
    }

    @Test
    void aFailedRenderIsNotKeptAndTheWaitingRequestsRenderForThemselves() throws Exception {
        HeldRender failing = new HeldRender(cache, () -> {
            throw new IOException("the client went away");
        });
        Future<Optional<CachedPage>> waiting = pool.submit(() -> cache.page("home?", counted("own")));

        failing.release();

        assertThatThrownBy(failing::result).hasRootCauseInstanceOf(IOException.class);
        assertThat(tag(waiting.get(WAIT_SECONDS, TimeUnit.SECONDS))).isEqualTo(tagOf("own"));
    }

    @Test
    void aRenderThatStartedBeforeAChangeIsNotKeptNorGivenToThoseWaiting() throws Exception {
        HeldRender stale = new HeldRender(cache, () -> Optional.of(page("before the change")));
        Future<Optional<CachedPage>> waitingSinceBefore = pool.submit(() -> cache.page("home?", counted("fresh")));
        awaitWaiting(waitingSinceBefore);

        cache.clear();
        stale.release();

        // Its own caller gets it (it asked before the change); nobody else does.
        assertThat(tag(stale.result())).isEqualTo(tagOf("before the change"));
        assertThat(tag(waitingSinceBefore.get(WAIT_SECONDS, TimeUnit.SECONDS))).isEqualTo(tagOf("fresh"));
        assertThat(tag(cache.page("home?", counted("after the change")))).isEqualTo(tagOf("after the change"));
    }

    @Test
    void aRequestAfterAChangeDoesNotWaitForARenderFromBeforeIt() throws Exception {
        HeldRender stale = new HeldRender(cache, () -> Optional.of(page("before the change")));

        cache.clear();

        assertThat(tag(cache.page("home?", counted("after the change")))).isEqualTo(tagOf("after the change"));
        stale.release();
        stale.result();
        assertThat(tag(cache.page("home?", counted("rendered again")))).isEqualTo(tagOf("after the change"));
    }

    /** Gives a request submitted to the pool time to reach the cache and wait there (it must not render). */
    private void awaitWaiting(Future<?> request) throws InterruptedException {
        Thread.sleep(100);
        assertThat(request.isDone()).isFalse();
        assertThat(renders).hasValue(0);
    }
}
