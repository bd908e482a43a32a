package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Browser;
import dev.notes.it.support.BrowserEvidence;
import dev.notes.it.support.Comments;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.Screen;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Every page on a phone (320 and 390 px wide) and on a desktop: nothing scrolls sideways, logged
 * in or out, with the header menu closed and open; every control is large enough to touch; the
 * header's menu collapses behind its toggler on a phone, and "Log out" works from there.
 */
@ExtendWith(NotesServer.class)
class ResponsiveBrowserIT {

    private static final List<Integer> PHONE_WIDTHS = List.of(320, 390);
    private static final int DESKTOP_WIDTH = 1280;
    /** Words longer than a phone is wide, where users may type them: keys, titles, names, comments. */
    private static final String LONG_WORD = "Supercalifragilisticexpialidocious".repeat(3);

    @RegisterExtension
    final BrowserEvidence browsers = new BrowserEvidence();

    @Test
    void noPageScrollsSidewaysAndEveryControlCanBeTouched(LibertyServer server) {
        var author = Accounts.newUser(server, "wide");
        author.client().get("/user/account").form("nameForm").set("displayName", LONG_WORD.substring(0, 100))
                .press("saveName");
        String key = Notes.uniqueKey("k" + "x".repeat(80));
        Notes.create(author.client(), key, LONG_WORD + " title", "A text with a " + LONG_WORD + "\n\n"
                + "| a | table | with | many | columns | " + LONG_WORD + " |\n|---|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 | 6 |");
        Comments.add(author.client(), key, "A comment with " + LONG_WORD);
        var other = Accounts.newUser(server, "other");
        String othersKey = Notes.uniqueKey("others");
        Notes.create(other.client(), othersKey, "Someone else's", "text");

        List<String> anonymousPages = List.of("/", "/note/search?q=title", "/note/view?key=" + key,
                "/user/login", "/user/register", "/note/view?key=no-such-note");
        List<String> authorsPages = List.of("/", "/note/search?q=title&mine=1", "/note/view?key=" + key,
                "/note/add", "/note/edit?key=" + key, "/note/delete?key=" + key, "/user/account", "/user/delete",
                "/note/edit?key=" + othersKey);

        Browser browser = browsers.open("browser", server.baseUri());
        for (int width : PHONE_WIDTHS) {
            Screen.phone(browser, width);
            for (String page : anonymousPages) {
                checkOnPhone(browser, page, width + " px, logged out");
            }
        }
        Screen.desktop(browser, DESKTOP_WIDTH);
        for (String page : anonymousPages) {
            checkOnDesktop(browser, page, "desktop, logged out");
        }

        browser.logIn(author.username());
        for (int width : PHONE_WIDTHS) {
            Screen.phone(browser, width);
            for (String page : authorsPages) {
                checkOnPhone(browser, page, width + " px, logged in");
            }
            browser.open("/note/edit?key=" + key).submitExpired("noteForm", "noteForm:save");
            checkOnPhone(browser, null, width + " px, logged in");
        }
        Screen.desktop(browser, DESKTOP_WIDTH);
        for (String page : authorsPages) {
            checkOnDesktop(browser, page, "desktop, logged in");
        }

        Browser administrator = browsers.open("administrator", server.baseUri());
        administrator.logIn(NotesServer.ADMINISTRATOR, NotesServer.ADMINISTRATOR_PASSWORD);
        for (int width : PHONE_WIDTHS) {
            Screen.phone(administrator, width);
            checkOnPhone(administrator, "/admin/users?q=wide", width + " px, administrator");
        }
        Screen.desktop(administrator, DESKTOP_WIDTH);
        checkOnDesktop(administrator, "/admin/users?q=wide", "desktop, administrator");

        // The error pages come with their statuses, which the console reports; nothing else may be there.
        List<String> refused = List.of(server.baseUri() + "note/view?key=no-such-note ",
                server.baseUri() + "note/edit?key=" + othersKey + " ", server.baseUri() + "note/edit ");
        assertThat(browser.consoleProblems()).as("all but the error pages' statuses")
                .allMatch(problem -> refused.stream().anyMatch(problem::startsWith));
        assertThat(administrator.consoleProblems()).isEmpty();
    }

    @Test
    void onAPhoneTheMenuOpensFromTheTogglerAndLogsOut(LibertyServer server) {
        String username = Accounts.register(server, "toggle");
        Browser browser = browsers.open("browser", server.baseUri());
        browser.logIn(username);
        Screen.phone(browser, 390);
        browser.open("/");
        By toggler = By.cssSelector("header .navbar-toggler");
        By logOut = By.id("logoutForm:logout");

        assertThat(browser.find("header .navbar-toggler").isDisplayed()).as("the toggler on a phone").isTrue();
        assertThat(browser.find("#logoutForm\\:logout").isDisplayed()).as("Log out before the menu is opened").isFalse();
        assertThat(browser.find("header .navbar-toggler").getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.find("#liveStatus").isDisplayed()).as("the live badge, outside the menu").isTrue();

        browser.until(elementToBeClickable(toggler)).click();
        browser.until(attributeToBe(toggler, "aria-expanded", "true"));
        browser.until(visibilityOfElementLocated(By.id("accountLink")));
        Screen.assertNoSidewaysScrolling(browser, "the home page with its menu open");

        browser.find("header .navbar-toggler").click();
        browser.until(attributeToBe(toggler, "aria-expanded", "false"));
        browser.until(invisibilityOfElementLocated(logOut));

        browser.find("header .navbar-toggler").click();
        browser.until(elementToBeClickable(logOut)).click();
        browser.until(visibilityOfElementLocated(toggler)).click();
        browser.until(visibilityOfElementLocated(By.id("loginLink")));
        assertThat(browser.findAll("#currentUser")).as("logged out").isEmpty();

        Screen.desktop(browser, DESKTOP_WIDTH);
        browser.open("/");
        assertThat(browser.find("header .navbar-toggler").isDisplayed()).as("the toggler on a desktop").isFalse();
        assertThat(browser.find("#loginLink").isDisplayed()).as("the menu on a desktop").isTrue();
        assertThat(browser.consoleProblems()).isEmpty();
    }

    /** The page (or, for null, the one on screen) fits the phone with the menu closed and open, every control touchable. */
    private static void checkOnPhone(Browser browser, String path, String description) {
        if (path != null) {
            browser.open(path);
        }
        String page = description + ", " + browser.driver().getTitle() + " (" + browser.driver().getCurrentUrl() + ")";
        By toggler = By.cssSelector("header .navbar-toggler");
        assertThat(browser.find("#headerMenu").isDisplayed()).as("%s: the menu, closed", page).isFalse();
        Screen.assertNoSidewaysScrolling(browser, page);
        browser.until(elementToBeClickable(toggler)).click();
        browser.until(attributeToBe(toggler, "aria-expanded", "true"));
        Screen.assertNoSidewaysScrolling(browser, page + " with the menu open");
        assertThat(Screen.smallTouchTargets(browser)).as("%s: controls too small to touch", page).isEmpty();
    }

    private static void checkOnDesktop(Browser browser, String path, String description) {
        browser.open(path);
        String page = description + ", " + browser.driver().getTitle();
        assertThat(browser.find("#headerMenu").isDisplayed()).as("%s: the menu", page).isTrue();
        Screen.assertNoSidewaysScrolling(browser, page);
    }
}
