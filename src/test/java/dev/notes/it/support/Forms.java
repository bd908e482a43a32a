package dev.notes.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Faces forms seen from outside {@link WebClient.Form}: the message a page shows next to a field,
 * and the pieces of a hand-built post (a form's action, its fields plus a pressed button) that
 * tests use to forge, replay or send a form to another client or instance.
 */
public final class Forms {

    private Forms() {
    }

    /** The message shown next to a form field (the field's id ends with ":" + field), or null. */
    public static String fieldError(WebClient.Page page, String field) {
        var input = page.document().selectFirst("form:not(#logoutForm) [id$=:" + field + "]");
        assertThat(input).as("input %s on %s", field, page.path()).isNotNull();
        var feedback = input.parent().selectFirst(".invalid-feedback");
        return feedback == null ? null : feedback.text();
    }

    /** The absolute URL the form with this id posts to, as the page rendered it. */
    public static String actionOf(WebClient.Page page, String formId) {
        return page.response().uri().resolve(page.document().getElementById(formId).attr("action")).toString();
    }

    /** A copy of the form's fields with {@code button} pressed (value "x"), for {@link WebClient#postRaw}. */
    public static Map<String, String> withButton(Map<String, String> fields, String button) {
        return withButton(fields, button, "x");
    }

    /** A copy of the form's fields with {@code button} pressed, carrying {@code value} (e.g. a comment's id). */
    public static Map<String, String> withButton(Map<String, String> fields, String button, String value) {
        var all = new LinkedHashMap<>(fields);
        all.put(button, value);
        return all;
    }
}
