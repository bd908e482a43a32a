package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.notes.it.support.Accessibility;
import dev.notes.it.support.Accounts;
import dev.notes.it.support.Browser;
import dev.notes.it.support.BrowserEvidence;
import dev.notes.it.support.Comments;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.Screen;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * axe-core finds no serious or critical WCAG 2.2 AA violation on any page: logged out, logged in
 * and as the administrator; in the light and the dark colour scheme; on a desktop and on a phone
 * with the menu open; with forms showing their errors; and after live changes have rewritten parts
 * of a page. Live changes are announced to screen readers politely, and the live badge says what
 * it is about.
 */
@ExtendWith(NotesServer.class)
class AccessibilityBrowserIT {

    private static final String LIVE = "data-state";

    @RegisterExtension
    final BrowserEvidence browsers = new BrowserEvidence();

    @Test
    void noPageHasASeriousViolationInEitherColourScheme(LibertyServer server) {
        var author = Accounts.newUser(server, "axe");
        String key = Notes.uniqueKey("axe");
        Notes.create(author.client(), key, "Accessible note", """
                Some *emphasis*, **strong**, ~~struck~~, `code` and [a link](https://example.org).

                - a list
                - of items

                | a | table |
                |---|-------|
                | 1 | 2     |
                """);
        Comments.add(author.client(), key, "A comment with https://example.org/a link");
        var other = Accounts.newUser(server, "other");
        String othersKey = Notes.uniqueKey("others");
        Notes.create(other.client(), othersKey, "Someone else's", "text");
        Comments.add(other.client(), key, "Someone else's comment");

        List<String> anonymousPages = List.of("/", "/note/search?q=accessible", "/note/search?q=nothing-matches-this",
                "/note/view?key=" + key, "/user/login", "/user/register", "/note/view?key=no-such-note",
                "/?after=garbage", "/note/search?q=x&page=abc", "/error/too-large.html", "/error/unavailable.html");
        List<String> authorsPages = List.of("/", "/note/search?q=accessible&mine=1", "/note/view?key=" + key,
                "/note/view?key=" + othersKey, "/note/add", "/note/edit?key=" + key, "/note/delete?key=" + key,
                "/user/account", "/user/delete", "/note/edit?key=" + othersKey);

        Browser browser = browsers.open("browser", server.baseUri());
        Browser administrator = browsers.open("administrator", server.baseUri());
        administrator.logIn(NotesServer.ADMINISTRATOR, NotesServer.ADMINISTRATOR_PASSWORD);
        for (String scheme : List.of("light", "dark")) {
            Screen.colourScheme(browser, scheme);
            Screen.colourScheme(administrator, scheme);
            browser.driver().manage().deleteAllCookies();
            for (String page : anonymousPages) {
                check(browser, page, scheme + ", logged out");
            }
            formsWithErrors(browser, scheme);

            browser.logIn(author.username());
            for (String page : authorsPages) {
                check(browser, page, scheme + ", logged in");
            }
            browser.open("/note/add");
            browser.find("#noteForm\\:body").sendKeys("A *preview* with [a link](https://example.org)");
            browser.find("#previewButton").click();
            browser.until(visibilityOfElementLocated(By.cssSelector("#notePreview em")));
            Accessibility.assertNoSeriousViolations(browser, scheme + ", the add page with its preview");
            submit(browser, "#noteForm\\:save");
            Accessibility.assertNoSeriousViolations(browser, scheme + ", the add page with errors");
            assertDescribedByItsMessage(browser, "noteForm:key", "");
            assertThat(browser.find("#noteForm\\:body").getAttribute("aria-describedby")).as("the body, valid")
                    .isEqualTo("markdownHelp");
            browser.open("/note/edit?key=" + key).submitExpired("noteForm", "noteForm:save");
            Accessibility.assertNoSeriousViolations(browser, scheme + ", the page-expired page");

            Screen.phone(browser, 390);
            browser.open("/note/view?key=" + key);
            browser.until(elementToBeClickable(By.cssSelector("header .navbar-toggler"))).click();
            browser.until(visibilityOfElementLocated(By.id("accountLink")));
            Accessibility.assertNoSeriousViolations(browser, scheme + ", a phone with the menu open");
            Screen.desktop(browser, 1280);

            check(administrator, "/admin/users", scheme + ", administrator");
            check(administrator, "/admin/users?q=" + other.username(), scheme + ", administrator");
        }
        assertThat(administrator.consoleProblems()).isEmpty();
    }

