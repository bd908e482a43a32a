package dev.notes.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;

/**
 * axe-core (Deque's, bundled with its Selenium binding and run inside the page) on what a browser
 * shows: the rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA, of which no violation of serious or
 * critical impact may be on a page. Minor and moderate ones are reported by axe but not failed on:
 * the bar the issue sets.
 */
public final class Accessibility {

    private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private Accessibility() {
    }

    /** The serious and critical violations on the browser's page, a line each: rule, impact, element, why. */
    public static List<String> seriousViolations(Browser browser) {
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(browser.driver());
        assertThat(results.isErrored()).as("axe-core failed: %s", results.getErrorMessage()).isFalse();
        return results.getViolations().stream()
                .filter(rule -> FAILING_IMPACTS.contains(rule.getImpact()))
                .flatMap(rule -> rule.getNodes().stream().map(node -> describe(rule, node)))
                .toList();
    }

    /** Fails with every serious or critical violation on the browser's page, which {@code page} names. */
    public static void assertNoSeriousViolations(Browser browser, String page) {
        assertThat(seriousViolations(browser)).as("axe-core on %s (%s)", page, browser.driver().getCurrentUrl()).isEmpty();
    }

    private static String describe(Rule rule, CheckedNode node) {
        return rule.getId() + " (" + rule.getImpact() + ") at " + node.getTarget() + ": " + rule.getHelp()
                + " — " + node.getFailureSummary().replace('\n', ' ') + " — " + node.getHtml();
    }
}
