package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Browser;
import dev.notes.it.support.BrowserEvidence;
import dev.notes.it.support.Comments;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/** Two browser windows on one instance see each other's changes without reloading. */
@ExtendWith(NotesServer.class)
class LiveBrowserIT {

    @RegisterExtension
    final BrowserEvidence browsers = new BrowserEvidence();

    @Test
    void aNotePageFollowsCommentsEditsAndDeletion(LibertyServer server) {
        String author = Accounts.register(server, "xavi");
        String key = Notes.uniqueKey("watched");
        Notes.create(Accounts.logIn(server, author), key, "Watched", "first text");

        Browser writer = browsers.open("writer", server.baseUri());
        Browser reader = browsers.open("reader", server.baseUri());
        writer.logIn(author);
        writer.open("/note/view?key=" + key);
        reader.open("/note/view?key=" + key);
        writer.until(attributeToBe(By.id("liveStatus"), "data-state", "live"));
        reader.until(attributeToBe(By.id("liveStatus"), "data-state", "live"));
        Object readerPage = marker(reader);

        writer.find("#commentForm textarea").sendKeys("Hello <b>live</b>\nsecond line");
        writer.find("#commentForm input[type=submit]").click();
        reader.until(numberOfElementsToBe(By.cssSelector("#comments li.comment"), 1));
        assertThat(reader.find("#comments .comment-text").getText()).isEqualTo("Hello <b>live</b>\nsecond line");
        assertThat(reader.find("#comments .comment-author").getText()).isEqualTo(Accounts.displayNameOf(author));
        assertThat(reader.find("#comments .comment-username").getText()).isEqualTo("@" + author);
        assertThat(reader.findAll("#comments .delete-comment")).as("anonymous readers delete nothing").isEmpty();
        writer.until(numberOfElementsToBe(By.cssSelector("#comments li.comment"), 1));
        assertThat(writer.find("#commentForm textarea").getAttribute("value")).isEmpty();
        assertThat(reader.find("#noComments").isDisplayed()).isFalse();

        writer.find("#comments .delete-comment").click();
        reader.until(numberOfElementsToBe(By.cssSelector("#comments li.comment"), 0));
        reader.until(visibilityOfElementLocated(By.id("noComments")));

        Accounts.logIn(server, author).get("/note/edit?key=" + key).form("noteForm")
                .set("title", "Watched, edited").set("body", "new\ntext").press("save");
        reader.until(textToBe(By.cssSelector("h1.page-title"), "Watched, edited"));
        assertThat(reader.find("#noteBody").getText()).isEqualTo("new\ntext");
        assertThat(reader.driver().getTitle()).isEqualTo("Watched, edited");

        writer.open("/note/delete?key=" + key);
        writer.find("#deleteForm input[type=submit]").click();
        reader.until(visibilityOfElementLocated(By.id("noteGone")));
        assertThat(marker(reader)).as("no reload happened").isEqualTo(readerPage);
        assertThat(reader.consoleProblems()).isEmpty();
        assertThat(writer.consoleProblems()).isEmpty();
    }

    @Test
    void webLinksInACommentAreLinksLiveAndOnThePageAndNoOtherSchemeIs(LibertyServer server) {
        String author = Accounts.register(server, "yuki");
        String key = Notes.uniqueKey("linked");
        WebClient client = Accounts.logIn(server, author);
        Notes.create(client, key, "Linked", "text");
        Browser reader = browsers.open("linkReader", server.baseUri());
        reader.open("/note/view?key=" + key);
        reader.until(attributeToBe(By.id("liveStatus"), "data-state", "live"));

        String text = "see https://example.org/a?b=1&c=2 or javascript://%0aalert(1) <b>bold</b>";
        Comments.addOnPage(client, key, text);
        reader.until(numberOfElementsToBe(By.cssSelector("#comments li.comment"), 1));
        assertOneWebLink(reader, text);

        // The same, as the server writes it; the live snapshot may replace those rows meanwhile
        // (with the same), which leaves a row just found stale: then it is looked at again.
        reader.open("/note/view?key=" + key);
        reader.until(page -> {
            try {
                assertOneWebLink(reader, text);
                return true;
            } catch (StaleElementReferenceException replacedByTheSnapshot) {
                return false;
            }
        });
        assertThat(reader.consoleProblems()).isEmpty();
    }

