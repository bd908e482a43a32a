package dev.notes.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium, one profile each (its own cookies, like a separate person). Uses the
 * system's Chromium and chromedriver (Debian's packages) when present, otherwise lets Selenium
 * Manager find them. Never downloads a browser in CI: {@code .ci/run} installs Debian's.
 */
public final class Browser implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);
    /**
     * How long a page may take to come back live after its server returns: its reconnect delay
     * grows to 15 s, plus up to 30 % jitter (reconnect.js), and the server must be up first.
     */
    public static final Duration RECONNECT_WAIT = Duration.ofSeconds(25);

    private static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SYSTEM_DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private URI base;

    public Browser(URI base) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("notes-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile,
                // Pages under test stay on this machine: a page of a test's server that links
                // elsewhere (the OpenID provider's sign-in form loads web fonts) reaches nothing.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        if (Files.isExecutable(SYSTEM_CHROMIUM)) {
            options.setBinary(SYSTEM_CHROMIUM.toFile());
        }
        driver = Files.isExecutable(SYSTEM_DRIVER)
                ? new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(SYSTEM_DRIVER.toFile()).build(), options)
                : new ChromeDriver(options);
    }

    public Browser open(String path) {
        driver.get(base.resolve(path.startsWith("/") ? path.substring(1) : path).toString());
        return this;
    }

    /** Points further {@link #open} calls at another instance, keeping this profile's cookies for it. */
    public Browser at(URI otherBase) {
        this.base = otherBase;
        return this;
    }

    /** Logs in through the login form as {@code username}, whose password is {@link Accounts#PASSWORD}. */
    public Browser logIn(String username) {
        return logIn(username, Accounts.PASSWORD);
    }

    /** Logs in through the login form as {@code username} with {@code password} (the administrator's, say). */
    public Browser logIn(String username, String password) {
        open("/user/login");
        find("#loginForm\\:username").sendKeys(username);
        find("#loginForm\\:password").sendKeys(password);
        find("#loginForm\\:login").click();
        until(ExpectedConditions.visibilityOfElementLocated(By.id("currentUser")));
        return this;
    }

    /**
     * Submits the page's form {@code formId} through its button {@code buttonId} with a view state
     * that no longer decodes (as after a restart without the key, or when forged), and waits for the
     * "page expired" answer. Pressed by script: where the button is on a long page is not the point.
     */
    public Browser submitExpired(String formId, String buttonId) {
        driver.executeScript("""
                document.querySelector('#' + arguments[0] + ' input[name="jakarta.faces.ViewState"]').value = 'stale-or-forged';
                document.getElementById(arguments[1]).click();
                """, formId, buttonId);
        until(d -> "This page has expired".equals(d.getTitle()));
        return this;
    }

    /** A value the current page keeps until it is reloaded: the same value later means no reload happened. */
    public Object pageMarker() {
        return ((JavascriptExecutor) driver).executeScript("return window.__notesMarker ??= Math.random();");
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * From the next page on, each page keeps a record of the WebSockets it opens and how they closed
     * ({@link #sockets()}): a wrapper of {@code WebSocket} that DevTools installs before the page's
     * own scripts run (the page's content security policy does not apply to it).
     */
    public Browser recordWebSockets() {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                (() => {
                    const Native = window.WebSocket;
                    const sockets = window.__notesSockets = [];
                    function Recorded(url, protocols) {
                        const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
                        const entry = { openedAt: Date.now(), closedAt: null, code: null };
                        sockets.push(entry);
                        socket.addEventListener('close', (closed) => {
                            entry.closedAt = Date.now();
                            entry.code = closed.code;
                        });
                        return socket;
                    }
                    Recorded.prototype = Native.prototype;
                    for (const state of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) {
                        Recorded[state] = Native[state];
                    }
                    window.WebSocket = Recorded;
                })();
                """));
        return this;
    }

    /**
     * The WebSockets the current page opened, in order, if {@link #recordWebSockets()} came first:
     * {@code openedAt}, {@code closedAt} (milliseconds since the epoch; null while open) and the
     * close {@code code}.
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> sockets() {
        return (List<Map<String, Object>>) driver.executeScript("return window.__notesSockets ?? [];");
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits (bounded) until the condition holds. */
    public <T> T until(ExpectedCondition<T> condition) {
        return until(condition, WAIT);
    }

    /** Waits until the condition holds, for as long as given. */
    public <T> T until(ExpectedCondition<T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(condition);
    }

    /** The browser console's warnings and errors so far (CSP violations, script errors). */
    public List<String> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Saves a screenshot and the page source under target/browser-failures/; returns their paths. */
    public String saveEvidence(String name) {
        Path dir = Path.of(System.getProperty("notes.target", "target"), "browser-failures");
        try {
            Files.createDirectories(dir);
            Path png = dir.resolve(name + ".png");
            Path html = dir.resolve(name + ".html");
            Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(html, driver.getPageSource());
            return png + " and " + html;
        } catch (IOException | RuntimeException e) {
            return "(no evidence saved: " + e + ")";
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
