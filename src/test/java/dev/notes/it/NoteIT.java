package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Comments;
import dev.notes.it.support.Forms;
import dev.notes.it.support.HomeList;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.Notes;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The life of a note and its comments, through the pages. */
@ExtendWith(NotesServer.class)
class NoteIT {

    @Test
    void authorsShowUnderTheNameTheyChoseAndARenameShowsAtOnce(LibertyServer server) {
        var author = Accounts.newUser(server, "rene");
        String key = Notes.uniqueKey("renamed");
        Notes.create(author.client(), key, "Renamed", "text");
        Comments.addOnPage(author.client(), key, "my own comment");
        WebClient anonymous = new WebClient(server.baseUri());
        assertThat(anonymous.get("/note/view?key=" + key).text("#noteAuthor"))
                .as("kept for anonymous readers").isEqualTo(Accounts.displayNameOf(author.username()));

        Page saved = author.client().get("/user/account").form("nameForm")
                .set("displayName", "René <Renamed>").press("saveName");
        assertThat(saved.path()).isEqualTo("/user/account?saved=name");

        for (WebClient reader : List.of(author.client(), anonymous)) {
            Page view = reader.get("/note/view?key=" + key);
            assertThat(view.text("#noteAuthor")).isEqualTo("René <Renamed>");
            assertThat(view.text("#noteUsername")).isEqualTo("@" + author.username());
            assertThat(view.text("#comments .comment-author")).isEqualTo("René <Renamed>");
            assertThat(view.body()).contains("René &lt;Renamed&gt;").doesNotContain("<Renamed>");
        }
    }