    private static void assertOneWebLink(Browser reader, String text) {
        assertThat(reader.find("#comments .comment-text").getText()).isEqualTo(text);
        List<WebElement> links = reader.findAll("#comments .comment-text a");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).getAttribute("href")).isEqualTo("https://example.org/a?b=1&c=2");
        assertThat(links.get(0).getAttribute("rel")).isEqualTo("nofollow noopener noreferrer");
        assertThat(links.get(0).getText()).isEqualTo("https://example.org/a?b=1&c=2");
        assertThat(reader.findAll("#comments .comment-text b")).isEmpty();
    }

    @Test
    void theHomePageFollowsNotesAppearingChangingAndGoing(LibertyServer server) {
        var author = Accounts.newUser(server, "yara");
        String key = Notes.uniqueKey("arriving");
        Browser home = browsers.open("home", server.baseUri());
        home.logIn(author.username());
        home.open("/");
        home.until(attributeToBe(By.id("liveStatus"), "data-state", "live"));
        By link = By.cssSelector("#notes a.note-link[data-key='" + key + "']");
        By recent = By.cssSelector("#recentlyViewed a.recent-link[data-key='" + key + "']");

        Notes.create(author.client(), key, "aaa first by title " + key, "");
        home.until(visibilityOfElementLocated(link));
        assertThat(home.driver().findElement(link).getText()).isEqualTo("aaa first by title " + key);
        assertThat(home.driver().findElement(link).getAttribute("href")).endsWith("/note/view?key=" + key);

        // Opened once, the note is among the reader's recently viewed ones, which follow it too.
        home.open("/note/view?key=" + key);
        home.open("/");
        home.until(attributeToBe(By.id("liveStatus"), "data-state", "live"));
        assertThat(home.driver().findElement(recent).getText()).isEqualTo("aaa first by title " + key);
        Object page = marker(home);

        author.client().get("/note/edit?key=" + key).form("noteForm").set("title", "<i>retitled</i> " + key).press("save");
        home.until(textToBe(link, "<i>retitled</i> " + key));
        home.until(textToBe(recent, "<i>retitled</i> " + key));

        author.client().get("/note/delete?key=" + key).form("deleteForm").press("confirm");
        home.until(invisibilityOfElementLocated(link));
        home.until(invisibilityOfElementLocated(recent));
        assertThat(marker(home)).as("no reload happened").isEqualTo(page);
        assertThat(home.consoleProblems()).isEmpty();
    }

    @Test
    void aBrowserReconnectsAfterAServerRestartAndCatchesUp() {
        // A server of its own: restarting the shared one would disturb the other tests.
        try (LibertyServer server = LibertyServer.create("notes-it-restart", java.util.Map.of()).start()) {
            var author = Accounts.newUser(server, "zack");
            String before = Notes.uniqueKey("before");
            Notes.create(author.client(), before, "Before the restart", "");
            Browser home = browsers.open("home", server.baseUri());
            home.open("/");
            home.until(attributeToBe(By.id("liveStatus"), "data-state", "live"));

            server.stop();
            home.until(attributeToBe(By.id("liveStatus"), "data-state", "reconnecting"));
            server.start();
            // The page retries with a growing delay, up to 15 s plus 30 % jitter (reconnect.js), so
            // after a long outage its next attempt may come that long after the server is back.
            home.until(attributeToBe(By.id("liveStatus"), "data-state", "live"), Browser.RECONNECT_WAIT);

            // Logins are kept in the database on a single instance: the one from before still works.
            String after = Notes.uniqueKey("after");
            Notes.create(author.client(), after, "After the restart", "");
            home.until(visibilityOfElementLocated(By.cssSelector("#notes a.note-link[data-key='" + after + "']")));
            assertThat(home.findAll("#notes a.note-link[data-key='" + before + "']")).hasSize(1);
        }
    }

    /** A value kept in the page's JavaScript state: it survives live updates, not a reload. */
    private static Object marker(Browser browser) {
        return browser.driver() instanceof org.openqa.selenium.JavascriptExecutor js
                ? js.executeScript("return window.__notesMarker ??= Math.random();")
                : null;
    }
}
