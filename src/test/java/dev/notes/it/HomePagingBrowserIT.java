package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Browser;
import dev.notes.it.support.BrowserEvidence;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.Notes;
import dev.notes.it.support.SeededDatabase;
import dev.notes.it.support.SharedAddressLimits;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

/**
 * Paging and search in a real browser, over 150 notes "Note 001" … "Note 150": Next and Previous,
 * the live list of page 2 taking a note that belongs on it and only counting one that does not,
 * and the search box in the header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomePagingBrowserIT {

    @RegisterExtension
    final BrowserEvidence browsers = new BrowserEvidence();

    private LibertyServer server;

    @BeforeAll
    void startAndSeed() {
        SeededDatabase database = SeededDatabase.h2("paging-browser");
        server = database.server("notes-paging-browser", SharedAddressLimits.settings()).start();
        database.insert(IntStream.rangeClosed(1, 150).mapToObj(i -> new SeededDatabase.Row(
                String.format("b-%03d", i), String.format("Note %03d", i), "Body of note " + i)).toList(), -1);
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    /**
     * The titles listed, read in one script call: the live snapshot may replace the list's elements
     * between two WebDriver calls.
     */
    @SuppressWarnings("unchecked")
    private static List<String> titles(Browser browser) {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return [...document.querySelectorAll('#notes a.note-link')].map(a => a.textContent)");
    }

    /**
     * Follows a link at the bottom of a long page, scrolled to the middle of the window first and at
     * once: Bootstrap makes scrolling smooth, and a click during the animation misses.
     */
    private static void follow(Browser browser, String css) {
        var link = browser.find(css);
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", link);
        link.click();
    }

    @Test
    void pageTwoFollowsItsOwnNotesAndCountsTheOthers() {
        Browser reader = browsers.open("reader", server.baseUri());
        reader.open("/");
        assertThat(titles(reader)).hasSize(50).startsWith("Note 001").endsWith("Note 050");
        assertThat(reader.find("#noteCount").getText()).isEqualTo("150");
        assertThat(reader.findAll("#previousPage")).isEmpty();

        follow(reader, "#nextPage");
        reader.until(textToBe(By.cssSelector("#notes li:first-child a"), "Note 051"));
        reader.until(attributeToBe(By.id("liveStatus"), "data-state", "live"));
        assertThat(titles(reader)).hasSize(50).endsWith("Note 100");

        var author = Accounts.newUser(server, "pager");
        String onPage = Notes.uniqueKey("on-page");
        Notes.create(author.client(), onPage, "Note 075 <b>and a half</b>", "belongs on page two");
        By added = By.cssSelector("#notes a.note-link[data-key='" + onPage + "']");
        reader.until(visibilityOfElementLocated(added));
        assertThat(titles(reader)).hasSize(51).contains("Note 075 <b>and a half</b>", "Note 076");
        assertThat(titles(reader).indexOf("Note 075 <b>and a half</b>"))
                .isEqualTo(titles(reader).indexOf("Note 075") + 1);
        assertThat(reader.find("#noteCount").getText()).isEqualTo("151");
        assertThat(reader.find("#newNotesHint").isDisplayed()).isFalse();

        Notes.create(author.client(), Notes.uniqueKey("elsewhere"), "Note 010 elsewhere", "page one");
        reader.until(textToBe(By.id("noteCount"), "152"));
        reader.until(visibilityOfElementLocated(By.id("newNotesHint")));
        assertThat(titles(reader)).hasSize(51).doesNotContain("Note 010 elsewhere");

        follow(reader, "#previousPage");
        reader.until(textToBe(By.cssSelector("#notes li:last-child a"), "Note 050"));
        assertThat(titles(reader)).hasSize(50).contains("Note 010 elsewhere");
        assertThat(reader.consoleProblems()).isEmpty();
    }

    @Test
    void theHeaderSearchFindsNotesAndPagesThroughResults() {
        Browser reader = browsers.open("searcher", server.baseUri());
        reader.open("/note/view?key=b-042");
        reader.find("#searchForm input[name=q]").sendKeys("note 42" + Keys.ENTER);
        reader.until(visibilityOfElementLocated(By.id("searchResults")));
        assertThat(reader.findAll("#searchResults a.note-link").stream().map(a -> a.getAttribute("data-key")))
                .contains("b-042");
        assertThat(reader.find("#searchText").getAttribute("value")).isEqualTo("note 42");

        reader.find("#searchText").clear();
        reader.find("#searchText").sendKeys("body note" + Keys.ENTER);
        reader.until(visibilityOfElementLocated(By.id("nextPage")));
        assertThat(reader.findAll("#searchResults li")).hasSize(50);
        follow(reader, "#nextPage");
        reader.until(visibilityOfElementLocated(By.id("previousPage")));
        assertThat(reader.findAll("#searchResults li")).hasSize(50);
        assertThat(reader.consoleProblems()).isEmpty();
    }
}
