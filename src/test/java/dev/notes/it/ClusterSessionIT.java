package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Forms;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.NotesCluster.Cluster;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances behind an imaginary load balancer without sticky sessions: the same cookies work on
 * both, a logout on one ends the login on both, forms travel between them, a login starts a fresh
 * session on both, and a crashed instance logs nobody out.
 */
@ExtendWith(NotesCluster.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSessionIT {

    @Test
    @Order(1)
    void aLoginOnOneInstanceIsALoginOnBoth(Cluster cluster) {
        String username = Accounts.register(cluster.a(), "anna");
        WebClient onA = Accounts.logIn(cluster.a(), username);
        WebClient onB = onA.sameBrowserOn(cluster.b());

        assertThat(onB.get("/").text("#currentUser")).contains("Display " + username);
        assertThat(onB.get("/note/add").title()).isEqualTo("Add a Note");
    }

    @Test
    @Order(2)
    void aLogoutOnOneInstanceEndsTheLoginOnBoth(Cluster cluster) {
        String username = Accounts.register(cluster.b(), "bert");
        WebClient onA = Accounts.logIn(cluster.a(), username);
        WebClient onB = onA.sameBrowserOn(cluster.b());
        WebClient oldCookiesOnB = onA.sameBrowserOn(cluster.b());
        assertThat(onB.get("/").has("#currentUser")).isTrue();

        Accounts.logOut(onA);
        Accounts.assertLoggedOut(oldCookiesOnB, "the cookies from before the logout, on B");
    }

    @Test
    @Order(3)
    void formsRenderedByOneInstanceArePostedToTheOther(Cluster cluster) {
        String username = Accounts.register(cluster.a(), "cleo");
        WebClient onA = Accounts.logIn(cluster.a(), username);
        WebClient onB = onA.sameBrowserOn(cluster.b());
        String key = Notes.uniqueKey("travelling");

        // Rendered by A, posted to B; then back and forth, as a round-robin balancer would do.
        Page form = onA.get("/note/add");
        Map<String, String> fields = form.form("noteForm").set("key", key).set("title", "Travelling").fields();
        Page saved = onB.follow(onB.postRaw("/note/add", Forms.withButton(fields, "noteForm:save"), onB.origin()));
        assertThat(saved.path()).isEqualTo("/note/view?key=" + key);

        for (int round = 1; round <= 4; round++) {
            WebClient renders = round % 2 == 0 ? onA : onB;
            WebClient receives = round % 2 == 0 ? onB : onA;
            Page edit = renders.get("/note/edit?key=" + key);
            Map<String, String> editFields = edit.form("noteForm").set("title", "Travelling " + round).fields();
            Page result = receives.follow(receives.postRaw("/note/edit",
                    Forms.withButton(editFields, "noteForm:save"), receives.origin()));
            assertThat(result.title()).as("round %d", round).isEqualTo("Travelling " + round);
        }
        assertThat(onA.get("/note/view?key=" + key).title()).isEqualTo("Travelling 4");
    }

    @Test
    @Order(4)
    void sessionStateChangedOnOneInstanceIsSeenOnTheOther(Cluster cluster) {
        String username = Accounts.register(cluster.a(), "emil");
        WebClient onA = Accounts.logIn(cluster.a(), username);
        WebClient onB = onA.sameBrowserOn(cluster.b());
        String first = Notes.uniqueKey("first-read");
        String second = Notes.uniqueKey("second-read");
        onA.get("/note/add").form("noteForm").set("key", first).set("title", "First read").press("save");
        onA.get("/note/add").form("noteForm").set("key", second).set("title", "Second read").press("save");

        // The recently viewed notes change with each note page (saving redirects to one); every
        // step below reorders them on one instance and reads them on the other.
        assertThat(Notes.recentlyViewed(onB)).containsExactly("Second read", "First read");
        onA.get("/note/view?key=" + first);
        assertThat(Notes.recentlyViewed(onB)).containsExactly("First read", "Second read");
        onB.get("/note/view?key=" + second);
        assertThat(Notes.recentlyViewed(onA)).containsExactly("Second read", "First read");
    }

    @Test
    @Order(5)
    void aLoginOnOneInstanceStartsAFreshSessionOnBoth(Cluster cluster) {
        String first = Accounts.register(cluster.a(), "fay");
        String second = Accounts.register(cluster.a(), "gus");
        WebClient onA = Accounts.logIn(cluster.a(), first);
        String key = Notes.uniqueKey("read-by-fay");
        Notes.create(onA, key, "Read by Fay", "text");
        WebClient firstOnB = onA.sameBrowserOn(cluster.b());
        assertThat(Notes.recentlyViewed(firstOnB)).containsExactly("Read by Fay");

        // The second user logs in through B over the first one's session, which A wrote.
        WebClient onB = onA.sameBrowserOn(cluster.b());
        assertThat(Accounts.logInAttempt(onB, second, Accounts.PASSWORD).text("#currentUser"))
                .isEqualTo("Logged in as Display " + second);
        assertThat(Notes.recentlyViewed(onB)).as("on B, after the login").isEmpty();
        assertThat(Notes.recentlyViewed(onB.sameBrowserOn(cluster.a()))).as("on A, after the login").isEmpty();
        assertThat(onB.sameBrowserOn(cluster.a()).get("/").text("#currentUser")).contains(second);

        assertThat(firstOnB.get("/").has("#currentUser")).as("the session before the login, on B").isFalse();
        assertThat(onA.get("/").has("#currentUser")).as("and on A").isFalse();
        assertThat(Notes.recentlyViewed(onA)).isEmpty();
    }

    @Test
    @Order(6)
    void aCrashedInstanceLogsNobodyOut(Cluster cluster) {
        String username = Accounts.register(cluster.a(), "dora");
        WebClient onA = Accounts.logIn(cluster.a(), username);
        WebClient onB = onA.sameBrowserOn(cluster.b());
        try {
            cluster.a().kill();
            Page home = onB.get("/");
            assertThat(home.text("#currentUser")).contains("Display " + username);
            String key = Notes.uniqueKey("after-crash");
            Page saved = onB.get("/note/add").form("noteForm").set("key", key).set("title", "Still here").press("save");
            assertThat(saved.title()).isEqualTo("Still here");
        } finally {
            cluster.a().start();
        }
        assertThat(onA.sameBrowserOn(cluster.a()).get("/").text("#currentUser")).as("A, restarted")
                .contains("Display " + username);
    }

}
