package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Forms;
import dev.notes.it.support.LiveClient;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.NotesCluster.Cluster;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Four instances on one Redis and one PostgreSQL, as {@code scripts/cluster start 4} runs them: what
 * a pair shares ({@link ClusterSessionIT}, {@link ClusterLiveIT}) holds for every instance, not only
 * between two. A cluster of its own, started all at once by {@link NotesCluster#start(int, String, Map)}
 * on the test Redis's database; instance numbers count from 1 like the script's.
 */
class FourInstanceIT {

    private static final int INSTANCES = 4;

    private static Cluster cluster;

    @BeforeAll
    static void start() {
        cluster = NotesCluster.start(INSTANCES, "notes-it-four", Map.of());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aLoginOnInstanceOneIsValidOnTheOtherThree() {
        String username = Accounts.register(cluster.instance(1), "quad");
        WebClient onOne = Accounts.logIn(cluster.instance(1), username);

        for (int n = 2; n <= INSTANCES; n++) {
            WebClient onN = onOne.sameBrowserOn(cluster.instance(n));
            assertThat(onN.get("/").text("#currentUser")).as("instance %d", n).contains("Display " + username);
            assertThat(onN.get("/note/add").title()).as("a login-only page on instance %d", n).isEqualTo("Add a Note");
        }
    }

    @Test
    void aFormFromInstanceTwoPostedToThreeSavesAndWindowsOnAllFourSeeItOnce() {
        String username = Accounts.register(cluster.instance(2), "relay");
        WebClient onTwo = Accounts.logIn(cluster.instance(2), username);
        WebClient onThree = onTwo.sameBrowserOn(cluster.instance(3));
        WebClient onFour = onTwo.sameBrowserOn(cluster.instance(4));
        String key = Notes.uniqueKey("four-ways");
        List<LiveClient> windows = cluster.instances().stream()
                .map(instance -> LiveClient.connect(new WebClient(instance.baseUri())).subscribe("home"))
                .toList();
        try {
            Map<String, String> fields = onTwo.get("/note/add").form("noteForm")
                    .set("key", key).set("title", "Four ways").set("body", "rendered by 2, posted to 3").fields();
            Page saved = onThree.follow(onThree.postRaw("/note/add", Forms.withButton(fields, "noteForm:save"), onThree.origin()));
            assertThat(saved.path()).isEqualTo("/note/view?key=" + key);
            assertThat(saved.title()).isEqualTo("Four ways");

            for (int n = 1; n <= INSTANCES; n++) {
                JsonObject created = windows.get(n - 1).awaitEvent("note.created", key);
                assertThat(created.getJsonObject("note").getString("title")).as("window on instance %d", n)
                        .isEqualTo("Four ways");
            }
            // A later change, once it has arrived everywhere, shows that no window got the save twice.
            onFour.get("/note/edit?key=" + key).form("noteForm").set("title", "Four ways, retitled").press("save");
            for (int n = 1; n <= INSTANCES; n++) {
                LiveClient window = windows.get(n - 1);
                window.awaitEvent("note.updated", key);
                assertThat(window.events()).as("window on instance %d", n)
                        .filteredOn(event -> key.equals(event.getString("key", null)))
                        .extracting(event -> event.getString("event") + " " + event.getJsonObject("note").getString("title"))
                        .containsExactly("note.created Four ways", "note.updated Four ways, retitled");
            }
        } finally {
            windows.forEach(LiveClient::close);
        }
    }

    @Test
    void aLogoutOnInstanceFourEndsTheLoginOnOneToThree() {
        String username = Accounts.register(cluster.instance(4), "leave");
        WebClient onOne = Accounts.logIn(cluster.instance(1), username);
        List<WebClient> sameCookiesOnOneToThree = List.of(onOne,
                onOne.sameBrowserOn(cluster.instance(2)), onOne.sameBrowserOn(cluster.instance(3)));
        WebClient onFour = onOne.sameBrowserOn(cluster.instance(4));
        for (int n = 1; n <= 3; n++) {
            assertThat(sameCookiesOnOneToThree.get(n - 1).get("/").has("#currentUser")).as("before, instance %d", n).isTrue();
        }

        Accounts.logOut(onFour);

        Accounts.assertLoggedOut(onFour, "instance 4, after its logout");
        for (int n = 1; n <= 3; n++) {
            Accounts.assertLoggedOut(sameCookiesOnOneToThree.get(n - 1), "the cookies from before the logout, on instance " + n);
        }
    }
}