    @Test
    void addViewEditDeleteANote(LibertyServer server) {
        var author = Accounts.newUser(server, "ivy");
        WebClient browser = author.client();
        String key = Notes.uniqueKey("shopping");

        Page add = browser.get("/note/add");
        assertThat(add.title()).isEqualTo("Add a Note");
        Page view = add.form("noteForm")
                .set("key", key)
                .set("title", "Shopping list")
                .set("body", "milk\n\n  eggs\nbread")
                .press("save");
        assertThat(view.path()).isEqualTo("/note/view?key=" + key);
        assertThat(view.title()).isEqualTo("Shopping list");
        assertThat(view.text("h1")).isEqualTo("Shopping list");
        assertThat(view.wholeText("noteBody")).isEqualTo("milk\n\n  eggs\nbread");
        assertThat(view.text("#noteKey")).isEqualTo(key);
        assertThat(view.text("#noteAuthor")).isEqualTo(Accounts.displayNameOf(author.username()));
        assertThat(view.text("#noteUsername")).isEqualTo("@" + author.username());

        Page edit = browser.get(view.document().getElementById("editLink").attr("href"));
        assertThat(edit.title()).isEqualTo("Edit Shopping list");
        assertThat(edit.form("noteForm").fields()).containsEntry("noteForm:title", "Shopping list");
        Page edited = edit.form("noteForm").set("title", "Groceries").set("body", "cheese").press("save");
        assertThat(edited.path()).isEqualTo("/note/view?key=" + key);
        assertThat(edited.title()).isEqualTo("Groceries");
        assertThat(edited.wholeText("noteBody")).isEqualTo("cheese");

        Page confirm = browser.get(edited.document().getElementById("deleteLink").attr("href"));
        assertThat(confirm.title()).isEqualTo("Delete Groceries");
        assertThat(browser.get("/note/view?key=" + key).status()).as("the confirm page deletes nothing").isEqualTo(200);
        Page home = confirm.form("deleteForm").press("confirm");
        assertThat(home.path()).isEqualTo("/");
        assertThat(HomeList.keys(browser)).doesNotContain(key);

        Page gone = browser.get("/note/view?key=" + key);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.title()).isEqualTo("Page not found");
    }

    @Test
    void homeListsNotesByTitleAndLinksToEach(LibertyServer server) {
        WebClient browser = Accounts.newUser(server, "jack").client();
        String prefix = "sort-" + UUID.randomUUID().toString().substring(0, 6);
        List<String> titles = List.of(prefix + " banana", prefix + " Apple", prefix + " cherry");
        for (String title : titles) {
            Notes.create(browser, Notes.uniqueKey("fruit"), title, "");
        }
        WebClient reader = new WebClient(server.baseUri());
        assertThat(reader.get("/").title()).isEqualTo("Notes");
        List<HomeList.Listed> all = HomeList.all(reader);
        List<String> listed = all.stream().map(HomeList.Listed::title).filter(t -> t.startsWith(prefix)).toList();
        assertThat(listed).containsExactly(prefix + " Apple", prefix + " banana", prefix + " cherry");

        HomeList.Listed link = all.stream().filter(n -> n.title().equals(prefix + " cherry")).findFirst().orElseThrow();
        assertThat(reader.get(link.href()).title()).isEqualTo(prefix + " cherry");
    }

    @Test
    void keysWithEveryAllowedCharacterRoundTrip(LibertyServer server) {
        WebClient browser = Accounts.newUser(server, "kate").client();
        String key = "A-z_0.9~" + UUID.randomUUID().toString().substring(0, 6);
        Page view = Notes.create(browser, key, "Odd key", "x");
        assertThat(view.text("#noteKey")).isEqualTo(key);
        Page edited = browser.get(view.document().getElementById("editLink").attr("href"))
                .form("noteForm").set("title", "Odd key, edited").press("save");
        assertThat(edited.text("#noteKey")).isEqualTo(key);
        assertThat(edited.title()).isEqualTo("Odd key, edited");
        assertThat(HomeList.keys(browser)).contains(key);
    }

    @Test
    void invalidInputIsShownNextToTheFieldAndKeepsWhatWasTyped(LibertyServer server) {
        WebClient browser = Accounts.newUser(server, "liam").client();
        String existing = Notes.uniqueKey("taken");
        Notes.create(browser, existing, "First", "first body");

        Page duplicate = browser.get("/note/add").form("noteForm")
                .set("key", existing).set("title", "Second").set("body", "typed text\nkept").press("save");
        assertThat(duplicate.path()).isEqualTo("/note/add");
        assertThat(Forms.fieldError(duplicate, "key"))
                .isEqualTo("A note with the key '" + existing + "' exists already. Please choose another key.");
        assertThat(duplicate.form("noteForm").fields())
                .containsEntry("noteForm:title", "Second")
                .containsEntry("noteForm:body", "typed text\nkept");
        assertThat(browser.get("/note/view?key=" + existing).title()).as("the first note is untouched").isEqualTo("First");

        Page invalid = browser.get("/note/add").form("noteForm")
                .set("key", "has space/and slash").set("title", "t".repeat(256)).set("body", "b".repeat(100_001))
                .press("save");
        assertThat(Forms.fieldError(invalid, "key"))
                .isEqualTo("A key may contain only letters, digits and the characters . _ ~ - (no spaces).");
        assertThat(Forms.fieldError(invalid, "title")).isEqualTo("A title is at most 255 characters long.");
        assertThat(Forms.fieldError(invalid, "body")).isEqualTo("The text is at most 100000 characters long.");
        assertThat(invalid.form("noteForm").fields()).containsEntry("noteForm:key", "has space/and slash");

        Page empty = browser.get("/note/add").form("noteForm").set("key", "").set("title", " ").press("save");
        assertThat(Forms.fieldError(empty, "key")).isEqualTo("Please enter a key.");
        assertThat(Forms.fieldError(empty, "title")).isEqualTo("Please enter a title.");

        Page longKey = browser.get("/note/add").form("noteForm").set("key", "k".repeat(101)).set("title", "x").press("save");
        assertThat(Forms.fieldError(longKey, "key")).isEqualTo("A key is 1 to 100 characters long.");
    }

    @Test
    void commentsAppearNewestFirstAndCanBeDeleted(LibertyServer server) {
        var author = Accounts.newUser(server, "mia");
        var reader = Accounts.newUser(server, "noah");
        String key = Notes.uniqueKey("discussed");
        Notes.create(author.client(), key, "Discussed", "text");

        Comments.addOnPage(reader.client(), key, "first\nsecond line");
        Page page = Comments.addOnPage(author.client(), key, "a reply");
        List<Element> comments = page.document().select("#comments li.comment");
        assertThat(comments).extracting(c -> c.selectFirst(".comment-text").wholeText())
                .containsExactly("a reply", "first\nsecond line");
        assertThat(comments).extracting(c -> c.selectFirst(".comment-author").text())
                .containsExactly(Accounts.displayNameOf(author.username()), Accounts.displayNameOf(reader.username()));
        assertThat(comments).extracting(c -> c.selectFirst(".comment-username").text())
                .containsExactly("@" + author.username(), "@" + reader.username());
        assertThat(comments.get(0).selectFirst("time").attr("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        Page empty = reader.client().get("/note/view?key=" + key).form("commentForm").set("text", "  ").press("add");
        assertThat(Forms.fieldError(empty, "text")).isEqualTo("Please write a comment.");
        Page tooLong = reader.client().get("/note/view?key=" + key).form("commentForm")
                .set("text", "c".repeat(1025)).press("add");
        assertThat(Forms.fieldError(tooLong, "text")).isEqualTo("A comment is at most 1024 characters long.");
        assertThat(tooLong.form("commentForm").fields().get("commentForm:text")).hasSize(1025);

        String readersComment = comments.get(1).attr("data-comment-id");
        Page afterDelete = reader.client().get("/note/view?key=" + key).form("commentActions")
                .press("delete", readersComment);
        assertThat(afterDelete.path()).isEqualTo("/note/view?key=" + key);
        assertThat(afterDelete.document().select("#comments li.comment .comment-text").eachText())
                .containsExactly("a reply");
    }

    @Test
    void deletingANoteDeletesItsComments(LibertyServer server) {
        var author = Accounts.newUser(server, "olga");
        String key = Notes.uniqueKey("short-lived");
        Notes.create(author.client(), key, "Short-lived", "");
        Comments.addOnPage(author.client(), key, "soon gone");
        author.client().get("/note/delete?key=" + key).form("deleteForm").press("confirm");

        // A new note under the same key starts without the old comments.
        Page again = Notes.create(author.client(), key, "Reborn", "");
        assertThat(again.has("#comments li.comment")).isFalse();
        assertThat(again.has("#noComments")).isTrue();
    }

    @Test
    void unknownNotesAndPagesAreFriendly404s(LibertyServer server) {
        WebClient anonymous = new WebClient(server.baseUri());
        for (String path : List.of("/note/view?key=no-such-note", "/note/view", "/note/view?key=%3Cb%3E",
                "/no/such/page", "/no-such-page.xhtml")) {
            Page page = anonymous.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.title()).as(path).isEqualTo("Page not found");
            assertThat(page.body()).as(path).doesNotContain("Exception").doesNotContain("at dev.notes");
        }
        WebClient user = Accounts.newUser(server, "pete").client();
        for (String path : List.of("/note/edit?key=no-such-note", "/note/delete?key=no-such-note")) {
            Page page = user.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.title()).as(path).isEqualTo("Page not found");
        }
    }

    @Test
    void anonymousReadersReadButAreSentToLoginToWrite(LibertyServer server) {
        WebClient author = Accounts.newUser(server, "quinn").client();
        String key = Notes.uniqueKey("public");
        Notes.create(author, key, "Public", "everyone may read");
        Comments.addOnPage(author, key, "me too");

        WebClient anonymous = new WebClient(server.baseUri());
        Page view = anonymous.get("/note/view?key=" + key);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.wholeText("noteBody")).isEqualTo("everyone may read");
        assertThat(view.has("#commentForm")).isFalse();
        assertThat(view.has(".delete-comment")).isFalse();
        assertThat(view.has("#editLink")).isFalse();
        assertThat(view.has("#loginToComment")).isTrue();
        anonymous.get("/");
        assertThat(anonymous.cookie("JSESSIONID")).as("reading creates no session").isEmpty();

        for (String path : List.of("/note/add", "/note/edit?key=" + key, "/note/delete?key=" + key)) {
            Page page = anonymous.getRaw(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).contains("/user/login?next=");
        }
    }
}
