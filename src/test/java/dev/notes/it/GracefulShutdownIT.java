package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Browser;
import dev.notes.it.support.BrowserEvidence;
import dev.notes.it.support.Comments;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.LiveClient;
import dev.notes.it.support.Nginx;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.NotesCluster.Cluster;
import dev.notes.it.support.RawHttp;
import dev.notes.it.support.WebClient;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * An instance stopped as Kubernetes and {@code docker stop} stop it, by SIGTERM to its process,
 * while people work through the load balancer (nginx with docker/'s proxy configuration, as in
 * {@link NginxClusterIT}): no request fails, its live pages are closed with 1001 and are back on the
 * other instance at once, it answers "not ready" before it stops listening, and its process is gone
 * within the bound the README states. A browser's note page, behind an nginx that sends it to the
 * stopping instance, reconnects without the backoff of other disconnects and is live again.
 */
class GracefulShutdownIT {

    @RegisterExtension
    final BrowserEvidence browsers = new BrowserEvidence();

    private static final Duration DRAIN = Duration.ofSeconds(3);
    /** SHUTDOWN_DRAIN, Liberty's quiesce (at most 30 s) and the application's stop. */
    private static final Duration EXIT_BOUND = DRAIN.plusSeconds(30 + 15);
    /** From the close of a page's socket to its snapshot from the other instance. */
    private static final Duration BACK_WITHIN = Duration.ofSeconds(3);
    /** From the close of the browser page's socket to its next one: its first backoff waits 500 ms at least. */
    private static final long AT_ONCE_MILLIS = 250;
    private static final int PAGES = 6;
    /** Every loop below ends by this, whatever happens. */
    private static final Duration LOOP_LIMIT = Duration.ofMinutes(3);

    /** A page whose socket was closed, and how it came back (null: reconnecting failed). */
    private record Moved(int code, Instant closedAt, Instant backAt, LiveClient page, Throwable failure) {
    }

    /**
     * One request sent straight to the stopping instance, at the time it was answered or refused:
     * its status, or -1 when the connection was refused or broke ({@code failure}).
     */
    private record Answer(Instant at, String path, int status, String body, String failure) {

        boolean refused() {
            return status == -1 && failure == null;
        }
    }

