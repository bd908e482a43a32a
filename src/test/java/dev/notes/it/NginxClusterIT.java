package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Comments;
import dev.notes.it.support.LiveClient;
import dev.notes.it.support.Nginx;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.NotesCluster.Cluster;
import dev.notes.it.support.PrometheusScrape;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Compose topology without Docker: nginx, with docker/'s proxy configuration, round-robins over
 * two instances without sticky sessions, and users notice nothing of it.
 */
@ExtendWith(NotesCluster.class)
class NginxClusterIT {

    @Test
    void pageLoadsAlternateInstancesAndTheLoginHolds(Cluster cluster) {
        try (Nginx nginx = Nginx.inFrontOf(cluster.instances())) {
            String username = Accounts.register(cluster.a(), "pepe");
            WebClient browser = new WebClient(nginx.baseUri());
            Page home = browser.get("/user/login").form("loginForm")
                    .set("username", username).set("password", Accounts.PASSWORD).press("login");
            assertThat(home.text("#currentUser")).contains("Display " + username);

            List<String> instances = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Page page = browser.get("/");
                assertThat(page.text("#currentUser")).as("page load %d", i).contains("Display " + username);
                instances.add(page.header("X-Notes-Instance").orElseThrow());
            }
            assertThat(instances).containsOnly(instanceName(cluster.a()), instanceName(cluster.b()));
            for (int i = 1; i < instances.size(); i++) {
                assertThat(instances.get(i)).as("load %d follows load %d on the other instance", i, i - 1)
                        .isNotEqualTo(instances.get(i - 1));
            }

            // A form through the balancer: rendered by one instance, posted to the next.
            String key = Notes.uniqueKey("balanced");
            Page saved = browser.get("/note/add").form("noteForm").set("key", key).set("title", "Balanced").press("save");
            assertThat(saved.title()).isEqualTo("Balanced");
        }
    }

    @Test
    void aWebSocketThroughTheBalancerGetsChangesMadeOnEitherInstance(Cluster cluster) {
        try (Nginx nginx = Nginx.inFrontOf(cluster.instances())) {
            var author = Accounts.newUser(cluster.a(), "quin");
            String key = Notes.uniqueKey("proxied");
            Notes.create(author.client(), key, "Proxied", "");
            WebClient onB = author.client().sameBrowserOn(cluster.b());
            try (LiveClient window = LiveClient.connect(new WebClient(nginx.baseUri())).subscribe("note:" + key)) {
                Comments.addOnPage(author.client(), key, "made on A");
                Comments.addOnPage(onB, key, "made on B");
                assertThat(window.awaitEvent("comment.added", key).getJsonObject("comment").getString("text"))
                        .isEqualTo("made on A");
                assertThat(window.awaitEvent("comment.added", key).getJsonObject("comment").getString("text"))
                        .isEqualTo("made on B");
            }
        }
    }

    @Test
    void metricsAreReadOnEachInstanceButNeverThroughTheBalancer(Cluster cluster) {
        try (Nginx nginx = Nginx.inFrontOf(cluster.instances())) {
            for (String path : List.of("/metrics", "/metrics/", "/metrics?scope=application", "/metrics/vendor")) {
                assertThat(PrometheusScrape.fetch(nginx.baseUri().resolve(path)).statusCode()).as(path).isEqualTo(404);
            }
            assertThat(PrometheusScrape.fetch(cluster.a().uri("/metrics")).statusCode()).as("on the instance").isEqualTo(200);
        }
    }

    private static String instanceName(dev.notes.it.support.LibertyServer server) {
        return new WebClient(server.baseUri()).get("/").header("X-Notes-Instance").orElseThrow();
    }
}