    @Test
    void liveChangesStayAccessibleAndAreAnnouncedPolitely(LibertyServer server) {
        var author = Accounts.newUser(server, "speaker");
        var commenter = Accounts.newUser(server, "commenter");
        String key = Notes.uniqueKey("announced");
        Notes.create(author.client(), key, "Announced", "text");
        Browser reader = browsers.open("reader", server.baseUri());
        reader.logIn(author.username());

        reader.open("/note/view?key=" + key);
        reader.until(attributeToBe(By.id("liveStatus"), LIVE, "live"));
        assertThat(reader.find("#liveStatus").getAttribute("role")).isEqualTo("status");
        assertThat(reader.find("#liveStatus").getAttribute("textContent")).isEqualTo("Live updates: live");
        String announcement = "#liveAnnouncement";
        assertThat(reader.find(announcement).getAttribute("role")).isEqualTo("status");
        assertThat(reader.find(announcement).getAttribute("textContent")).isEmpty();

        Comments.add(commenter.client(), key, "Heard?");
        reader.until(numberOfElementsToBe(By.cssSelector("#comments li.comment"), 1));
        reader.until(d -> ("New comment by " + Accounts.displayNameOf(commenter.username()))
                .equals(reader.find(announcement).getAttribute("textContent")));
        Accessibility.assertNoSeriousViolations(reader, "a note page after a live comment");

        // One's own comment is confirmed by the form; it is not announced as news.
        reader.find("#commentForm textarea").sendKeys("Mine");
        reader.find("#commentForm input[type=submit]").click();
        reader.until(numberOfElementsToBe(By.cssSelector("#comments li.comment"), 2));
        reader.until(d -> "Your comment is added".equals(reader.find(announcement).getAttribute("textContent")));

        Browser home = browsers.open("home", server.baseUri());
        home.open("/");
        home.until(attributeToBe(By.id("liveStatus"), LIVE, "live"));
        String newKey = Notes.uniqueKey("arrived");
        // First in the list by its title, so it joins the first page where the reader is.
        Notes.create(commenter.client(), newKey, "AAAA arrived while reading", "");
        home.until(visibilityOfElementLocated(By.cssSelector("#notes a.note-link[data-key='" + newKey + "']")));
        home.until(d -> "New note: AAAA arrived while reading".equals(home.find(announcement).getAttribute("textContent")));
        Accessibility.assertNoSeriousViolations(home, "the home page after a live note");

        Browser editor = browsers.open("editor", server.baseUri());
        editor.logIn(author.username());
        editor.open("/note/edit?key=" + key);
        editor.until(attributeToBe(By.id("liveStatus"), LIVE, "live"));
        author.client().get("/note/edit?key=" + key).form("noteForm").set("title", "Announced, edited").press("save");
        editor.until(visibilityOfElementLocated(By.id("liveNotice")));
        Accessibility.assertNoSeriousViolations(editor, "the edit page after the note changed elsewhere");

        author.client().get("/note/delete?key=" + key).form("deleteForm").press("confirm");
        reader.until(visibilityOfElementLocated(By.id("noteGone")));
        Accessibility.assertNoSeriousViolations(reader, "a note page after its note was deleted");
        assertThat(reader.consoleProblems()).isEmpty();
        assertThat(home.consoleProblems()).isEmpty();
    }

