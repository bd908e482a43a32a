package dev.notes.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a browser's screen and settings look like to the page, set through Chromium's DevTools
 * emulation (the page cannot tell): a phone's or a desktop's width, the reader's colour scheme and
 * time zone. Also the measurements the layout tests make: sideways scrolling and touch targets.
 */
public final class Screen {

    /** The least width and height of a control for touch (WCAG 2.2, 2.5.8 "Target Size (Minimum)"). */
    public static final int TOUCH_TARGET_PIXELS = 24;

    private Screen() {
    }

    /** A phone {@code width} CSS pixels wide: the viewport meta tag applies, as on a phone. */
    public static void phone(Browser browser, int width) {
        cdp(browser, "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 800, "deviceScaleFactor", 2, "mobile", true));
    }

    /** A desktop window {@code width} CSS pixels wide. */
    public static void desktop(Browser browser, int width) {
        cdp(browser, "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
    }

    /** The reader prefers this colour scheme ({@code "dark"} or {@code "light"}), from the next page on and at once. */
    public static void colourScheme(Browser browser, String scheme) {
        cdp(browser, "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** The reader's time zone, an IANA name such as {@code Asia/Kolkata}. */
    public static void timeZone(Browser browser, String zone) {
        cdp(browser, "Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
    }

    /** Whether the page is wider than its window, so that it scrolls sideways. */
    public static boolean scrollsSideways(Browser browser) {
        return (Boolean) script(browser,
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    }

    /**
     * How much wider than its window the page is, and what sticks out first (not counting what a box
     * that scrolls or clips holds), for a failure's message.
     */
    public static String overflow(Browser browser) {
        return (String) script(browser, """
                const width = document.documentElement.clientWidth;
                const clipped = (e) => [...ancestors(e.parentElement)].some((a) => getComputedStyle(a).overflowX !== 'visible');
                function* ancestors(e) {
                    for (let a = e; a && a !== document.body; a = a.parentElement) {
                        yield a;
                    }
                }
                const wide = [...document.querySelectorAll('body *')]
                    .find((e) => e.getBoundingClientRect().right > width + 0.5 && !clipped(e));
                return `${document.documentElement.scrollWidth} px in a ${width} px window`
                    + (wide ? `, first ${wide.tagName.toLowerCase()}#${wide.id}.${wide.className}` : '');
                """);
    }

    /**
     * The visible controls smaller than {@link #TOUCH_TARGET_PIXELS} either way, described; links
     * within running text are exempt (as in WCAG), the header's and the lists' links are not.
     */
    @SuppressWarnings("unchecked")
    public static List<String> smallTouchTargets(Browser browser) {
        return (List<String>) script(browser, """
                const least = arguments[0];
                const controls = 'button, input:not([type=hidden]), select, textarea, a.btn, a.nav-link, '
                    + 'a.navbar-brand, a.page-link, a.note-link';
                return [...document.querySelectorAll(controls)]
                    .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
                    .map((e) => [e, e.getBoundingClientRect()])
                    .filter(([, box]) => box.width < least || box.height < least)
                    .map(([e, box]) => `${e.tagName.toLowerCase()}#${e.id}.${e.className} "${e.textContent.trim()}" `
                        + `${Math.round(box.width)}x${Math.round(box.height)}`);
                """, TOUCH_TARGET_PIXELS);
    }

    /** Asserts that the page on screen does not scroll sideways. */
    public static void assertNoSidewaysScrolling(Browser browser, String description) {
        assertThat(scrollsSideways(browser)).as("%s scrolls sideways: %s", description, overflow(browser)).isFalse();
    }

    private static Object script(Browser browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }

    private static void cdp(Browser browser, String command, Map<String, Object> parameters) {
        ((ChromeDriver) browser.driver()).executeCdpCommand(command, parameters);
    }
}
