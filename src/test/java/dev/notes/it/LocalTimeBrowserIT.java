package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Browser;
import dev.notes.it.support.BrowserEvidence;
import dev.notes.it.support.Comments;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.Screen;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Times in the reader's zone (Chromium's emulated Asia/Kolkata, UTC+05:30) and language: the
 * page's times, a comment's that arrives live, a note's that a live edit rewrites, and one added to
 * the page later; relative ("now") when recent and kept up to date, the date and time when older,
 * the full local date and time in the title.
 */
@ExtendWith(NotesServer.class)
class LocalTimeBrowserIT {

    private static final String ZONE = "Asia/Kolkata";
    /** 12:00 UTC on New Year's Day 2020: 17:30 (5:30 PM) in Kolkata. */
    private static final String OLD_INSTANT = "2020-01-01T12:00:00Z";

    @RegisterExtension
    final BrowserEvidence browsers = new BrowserEvidence();

    @Test
    void timesShowInTheReadersZoneAndLanguageAndRecentOnesAsRelative(LibertyServer server) {
        var author = Accounts.newUser(server, "clock");
        String key = Notes.uniqueKey("timed");
        Notes.create(author.client(), key, "Timed", "text");
        Comments.add(author.client(), key, "first");

        Browser reader = browsers.open("reader", server.baseUri());
        Screen.timeZone(reader, ZONE);
        movableClock(reader);
        reader.open("/note/view?key=" + key);
        reader.until(attributeToBe(By.id("liveStatus"), "data-state", "live"));
        String now = (String) script(reader, "return new Intl.RelativeTimeFormat(navigator.languages, { numeric: 'auto' }).format(0, 'second');");

        assertLocalAndRelative(reader, "#noteUpdated", now, "the note's time");
        assertLocalAndRelative(reader, "#comments li.comment time", now, "the comment's time");

        Comments.add(author.client(), key, "second, live");
        reader.until(numberOfElementsToBe(By.cssSelector("#comments li.comment"), 2));
        assertLocalAndRelative(reader, "#comments li.comment:first-child time", now, "the live comment's time");

        // A live edit rewrites the note's time with the server's UTC text: it is formatted again.
        author.client().get("/note/edit?key=" + key).form("noteForm").set("title", "Timed, edited").press("save");
        reader.until(textToBe(By.cssSelector("h1.page-title"), "Timed, edited"));
        assertLocalAndRelative(reader, "#noteUpdated", now, "the note's time after a live edit");

        // An older time, added to the page later, reads as the local date and time.
        script(reader, """
                const time = document.createElement('time');
                time.id = 'addedLater';
                time.dateTime = arguments[0];
                time.textContent = '2020-01-01 12:00 UTC';
                document.querySelector('main').append(time);
                """, OLD_INSTANT);
        reader.until(driver -> !"2020-01-01 12:00 UTC".equals(reader.find("#addedLater").getText()));
        String shown = reader.find("#addedLater").getText();
        assertThat(shown).as("an old time").matches(".*\\b(17|5):30\\b.*").contains("2020")
                .isEqualTo(local(reader, OLD_INSTANT, "{ dateStyle: 'medium', timeStyle: 'short' }"));
        assertThat(reader.find("#addedLater").getAttribute("title"))
                .isEqualTo(local(reader, OLD_INSTANT, "{ dateStyle: 'full', timeStyle: 'long' }"));

        // Formatting does not set the observer off again: the page's times stay still.
        script(reader, """
                window.__notesTimeMutations = 0;
                new MutationObserver((records) => { window.__notesTimeMutations += records.length; })
                    .observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true, attributes: true });
                """);
        assertThat(script(reader, "return new Promise((done) => setTimeout(() => done(window.__notesTimeMutations), 1500));"))
                .as("mutations in a page at rest").isEqualTo(0L);

        // Five minutes later (the page's clock moved on; its refresh asked for as a shown page asks
        // for it): the recent times read "5 minutes ago", the old one stays as it was.
        String fiveMinutesAgo = (String) script(reader,
                "return new Intl.RelativeTimeFormat(navigator.languages, { numeric: 'auto' }).format(-5, 'minute');");
        script(reader, """
                window.__notesClockShift = 5 * 60_000 + 1_000;
                document.dispatchEvent(new Event('visibilitychange'));
                """);
        reader.until(textToBe(By.id("noteUpdated"), fiveMinutesAgo));
        reader.until(textToBe(By.cssSelector("#comments li.comment:first-child time"), fiveMinutesAgo));
        assertThat(reader.find("#addedLater").getText()).isEqualTo(shown);
        assertThat(reader.consoleProblems()).isEmpty();
    }

    /**
     * From the next page on, the page's {@code Date.now()} runs {@code window.__notesClockShift}
     * milliseconds ahead (0 at first): installed by DevTools before the page's own scripts.
     */
    private static void movableClock(Browser browser) {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                (() => {
                    const realNow = Date.now;
                    window.__notesClockShift = 0;
                    Date.now = () => realNow() + window.__notesClockShift;
                })();
                """));
    }

    /** The element shows {@code now} (relative), not the server's UTC text, and the full local time in its title. */
    private static void assertLocalAndRelative(Browser browser, String selector, String now, String description) {
        browser.until(driver -> now.equals(browser.find(selector).getText()));
        var time = browser.find(selector);
        String iso = time.getAttribute("datetime");
        assertThat(time.getAttribute("title")).as("%s: its title", description)
                .isEqualTo(local(browser, iso, "{ dateStyle: 'full', timeStyle: 'long' }"))
                .contains("5:30");
    }

    /** The instant as the reader's language writes it in Kolkata, asked of the browser's Intl with the zone named. */
    private static String local(Browser browser, String iso, String options) {
        return (String) script(browser, "return new Intl.DateTimeFormat(navigator.languages, Object.assign("
                + options + ", { timeZone: arguments[1] })).format(new Date(arguments[0]));", iso, ZONE);
    }

    private static Object script(Browser browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }
}
