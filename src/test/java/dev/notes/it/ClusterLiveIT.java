package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Comments;
import dev.notes.it.support.LiveClient;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.NotesCluster.Cluster;
import dev.notes.it.support.WebClient;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A change made through either instance reaches every browser on every instance, exactly once. */
@ExtendWith(NotesCluster.class)
class ClusterLiveIT {

    @Test
    void fourWindowsOnTwoInstancesSeeEveryChangeOnce(Cluster cluster) {
        String author = Accounts.register(cluster.a(), "eve");
        WebClient onA = Accounts.logIn(cluster.a(), author);
        WebClient onB = onA.sameBrowserOn(cluster.b());
        String key = Notes.uniqueKey("shared");
        Notes.create(onA, key, "Shared", "v1");

        List<LiveClient> windows = List.of(
                LiveClient.connect(new WebClient(cluster.a().baseUri())).subscribe("note:" + key, "home"),
                LiveClient.connect(new WebClient(cluster.a().baseUri())).subscribe("note:" + key, "home"),
                LiveClient.connect(new WebClient(cluster.b().baseUri())).subscribe("note:" + key, "home"),
                LiveClient.connect(new WebClient(cluster.b().baseUri())).subscribe("note:" + key, "home"));
        try {
            onB.get("/note/edit?key=" + key).form("noteForm").set("body", "v2 via B").press("save");
            Comments.addOnPage(onA, key, "via A");
            Comments.addOnPage(onB, key, "via B");
            long viaA = Long.parseLong(onA.get("/note/view?key=" + key).document()
                    .select("#comments li.comment").last().attr("data-comment-id"));
            onB.get("/note/view?key=" + key).form("commentActions").press("delete", String.valueOf(viaA));
            String created = Notes.uniqueKey("created-on-b");
            Notes.create(onB, created, "Created on B", "");

            for (LiveClient window : windows) {
                window.await(event("note.created", created, "home"));
                // All of them, in the order of the changes, each once (also on the instance that made it).
                assertThat(window.events()).extracting(ClusterLiveIT::describe).containsExactly(
                        "note.updated home Shared",
                        "note.updated note:" + key + " v2 via B",
                        "comment.added note:" + key + " via A",
                        "comment.added note:" + key + " via B",
                        "comment.deleted note:" + key + " " + viaA,
                        "note.created home Created on B");
            }
        } finally {
            windows.forEach(LiveClient::close);
        }
    }

    @Test
    void eventIdsAreOneSequenceAcrossInstances(Cluster cluster) {
        String author = Accounts.register(cluster.b(), "finn");
        WebClient onA = Accounts.logIn(cluster.a(), author);
        WebClient onB = onA.sameBrowserOn(cluster.b());
        String key = Notes.uniqueKey("sequence");
        Notes.create(onA, key, "Sequence", "");
        try (LiveClient window = LiveClient.connect(new WebClient(cluster.b().baseUri())).subscribe("note:" + key)) {
            for (int i = 1; i <= 6; i++) {
                Comments.addOnPage(i % 2 == 0 ? onA : onB, key, "comment " + i);
            }
            long previous = 0;
            for (int i = 1; i <= 6; i++) {
                JsonObject event = window.await(event("comment.added", key, "note:" + key));
                assertThat(event.getJsonObject("comment").getString("text")).isEqualTo("comment " + i);
                assertThat(event.getJsonObject("comment").getString("authorName"))
                        .as("carried through Redis").isEqualTo(Accounts.displayNameOf(author));
                assertThat(event.getJsonNumber("id").longValue()).isGreaterThan(previous);
                previous = event.getJsonNumber("id").longValue();
            }
        }
    }

    /** A note event by its text, or on the home list (which shows titles) by its title; a comment by its text or id. */
    private static String describe(JsonObject event) {
        String what = event.containsKey("note")
                ? event.getJsonObject("note").getString(event.getString("topic").equals("home") ? "title" : "body", "")
                : event.getJsonObject("comment").containsKey("text") ? event.getJsonObject("comment").getString("text")
                : String.valueOf(event.getJsonObject("comment").getJsonNumber("id").longValue());
        return event.getString("event") + " " + event.getString("topic") + " " + what;
    }

    private static Predicate<JsonObject> event(String event, String key, String topic) {
        return m -> m.getString("type").equals("event") && m.getString("event").equals(event)
                && m.getString("key").equals(key) && m.getString("topic").equals(topic);
    }
}
