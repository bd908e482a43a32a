package dev.notes.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * When an Arquillian test fails, says what the Liberty server behind it saw, at the end of the
 * run, where a CI log's last lines show it: the first failure's chain of causes (the failsafe
 * report of an in-container test often holds only "Error launching test"), the server's errors
 * and warnings from {@code messages.log}, and the end of its {@code console.log} (an
 * {@code OutOfMemoryError}, a port it could not bind). Silent when everything passed.
 * <p>
 * Registered for the JUnit Platform in {@code META-INF/services}; like {@link ArquillianServers}
 * it acts only in the runs that set {@code arquillian.launch}.
 */
public final class ArquillianDiagnostics implements TestExecutionListener {

    private static final String ARQUILLIAN_TESTS = "dev.notes.it.arquillian.";
    private static final int MAX_CAUSES = 8;
    private static final int MAX_LOG_LINES = 30;

    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private final AtomicInteger failures = new AtomicInteger();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && isArquillianTest(test)) {
            failures.incrementAndGet();
            result.getThrowable().ifPresent(cause -> firstFailure.compareAndSet(null, cause));
        }
    }

    /** The H2 run runs every integration test in one JVM: only the Arquillian ones concern the server. */
    private static boolean isArquillianTest(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(method -> method.getClassName().startsWith(ARQUILLIAN_TESTS)).orElse(false);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        String qualifier = System.getProperty(ArquillianServers.LAUNCH_PROPERTY);
        String wlp = System.getProperty("notes.wlp.home");
        if (qualifier == null || wlp == null || failures.get() == 0) {
            return;
        }
        Path server = Path.of(wlp, "usr/servers", "notes-arq-" + qualifier);
        List<String> report = new ArrayList<>();
        report.add("Arquillian diagnostics (" + failures.get() + " Arquillian tests did not pass), server " + server + ":");
        report.add("  first failure, cause by cause:");
        int depth = 0;
        for (Throwable cause = firstFailure.get(); cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            report.add("    " + cause);
        }
        report.add("  bootstrap.properties: " + portLines(server.resolve("bootstrap.properties")));
        report.add("  messages.log, errors and warnings:");
        lastLines(server.resolve("logs/messages.log"), line -> line.contains(" E ") || line.contains(" W "))
                .forEach(line -> report.add("    " + line));
        report.add("  console.log, end:");
        lastLines(server.resolve("logs/console.log"), line -> true).forEach(line -> report.add("    " + line));
        System.err.println(String.join(System.lineSeparator(), report));
    }

    private static String portLines(Path bootstrap) {
        return lastLines(bootstrap, line -> line.startsWith("HTTP_")).toString();
    }

    private static List<String> lastLines(Path file, Predicate<String> wanted) {
        if (!Files.isRegularFile(file)) {
            return List.of("(no " + file.getFileName() + ")");
        }
        try {
            // ISO-8859-1 reads any byte: a diagnosis must not fail on a log's odd character.
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream().filter(wanted).toList();
            return lines.subList(Math.max(0, lines.size() - MAX_LOG_LINES), lines.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file.getFileName() + ": " + e + ")");
        }
    }
}
