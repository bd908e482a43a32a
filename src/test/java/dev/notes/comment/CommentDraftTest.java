package dev.notes.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.EnglishValidator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommentDraftTest {

    private static final Validator validator = EnglishValidator.get();

    private static List<String> messages(String text) {
        return validator.validate(new CommentDraft(text)).stream()
                .peek(v -> assertThat(v.getPropertyPath()).hasToString("text"))
                .map(ConstraintViolation::getMessage).toList();
    }

    @Test
    void theLimitIsThatOfTheDatabaseColumn() {
        assertThat(CommentDraft.TEXT_MAX).isEqualTo(1024);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "Nice note!", "  padded  ", "<script>alert(1)</script>", "multi\nline"})
    void nonBlankTextIsValid(String text) {
        assertThat(messages(text)).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t", "\n \r\n"})
    void missingOrBlankTextIsRefused(String text) {
        assertThat(messages(text)).containsExactly("Please write a comment.");
    }

    @Test
    void textOf1024CharactersIsValid() {
        assertThat(messages("c".repeat(1024))).isEmpty();
    }

    @Test
    void textOf1025CharactersIsTooLong() {
        assertThat(messages("c".repeat(1025))).containsExactly("A comment is at most 1024 characters long.");
    }

    @Test
    void aNewDraftIsEmptyAndInvalid() {
        CommentDraft draft = new CommentDraft();
        assertThat(draft.getText()).isNull();
        assertThat(validator.validate(draft)).extracting(ConstraintViolation::getMessage)
                .containsExactly("Please write a comment.");
        draft.setText("hello");
        assertThat(draft.getText()).isEqualTo("hello");
        assertThat(validator.validate(draft)).isEmpty();
    }
}
