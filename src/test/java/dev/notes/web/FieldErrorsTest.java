package dev.notes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    @Test
    void aRefusedFieldIsInvalidAndDescribedByItsMessage() {
        Map<String, Object> attributes = new HashMap<>();
        FieldErrors.describe(attributes, "form:titleMessage", true);
        assertThat(attributes).containsEntry("aria-invalid", "true").containsEntry("aria-describedby", "form:titleMessage");
    }

    @Test
    void whatElseDescribesTheFieldStaysAndTheMessageIsNotNamedTwice() {
        Map<String, Object> attributes = new HashMap<>(Map.of("aria-describedby", "markdownHelp"));
        FieldErrors.describe(attributes, "form:bodyMessage", true);
        FieldErrors.describe(attributes, "form:bodyMessage", true);
        assertThat(attributes).containsEntry("aria-describedby", "markdownHelp form:bodyMessage");
    }

    @Test
    void aFieldValidAgainLosesTheRefusalAndKeepsTheRest() {
        Map<String, Object> attributes = new HashMap<>(Map.of("aria-describedby", "markdownHelp"));
        FieldErrors.describe(attributes, "form:bodyMessage", true);
        FieldErrors.describe(attributes, "form:bodyMessage", false);
        assertThat(attributes).doesNotContainKey("aria-invalid").containsEntry("aria-describedby", "markdownHelp");

        Map<String, Object> alone = new HashMap<>();
        FieldErrors.describe(alone, "form:titleMessage", true);
        FieldErrors.describe(alone, "form:titleMessage", false);
        assertThat(alone).isEmpty();
    }
}