    @Test
    void theKeyboardSkipsTheHeaderAndEveryStopShowsItsFocus(LibertyServer server) {
        var author = Accounts.newUser(server, "keys");
        String key = Notes.uniqueKey("keys");
        Notes.create(author.client(), key, "Reached by keys", "A [link](https://example.org) in the text.");
        Comments.add(author.client(), key, "A comment, with https://example.org/a link");
        Browser browser = browsers.open("keyboard", server.baseUri());
        browser.logIn(author.username());
        browser.open("/note/view?key=" + key);
        browser.until(attributeToBe(By.id("liveStatus"), LIVE, "live"));
        assertThat(browser.findAll("[tabindex]:not([tabindex='-1']):not([tabindex='0'])"))
                .as("no positive tabindex reorders the stops").isEmpty();

        Actions keyboard = new Actions(browser.driver());
        keyboard.sendKeys(Keys.TAB).perform();
        Map<String, Object> first = focused(browser);
        assertThat(first).containsEntry("id", "skipLink").containsEntry("focusShows", true);
        assertThat(browser.find("#skipLink").getRect().getHeight()).isGreaterThanOrEqualTo(Screen.TOUCH_TARGET_PIXELS);
        keyboard.sendKeys(Keys.ENTER).perform();
        assertThat(focused(browser)).as("focus after the skip link").containsEntry("id", "content");

        List<Map<String, Object>> stops = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keyboard.sendKeys(Keys.TAB).perform();
            Map<String, Object> stop = focused(browser);
            if (!Boolean.TRUE.equals(stop.get("inMain"))) {
                break;
            }
            stops.add(stop);
        }
        assertThat(stops).as("the note page's stops, in order").extracting(stop -> stop.get("name"))
                .containsSubsequence("a:https://example.org", "a#editLink", "a#deleteLink", "textarea#commentForm:text",
                        "input#commentForm:add", "button:Delete", "a:https://example.org/a");
        assertThat(stops).as("stops whose focus does not show").allSatisfy(stop ->
                assertThat(stop.get("focusShows")).as("%s", stop.get("name")).isEqualTo(true));
        assertThat(browser.consoleProblems()).isEmpty();
    }

    /**
     * The focused element: its id, a name for messages ("tag#id", or "tag:text" without an id),
     * whether it is inside the main content, and whether its focus shows (an outline or a shadow).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> focused(Browser browser) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const e = document.activeElement;
                const style = getComputedStyle(e);
                const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
                const text = (e.getAttribute('href')?.startsWith('http') ? e.getAttribute('href') : e.textContent).trim();
                return {
                    id: e.id,
                    name: e.tagName.toLowerCase() + (e.id ? '#' + e.id : ':' + (text || e.value || '').slice(0, 40)),
                    inMain: e.closest('main') !== null && e.tagName !== 'MAIN',
                    focusShows: outline || style.boxShadow !== 'none',
                };
                """);
    }

    /** The login and registration forms refused: their errors are tied to their fields. */
    private static void formsWithErrors(Browser browser, String scheme) {
        browser.open("/user/login");
        browser.find("#loginForm\\:username").sendKeys("nobody-" + scheme);
        browser.find("#loginForm\\:password").sendKeys("wrong password");
        browser.find("#loginForm\\:login").click();
        browser.until(visibilityOfElementLocated(By.cssSelector("#messages .alert, #loginForm .invalid-feedback")));
        Accessibility.assertNoSeriousViolations(browser, scheme + ", a refused login");

        browser.open("/user/register");
        browser.find("#registerForm\\:username").sendKeys("x");
        submit(browser, "#registerForm\\:register");
        Accessibility.assertNoSeriousViolations(browser, scheme + ", a refused registration");
        assertDescribedByItsMessage(browser, "registerForm:username", "3 to 40");
        assertDescribedByItsMessage(browser, "registerForm:password", "");

        // The username corrected, the passwords still missing: only those stay refused.
        browser.find("#registerForm\\:username").clear();
        browser.find("#registerForm\\:username").sendKeys(Accounts.uniqueName("axe"));
        submit(browser, "#registerForm\\:register");
        assertThat(browser.find("#registerForm\\:username").getAttribute("aria-describedby")).isNull();
        assertDescribedByItsMessage(browser, "registerForm:password", "");
    }

    /** Presses the button and waits for the page that answers. */
    private static void submit(Browser browser, String button) {
        WebElement pressed = browser.find(button);
        pressed.click();
        browser.until(stalenessOf(pressed));
        browser.until(visibilityOfElementLocated(By.cssSelector("h1")));
    }

    /**
     * The field is marked invalid and described by the message beside it, which says {@code saying}
     * (and something, whatever it says, for an empty {@code saying}).
     */
    private static void assertDescribedByItsMessage(Browser browser, String fieldId, String saying) {
        WebElement field = browser.driver().findElement(By.id(fieldId));
        assertThat(field.getAttribute("aria-invalid")).as("%s aria-invalid", fieldId).isEqualTo("true");
        String describedBy = field.getAttribute("aria-describedby");
        assertThat(describedBy).as("%s aria-describedby", fieldId).isEqualTo(fieldId + "Message");
        assertThat(browser.driver().findElement(By.id(describedBy)).getText()).isNotBlank().contains(saying);
    }

    /** Opens the page, waits for it to be live where it goes live, and runs axe-core on it. */
    private static void check(Browser browser, String path, String description) {
        browser.open(path);
        if (!browser.findAll("[data-live-topic]").isEmpty()) {
            browser.until(attributeToBe(By.id("liveStatus"), LIVE, "live"));
        }
        if (path.endsWith(".html")) {
            assertThat(browser.driver().getTitle()).as("the static page %s itself", path)
                    .isIn("Too large to accept", "Temporarily unavailable");
        }
        Accessibility.assertNoSeriousViolations(browser, description + ", " + browser.driver().getTitle());
    }
}
