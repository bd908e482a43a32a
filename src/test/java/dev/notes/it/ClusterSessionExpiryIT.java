package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.NotesCluster.Cluster;
import dev.notes.it.support.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions expire after the configured idle time on every instance, and activity on either instance
 * keeps them alive on both, also on the other instance alone; however busy, a login ends on every instance once it is as old as the
 * absolute session lifetime. A cluster of its own with a 4-second idle timeout and a 20-second
 * lifetime (longer than the idle test runs); the tests let real time pass (seconds, bounded), since
 * expiry is about time.
 */
class ClusterSessionExpiryIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(4);
    private static final Duration LIFETIME = Duration.ofSeconds(20);

    private static Cluster cluster;

    @BeforeAll
    static void start() {
        cluster = NotesCluster.start("notes-it-expiry", Map.of(
                "SESSION_TIMEOUT", TIMEOUT.toSeconds() + "s",
                "SESSION_LIFETIME", LIFETIME.toSeconds() + "s"));
        // A page from each instance first: an instance's first page can take longer than the idle
        // timeout on a busy machine, which would end a login for want of activity.
        for (var instance : cluster.instances()) {
            new WebClient(instance.baseUri()).get("/");
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void anIdleLoginEndsEverywhereAndActivityAnywhereKeepsIt() throws InterruptedException {
        String username = Accounts.register(cluster.a(), "rex");
        WebClient onA = Accounts.logIn(cluster.a(), username);
        WebClient onB = onA.sameBrowserOn(cluster.b());

        // A request every second, alternating instances, for 8 s: twice the timeout, never idle long.
        for (int i = 0; i < 8; i++) {
            Thread.sleep(TIMEOUT.toMillis() / 4);
            WebClient instance = i % 2 == 0 ? onB : onA;
            assertThat(instance.get("/").has("#currentUser")).as("request %d, still active", i).isTrue();
        }

        Thread.sleep(TIMEOUT.multipliedBy(5).dividedBy(2).toMillis());
        assertThat(onB.get("/").has("#currentUser")).as("idle for 2.5 times the timeout, on B").isFalse();
        assertThat(onA.get("/").has("#currentUser")).as("and on A").isFalse();
    }

    /**
     * Activity on one instance alone keeps the login on the other, which saw it before and holds its
     * own older copy: only the last-access time that every request rewrites in Redis carries the
     * activity across (no page view here sets an attribute).
     */
    @Test
    void activityOnOneInstanceKeepsTheLoginOnTheOther() throws InterruptedException {
        String username = Accounts.register(cluster.a(), "ada");
        WebClient onA = Accounts.logIn(cluster.a(), username);
        WebClient onB = onA.sameBrowserOn(cluster.b());
        assertThat(onB.get("/").has("#currentUser")).as("on B, right after the login on A").isTrue();

        // A request every second on A alone, for twice the timeout.
        for (int i = 0; i < 8; i++) {
            Thread.sleep(TIMEOUT.toMillis() / 4);
            assertThat(onA.get("/").has("#currentUser")).as("request %d on A", i).isTrue();
        }
        assertThat(onB.get("/").has("#currentUser")).as("on B, idle there for twice the timeout").isTrue();
    }

    @Test
    void aBusyLoginEndsEverywhereAtTheLifetimeWithANoticeNotAnError() throws InterruptedException {
        String username = Accounts.register(cluster.a(), "lena");
        WebClient onA = new WebClient(cluster.a().baseUri());
        // The server takes the login's time while it answers: between these two instants.
        Instant loginSent = Instant.now();
        Accounts.logIn(onA, username);
        Instant loginAnswered = Instant.now();
        WebClient onB = onA.sameBrowserOn(cluster.b());

        // Busy on both instances, a request every half second, until the first one logged out: not
        // while the login was surely younger than the lifetime, and not later than surely older.
        WebClient.Page ended = null;
        for (int i = 0; ended == null; i++) {
            Thread.sleep(TIMEOUT.toMillis() / 8);
            WebClient instance = i % 2 == 0 ? onB : onA;
            Instant sent = Instant.now();
            WebClient.Page home = instance.get("/");
            Instant answered = Instant.now();
            if (home.has("#currentUser")) {
                assertThat(sent).as("request %d, still logged in", i).isBefore(loginAnswered.plus(LIFETIME));
            } else {
                assertThat(answered).as("request %d, logged out", i).isAfterOrEqualTo(loginSent.plus(LIFETIME));
                ended = home;
            }
        }

        // The request that found the login too old: the page, anonymous, saying why.
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.text("#loginEnded")).isEqualTo("Your session has ended. Please log in again.");
        // Ended everywhere: the other instance, and a page that needs the login, sends to the login page.
        WebClient other = ended.response().uri().getPort() == cluster.a().httpPort() ? onB : onA;
        assertThat(other.get("/").has("#currentUser")).as("on the other instance").isFalse();
        WebClient.Page login = other.get("/note/add");
        assertThat(login.path()).startsWith("/user/login?next=%2Fnote%2Fadd");
        assertThat(Accounts.logInAttempt(other, username, Accounts.PASSWORD).text("#currentUser"))
                .as("logging in again").contains(username);
        String log = cluster.a().log() + cluster.b().log();
        assertThat(log).contains("session_end outcome=lifetime user=\"" + username + "\"");
    }
}
