package dev.notes.it.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The browsers of a test: opened through {@link #open}, closed after the test. When the test fails,
 * a screenshot and the page source of each are saved under {@code target/browser-failures/} first,
 * and the failure names the files. Register with {@code @RegisterExtension}.
 */
public final class BrowserEvidence implements TestExecutionExceptionHandler, AfterEachCallback {

    private final Map<String, Browser> browsers = new LinkedHashMap<>();

    /** A new browser (its own profile) called {@code name} in the evidence. */
    public Browser open(String name, URI base) {
        Browser browser = new Browser(base);
        browsers.put(name, browser);
        return browser;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        StringBuilder evidence = new StringBuilder();
        for (var entry : browsers.entrySet()) {
            String name = context.getRequiredTestMethod().getName() + "-" + entry.getKey();
            evidence.append("\n  ").append(entry.getKey()).append(": ").append(entry.getValue().saveEvidence(name));
        }
        if (evidence.isEmpty()) {
            throw failure;
        }
        throw new AssertionError(failure.getMessage() + "\nBrowser evidence:" + evidence, failure);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        browsers.values().forEach(Browser::close);
        browsers.clear();
    }
}
