package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Browser;
import dev.notes.it.support.BrowserEvidence;
import dev.notes.it.support.Comments;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A note with more comments than its page shows: "Show older comments" loads them in place, and
 * live comments and deletions reach both the newest and the loaded ones.
 * <p>
 * Controls are pressed with the keyboard: the page is long, and a click lands wherever Bootstrap's
 * smooth scrolling has got to (Chromium reports it as intercepted).
 */
@ExtendWith(NotesServer.class)
class CommentPagingBrowserIT {

    private static final int COMMENTS = 62;
    private static final By SHOWN = By.cssSelector("#comments li.comment");

    @RegisterExtension
    final BrowserEvidence browsers = new BrowserEvidence();

    @Test
    void olderCommentsLoadInPlaceAndFollowLiveChanges(LibertyServer server) {
        Accounts.User author = Accounts.newUser(server, "olga");
        String key = Notes.uniqueKey("long");
        Notes.create(author.client(), key, "Long thread", "many comments");
        for (int i = 1; i <= COMMENTS; i++) {
            Comments.add(author.client(), key, "comment " + i);
        }

        Browser writer = browsers.open("writer", server.baseUri()).logIn(author.username());
        Browser reader = browsers.open("reader", server.baseUri());
        for (Browser browser : List.of(writer, reader)) {
            browser.open("/note/view?key=" + key);
            browser.until(attributeToBe(By.id("liveStatus"), "data-state", "live"));
            assertThat(browser.findAll("#comments li.comment")).hasSize(50);
            assertThat(browser.find("#commentCount").getText()).isEqualTo(Integer.toString(COMMENTS));
        }
        Object readerPage = reader.pageMarker();

        for (Browser browser : List.of(writer, reader)) {
            browser.find("#olderComments").sendKeys(Keys.ENTER);
            browser.until(numberOfElementsToBe(SHOWN, COMMENTS));
            browser.until(invisibilityOfElementLocated(By.id("olderComments")));
            assertThat(browser.findAll("#comments .comment-text").get(COMMENTS - 1).getText()).isEqualTo("comment 1");
        }
        assertThat(writer.findAll("#comments .delete-comment")).as("the note's author may delete each").hasSize(COMMENTS);
        assertThat(reader.findAll("#comments .delete-comment")).as("anonymous readers delete nothing").isEmpty();

        writer.find("#commentForm textarea").sendKeys("a live <b>one</b>");
        writer.find("#commentForm input[type=submit]").sendKeys(Keys.ENTER);
        reader.until(numberOfElementsToBe(SHOWN, COMMENTS + 1));
        assertThat(reader.find("#comments .comment-text").getText()).isEqualTo("a live <b>one</b>");
        reader.until(textToBe(By.id("commentCount"), Integer.toString(COMMENTS + 1)));

        List<WebElement> deleteButtons = writer.findAll("#comments .delete-comment");
        deleteButtons.get(deleteButtons.size() - 1).sendKeys(Keys.ENTER);
        reader.until(numberOfElementsToBe(SHOWN, COMMENTS));
        reader.until(textToBe(By.id("commentCount"), Integer.toString(COMMENTS)));
        assertThat(reader.findAll("#comments .comment-text").get(COMMENTS - 1).getText()).isEqualTo("comment 2");

        assertThat(reader.pageMarker()).as("no reload happened").isEqualTo(readerPage);
        assertThat(reader.consoleProblems()).isEmpty();
        assertThat(writer.consoleProblems()).isEmpty();
    }
}
