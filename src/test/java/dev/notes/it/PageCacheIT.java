package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Comments;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Anonymous readers' home and note pages come from the page cache: the same page with the same
 * entity tag until a change, 304 for a browser that has it, and never a page from before a change
 * once the change is saved. Logged-in readers always get their own page.
 */
@ExtendWith(NotesServer.class)
class PageCacheIT {

    private static String noteWithAComment(LibertyServer server, String prefix) {
        Accounts.User author = Accounts.newUser(server, prefix);
        String key = Notes.uniqueKey(prefix);
        Notes.create(author.client(), key, "Cached " + key, "Read by many");
        Comments.add(author.client(), key, "The first comment");
        return key;
    }

    private static String tag(Page page) {
        return page.header("ETag").orElseThrow(() -> new AssertionError("no ETag on " + page.path()));
    }

    @Test
    void anonymousReadersGetTheSamePageUnderTheSameTagAndABrowserThatHasItGets304(LibertyServer server) {
        String path = "/note/view?key=" + noteWithAComment(server, "ursula");
        WebClient reader = new WebClient(server.baseUri());

        Page first = reader.get(path);
        Page second = new WebClient(server.baseUri()).get(path);
        HttpResponse<String> revalidated = reader.send(HttpRequest.newBuilder(reader.uri(path))
                .header("If-None-Match", tag(first)).GET());

        assertThat(first.status()).isEqualTo(200);
        assertThat(tag(first)).matches("\"[A-Za-z0-9_-]{43}\"").isEqualTo(tag(second));
        assertThat(first.header("Cache-Control")).contains("no-cache");
        assertThat(second.body()).contains("The first comment")
                .as("the very bytes, so from the cache: a render writes a fresh view state").isEqualTo(first.body());
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.headers().firstValue("ETag")).contains(tag(first));
        assertThat(reader.cookies()).as("cookies an anonymous reader got").isEmpty();
    }

    @Test
    void aPageFromTheCacheStillNamesTheInstanceAndCarriesTheSecurityHeaders(LibertyServer server) {
        WebClient reader = new WebClient(server.baseUri());
        reader.get("/");

        Page hit = reader.get("/");

        assertThat(hit.header("X-Notes-Instance")).hasValueSatisfying(name -> assertThat(name).startsWith(server.name()));
        assertThat(hit.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
        assertThat(hit.header("X-Frame-Options")).contains("DENY");
        assertThat(hit.header("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void aSavedChangeShowsAtOnceOnTheAnonymousHomeAndNotePages(LibertyServer server) {
        Accounts.User author = Accounts.newUser(server, "vera");
        String key = Notes.uniqueKey("changing");
        Notes.create(author.client(), key, "Changing " + key, "Watch this");
        WebClient reader = new WebClient(server.baseUri());
        Page homeBefore = reader.get("/");
        Page noteBefore = reader.get("/note/view?key=" + key);
        assertThat(reader.get("/note/view?key=" + key).header("ETag")).contains(tag(noteBefore));

        Comments.addOnPage(author.client(), key, "Seen at once");
        Page noteAfter = reader.get("/note/view?key=" + key);

        assertThat(noteAfter.text(".comment-text")).isEqualTo("Seen at once");
        assertThat(tag(noteAfter)).isNotEqualTo(tag(noteBefore));

        long countBefore = Long.parseLong(homeBefore.text("#noteCount"));
        Notes.create(author.client(), Notes.uniqueKey("another"), "Another note", "");
        Page homeAfter = reader.get("/");

        assertThat(Long.parseLong(homeAfter.text("#noteCount"))).isGreaterThan(countBefore);
        assertThat(tag(homeAfter)).isNotEqualTo(tag(homeBefore));
    }

    @Test
    void aLoggedInReaderNeverGetsTheAnonymousPage(LibertyServer server) {
        String key = noteWithAComment(server, "wanda");
        WebClient anonymous = new WebClient(server.baseUri());
        anonymous.get("/");
        anonymous.get("/note/view?key=" + key);
        Accounts.User reader = Accounts.newUser(server, "xaver");

        Page home = reader.client().get("/");
        Page note = reader.client().get("/note/view?key=" + key);

        assertThat(home.text("#currentUser")).contains("Display " + reader.username());
        assertThat(note.text("#currentUser")).contains("Display " + reader.username());
        assertThat(note.has("#commentForm")).isTrue();
        assertThat(home.header("ETag")).isEmpty();
        assertThat(note.header("ETag")).isEmpty();
    }
}
