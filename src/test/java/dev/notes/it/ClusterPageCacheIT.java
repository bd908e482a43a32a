package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Comments;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.NotesCluster.Cluster;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each instance keeps its own anonymous pages; a change made through one instance makes every
 * instance forget them: the one that saved it before its redirect, the others when its event arrives.
 */
@ExtendWith(NotesCluster.class)
class ClusterPageCacheIT {

    /** Well below the cache's maximum age (10 s): a page that changes within it was forgotten because of the event. */
    private static final Duration EVENT_WAIT = Duration.ofSeconds(5);

    @Test
    void aChangeThroughOneInstanceReachesTheCachedPagesOfBoth(Cluster cluster) throws InterruptedException {
        Accounts.User author = Accounts.newUser(cluster.a(), "yvonne");
        String key = Notes.uniqueKey("shared");
        Notes.create(author.client(), key, "Shared " + key, "On both instances");
        String path = "/note/view?key=" + key;
        WebClient onA = new WebClient(cluster.a().baseUri());
        WebClient onB = new WebClient(cluster.b().baseUri());
        Page cachedOnB = onB.get(path);
        String tagOnB = cachedOnB.header("ETag").orElseThrow();
        // The very bytes, so from the cache: a render writes a fresh view state.
        assertThat(onB.get(path).body()).as("cached on B").isEqualTo(cachedOnB.body());
        onA.get(path);

        Comments.addOnPage(author.client(), key, "Made on A");

        assertThat(onA.get(path).text(".comment-text")).as("on A, at once").isEqualTo("Made on A");
        long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
        Page onBNow = onB.get(path);
        while (!onBNow.text("#comments").contains("Made on A") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            onBNow = onB.get(path);
        }
        assertThat(onBNow.text(".comment-text")).as("on B, within %s", EVENT_WAIT).isEqualTo("Made on A");
        assertThat(onBNow.header("ETag")).isNotEqualTo(tagOnB);
        assertThat(onBNow.header("X-Notes-Instance")).hasValueSatisfying(name -> assertThat(name).startsWith(cluster.b().name()));
    }
}