    @Test
    void aTerminatedInstanceFailsNoRequestAndItsLivePagesAreBackAtOnceOnTheOther() throws Exception {
        try (Cluster cluster = NotesCluster.start("shutdown", Map.of("SHUTDOWN_DRAIN", DRAIN.toSeconds() + "s"));
             Nginx nginx = Nginx.inFrontOf(cluster.instances());
             Nginx towardsStopping = Nginx.preferring(cluster.b(), cluster.instances())) {
            LibertyServer stopping = cluster.b();
            var author = Accounts.newUser(cluster.a(), "stan");
            String key = Notes.uniqueKey("shutdown");
            Notes.create(author.client(), key, "Shutdown", "");
            String topic = "note:" + key;

            // Through nginx's round robin: about half of them on each instance.
            List<LiveClient> pages = new ArrayList<>();
            List<LiveClient> reconnected = new ArrayList<>();
            ExecutorService workers = Executors.newCachedThreadPool();
            AtomicBoolean working = new AtomicBoolean(true);
            try {
                for (int i = 0; i < PAGES; i++) {
                    pages.add(LiveClient.connect(new WebClient(nginx.baseUri())).subscribe(topic));
                }
                Browser browser = browsers.open("page", towardsStopping.baseUri()).recordWebSockets()
                        .open("/note/view?key=" + key);
                browser.until(attributeToBe(By.id("liveStatus"), "data-state", "live"));
                // As the page script does on 1001 (reconnect.js): reconnect at once, through the load balancer.
                List<CompletableFuture<Moved>> moves = pages.stream().map(page -> page.closing()
                        .thenApplyAsync(code -> reconnect(code, nginx, topic), workers)).toList();
                AtomicInteger browsed = new AtomicInteger();
                ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
                List<Future<?>> browsing = List.of(
                        workers.submit(() -> browse(nginx, "/", working, browsed, failures)),
                        workers.submit(() -> browse(nginx, "/note/view?key=" + key, working, browsed, failures)));
                Future<List<Answer>> direct = workers.submit(() -> watch(stopping, working));
                awaitCount(browsed, 20);

                Instant signalled = Instant.now();
                ProcessHandle process = stopping.terminate();
                try {
                    process.onExit().get(EXIT_BOUND.toSeconds(), TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError("The instance did not exit within " + EXIT_BOUND + " of SIGTERM", e);
                }
                Duration exitedAfter = Duration.between(signalled, Instant.now());
                int atExit = browsed.get();
                awaitCount(browsed, atExit + 20);
                working.set(false);
                for (Future<?> loop : browsing) {
                    loop.get(1, TimeUnit.MINUTES);
                }
                List<Answer> answers = direct.get(1, TimeUnit.MINUTES);

                assertThat(failures).as("requests through nginx that failed").isEmpty();
                assertThat(exitedAfter).as("from SIGTERM to the process's end").isLessThan(EXIT_BOUND);

                // Straight to the stopping instance: every connection it accepted was answered, pages
                // with 200; readiness DOWN after the signal and before the port closed, and DOWN it stayed.
                assertThat(answers).as("accepted connections that got no answer").filteredOn(a -> a.failure() != null).isEmpty();
                assertThat(answers).filteredOn(a -> a.path().equals("/") && !a.refused())
                        .allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
                Instant firstRefused = answers.stream().filter(Answer::refused).map(Answer::at).findFirst()
                        .orElseThrow(() -> new AssertionError("The stopping instance never stopped listening: " + answers));
                Optional<Answer> firstDown = answers.stream()
                        .filter(a -> a.path().equals("/health/ready") && a.status() == 503).findFirst();
                assertThat(firstDown).as("readiness answered DOWN while the port was open").isPresent();
                assertThat(firstDown.get().at()).isAfter(signalled).isBefore(firstRefused);
                assertThat(firstDown.get().body()).contains("\"serving\"").contains("DOWN");
                assertThat(answers).filteredOn(a -> a.path().equals("/health/ready") && a.at().isAfter(firstDown.get().at()))
                        .allSatisfy(a -> assertThat(a.status()).as("after the first DOWN").isIn(503, -1));

                // The pages on the stopping instance: closed with 1001 before it stopped listening,
                // and live again on the other within moments; those on the other were left alone.
                List<Moved> moved = new ArrayList<>();
                for (int i = 0; i < PAGES; i++) {
                    if (pages.get(i).isClosed()) {
                        moved.add(moves.get(i).get(LiveClient.WAIT.toSeconds(), TimeUnit.SECONDS));
                    }
                }
                moved.stream().filter(m -> m.page() != null).forEach(m -> reconnected.add(m.page()));
                assertThat(moved).as("pages that were on the stopping instance").isNotEmpty().hasSizeLessThan(PAGES);
                for (Moved page : moved) {
                    assertThat(page.failure()).as("reconnecting").isNull();
                    assertThat(page.code()).as("close code").isEqualTo(1001);
                    assertThat(page.closedAt()).isBefore(firstRefused);
                    assertThat(Duration.between(page.closedAt(), page.backAt())).as("back live after")
                            .isLessThan(BACK_WITHIN);
                }

                // A change made now reaches every page: those that moved are on the remaining instance.
                Comments.addOnPage(author.client(), key, "after the stop");
                List<LiveClient> live = new ArrayList<>(reconnected);
                pages.stream().filter(page -> !page.isClosed()).forEach(live::add);
                assertThat(live).hasSize(PAGES);
                for (LiveClient page : live) {
                    assertThat(page.awaitEvent("comment.added", key).getJsonObject("comment").getString("text"))
                            .isEqualTo("after the stop");
                }
                assertThat(stopping.log()).contains("SIGTERM: not ready from now on");

                // The browser's page: closed with 1001, its next socket opened at once (no backoff), live.
                browser.until(textToBePresentInElementLocated(By.id("comments"), "after the stop"));
                assertThat(browser.find("#liveStatus").getAttribute("data-state")).isEqualTo("live");
                List<Map<String, Object>> sockets = browser.sockets();
                assertThat(sockets).as("the page's sockets").hasSize(2);
                assertThat(number(sockets.get(0).get("code"))).isEqualTo(1001);
                assertThat(number(sockets.get(1).get("openedAt")) - number(sockets.get(0).get("closedAt")))
                        .as("milliseconds from the close to the next socket").isLessThan(AT_ONCE_MILLIS);
                assertThat(sockets.get(1).get("closedAt")).as("the new socket is open").isNull();
                assertThat(browser.consoleProblems()).isEmpty();
            } finally {
                working.set(false);
                workers.shutdownNow();
                pages.forEach(LiveClient::close);
                reconnected.forEach(LiveClient::close);
            }
        }
    }

    private static long number(Object javaScriptNumber) {
        return ((Number) javaScriptNumber).longValue();
    }

    private static Moved reconnect(int code, Nginx nginx, String topic) {
        Instant closedAt = Instant.now();
        try {
            LiveClient page = LiveClient.connect(new WebClient(nginx.baseUri())).subscribe(topic);
            return new Moved(code, closedAt, Instant.now(), page, null);
        } catch (RuntimeException | AssertionError e) {
            return new Moved(code, closedAt, null, null, e);
        }
    }

    /** GETs {@code path} through nginx until told to stop; what did not answer 200 goes to {@code failures}. */
    private static void browse(Nginx nginx, String path, AtomicBoolean working, AtomicInteger count,
                               ConcurrentLinkedQueue<String> failures) {
        WebClient browser = new WebClient(nginx.baseUri());
        Instant end = Instant.now().plus(LOOP_LIMIT);
        while (working.get() && Instant.now().isBefore(end)) {
            try {
                int status = browser.get(path).status();
                if (status != 200) {
                    failures.add(path + ": " + status);
                }
            } catch (RuntimeException e) {
                failures.add(path + ": " + e);
            }
            count.incrementAndGet();
        }
    }

    /**
     * Asks the stopping instance itself, on a new connection each time, for a page and for its
     * readiness, until told to stop: what it answered, or that it refused the connection.
     */
    private static List<Answer> watch(LibertyServer instance, AtomicBoolean working) {
        List<Answer> answers = new ArrayList<>();
        Instant end = Instant.now().plus(LOOP_LIMIT);
        for (int i = 0; working.get() && Instant.now().isBefore(end); i++) {
            String path = i % 2 == 0 ? "/health/ready" : "/";
            try {
                RawHttp.Answer answer = RawHttp.send(instance.baseUri(), "GET", path, Map.of());
                answers.add(new Answer(Instant.now(), path, answer.status(), answer.body(), null));
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof ConnectException) {
                    answers.add(new Answer(Instant.now(), path, -1, "", null));
                    LibertyServer.sleep(Duration.ofMillis(50));
                } else {
                    answers.add(new Answer(Instant.now(), path, -1, "", e.getCause().toString()));
                }
            }
        }
        return answers;
    }

    private static void awaitCount(AtomicInteger count, int atLeast) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (count.get() < atLeast) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Only " + count.get() + " requests through nginx within 60 s, not " + atLeast);
            }
            LibertyServer.sleep(Duration.ofMillis(20));
        }
    }
}
