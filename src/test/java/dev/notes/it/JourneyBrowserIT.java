package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.titleIs;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Browser;
import dev.notes.it.support.BrowserEvidence;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** The single-instance user journeys, as a person does them, in headless Chromium. */
@ExtendWith(NotesServer.class)
class JourneyBrowserIT {

    @RegisterExtension
    final BrowserEvidence browsers = new BrowserEvidence();

    @Test
    void registerLogInLogOutAndAWrongPassword(LibertyServer server) {
        String username = Accounts.uniqueName("hana");
        Browser browser = browsers.open("browser", server.baseUri());
        browser.open("/");
        browser.find("#registerLink").click();
        browser.until(titleIs("Create a Notes account"));
        browser.find("#registerForm\\:username").sendKeys(username);
        browser.find("#registerForm\\:displayName").sendKeys("Hana H.");
        browser.find("#registerForm\\:password").sendKeys(Accounts.PASSWORD);
        browser.find("#registerForm\\:passwordAgain").sendKeys(Accounts.PASSWORD);
        browser.find("#registerForm\\:register").click();

        browser.until(titleIs("Login to Notes"));
        assertThat(browser.find("#loginForm\\:username").getAttribute("value")).isEqualTo(username);
        browser.find("#loginForm\\:password").sendKeys(Accounts.PASSWORD);
        browser.find("#loginForm\\:login").click();
        browser.until(visibilityOfElementLocated(By.id("currentUser")));
        assertThat(browser.find("#currentUser").getText()).isEqualTo("Logged in as Hana H.");

        browser.find("#logoutForm\\:logout").click();
        browser.until(visibilityOfElementLocated(By.id("loginLink")));
        assertThat(browser.findAll("#currentUser")).isEmpty();
        assertThat(browser.consoleProblems()).as("no policy violation on the way").isEmpty();

        browser.find("#loginLink").click();
        browser.find("#loginForm\\:username").sendKeys(username);
        browser.find("#loginForm\\:password").sendKeys("not the password");
        browser.find("#loginForm\\:login").click();
        browser.until(textToBe(By.cssSelector("#messages li"), "Wrong username or password."));
        assertThat(browser.driver().getTitle()).isEqualTo("Login to Notes");
    }

    @Test
    void addEditAndDeleteANote(LibertyServer server) {
        String username = Accounts.register(server, "ines");
        String key = Notes.uniqueKey("journey");
        Browser browser = browsers.open("browser", server.baseUri());
        browser.logIn(username);

        browser.find("#addNoteLink").click();
        browser.until(titleIs("Add a Note"));
        browser.find("#noteForm\\:key").sendKeys(key);
        browser.find("#noteForm\\:title").sendKeys("Journey");
        browser.find("#noteForm\\:body").sendKeys("line one\nline two");
        browser.find("#noteForm\\:save").click();
        browser.until(titleIs("Journey"));
        assertThat(browser.find("#noteBody").getText()).isEqualTo("line one\nline two");

        browser.find("#editLink").click();
        browser.until(titleIs("Edit Journey"));
        browser.find("#noteForm\\:title").clear();
        browser.find("#noteForm\\:title").sendKeys("Journey, edited");
        browser.find("#noteForm\\:save").click();
        browser.until(titleIs("Journey, edited"));

        browser.find("#deleteLink").click();
        browser.until(titleIs("Delete Journey, edited"));
        browser.find("#deleteForm\\:confirm").click();
        browser.until(titleIs("Notes"));
        assertThat(browser.findAll("#notes a.note-link[data-key='" + key + "']")).isEmpty();
        assertThat(browser.consoleProblems()).as("no policy violation on the way").isEmpty();

        browser.open("/note/view?key=" + key);
        assertThat(browser.driver().getTitle()).isEqualTo("Page not found");
    }

    @Test
    void markupInTitlesAndCommentsStaysText(LibertyServer server) {
        String username = Accounts.register(server, "jade");
        String key = Notes.uniqueKey("xss");
        String title = "<img src=x onerror=alert(1)>";
        String comment = "<script>alert('comment')</script>";
        Browser writer = browsers.open("writer", server.baseUri());
        Browser reader = browsers.open("reader", server.baseUri());
        writer.logIn(username);
        reader.open("/");
        reader.until(attributeToBe(By.id("liveStatus"), "data-state", "live"));

        writer.open("/note/add");
        writer.find("#noteForm\\:key").sendKeys(key);
        writer.find("#noteForm\\:title").sendKeys(title);
        writer.find("#noteForm\\:save").click();
        writer.until(titleIs(title));
        writer.until(attributeToBe(By.id("liveStatus"), "data-state", "live"));
        writer.find("#commentForm textarea").sendKeys(comment);
        writer.find("#commentForm input[type=submit]").click();
        writer.until(numberOfElementsToBe(By.cssSelector("#comments li.comment"), 1));

        By link = By.cssSelector("#notes a.note-link[data-key='" + key + "']");
        reader.until(visibilityOfElementLocated(link));
        assertThat(reader.driver().findElement(link).getText()).as("live, on the home page").isEqualTo(title);
        reader.open("/note/view?key=" + key);
        assertThat(reader.find("h1.page-title").getText()).as("after a reload").isEqualTo(title);
        assertThat(reader.find("#comments .comment-text").getText()).isEqualTo(comment);
        for (Browser browser : List.of(writer, reader)) {
            assertThat(browser.findAll("#note img, #comments img, #notes img")).isEmpty();
            // The layout's files (colour mode, menu, local times, live updates), none inline, none from a user.
            assertThat(((JavascriptExecutor) browser.driver()).executeScript(
                    "return [...document.scripts].map((s) => s.src && new URL(s.src).pathname);"))
                    .as("only the application's own scripts").asList()
                    .containsExactlyInAnyOrder("/resources/js/colour-mode.js", "/resources/js/nav-toggle.js",
                            "/resources/js/local-time.js", "/resources/js/live.js");
            assertThat(browser.consoleProblems()).isEmpty();
        }
    }

    /**
     * What makes the empty console above mean something: the pages run under Trusted Types, so a
     * string assigned to an HTML sink is refused, and the refusal is reported on the console.
     */
    @Test
    void theBrowserRefusesAStringAssignedToAnHtmlSink(LibertyServer server) {
        Browser browser = browsers.open("browser", server.baseUri());
        browser.open("/");
        browser.until(attributeToBe(By.id("liveStatus"), "data-state", "live"));
        assertThat(browser.consoleProblems()).isEmpty();

        Object outcome = ((JavascriptExecutor) browser.driver()).executeScript(
                "try { document.createElement('div').innerHTML = '<b>injected</b>'; return 'assigned'; }"
                        + " catch (refused) { return refused.name; }");

        assertThat(outcome).isEqualTo("TypeError");
        assertThat(browser.consoleProblems()).anySatisfy(problem -> assertThat(problem).contains("TrustedHTML"));
    }

    @Test
    void anUnknownNoteIsA404Page(LibertyServer server) {
        Browser browser = browsers.open("browser", server.baseUri());
        browser.open("/note/view?key=" + Notes.uniqueKey("missing"));
        assertThat(browser.driver().getTitle()).isEqualTo("Page not found");
        assertThat(browser.find("#errorMessage").getText()).contains("does not exist");
        assertThat(browser.driver().getPageSource()).doesNotContain("Exception");
    }
}
