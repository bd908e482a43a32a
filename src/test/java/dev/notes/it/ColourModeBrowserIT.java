package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Browser;
import dev.notes.it.support.BrowserEvidence;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.Screen;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Dark mode follows the reader's {@code prefers-color-scheme} (Chromium's emulated media): Bootstrap's
 * {@code data-bs-theme} on {@code <html>} is set before the body is parsed, so nothing is ever painted
 * light first, and it follows a change of the preference on an open page.
 */
@ExtendWith(NotesServer.class)
class ColourModeBrowserIT {

    /** Bootstrap's body background in each mode. */
    private static final String DARK_BODY = "rgb(33, 37, 41)";
    private static final String LIGHT_BODY = "rgb(255, 255, 255)";

    @RegisterExtension
    final BrowserEvidence browsers = new BrowserEvidence();

    @Test
    void aDarkPreferenceGivesDarkPagesFromTheFirstPaintAndAChangeIsFollowed(LibertyServer server) {
        Browser browser = browsers.open("browser", server.baseUri());
        browser.logIn(Accounts.register(server, "dusk"));
        recordWhenTheModeIsSet(browser);
        Screen.colourScheme(browser, "dark");

        for (String page : new String[] {"/", "/user/account", "/note/view?key=no-such-note"}) {
            browser.open(page);
            assertThat(theme(browser)).as("%s: data-bs-theme", page).isEqualTo("dark");
            assertThat(script(browser, "return window.__notesModeSetBeforeBody;"))
                    .as("%s: the mode was set before the body existed", page).isEqualTo(true);
            assertThat(background(browser, "body")).as("%s: the page's background", page).isEqualTo(DARK_BODY);
        }

        Screen.colourScheme(browser, "light");
        browser.until(driver -> "light".equals(theme(browser)));
        assertThat(background(browser, "body")).isEqualTo(LIGHT_BODY);
        Screen.colourScheme(browser, "dark");
        browser.until(driver -> "dark".equals(theme(browser)));
        assertThat(browser.consoleProblems()).as("all but the 404 asked for")
                .allMatch(problem -> problem.startsWith(server.baseUri() + "note/view?key=no-such-note - "));
    }

    @Test
    void aLightPreferenceGivesLightPages(LibertyServer server) {
        Browser browser = browsers.open("browser", server.baseUri());
        Screen.colourScheme(browser, "light");
        browser.open("/");
        assertThat(theme(browser)).isEqualTo("light");
        assertThat(background(browser, "body")).isEqualTo(LIGHT_BODY);
        assertThat(browser.consoleProblems()).isEmpty();
    }

    /**
     * From the next page on, the page notes whether the body existed when data-bs-theme first
     * appeared: installed by DevTools before any of the page's scripts, so the page cannot skip it.
     */
    private static void recordWhenTheModeIsSet(Browser browser) {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                new MutationObserver((mutations, observer) => {
                    if (document.documentElement?.hasAttribute('data-bs-theme')) {
                        window.__notesModeSetBeforeBody = document.body === null;
                        observer.disconnect();
                    }
                }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-bs-theme'] });
                """));
    }

    private static String theme(Browser browser) {
        return (String) script(browser, "return document.documentElement.dataset.bsTheme ?? null;");
    }

    private static String background(Browser browser, String selector) {
        return (String) script(browser, "return getComputedStyle(document.querySelector(arguments[0])).backgroundColor;", selector);
    }

    private static Object script(Browser browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }
}
