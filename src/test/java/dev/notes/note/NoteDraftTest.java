package dev.notes.note;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.EnglishValidator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoteDraftTest {

    private static final String KEY_LENGTH = "A key is 1 to 100 characters long.";
    private static final String KEY_CHARACTERS =
            "A key may contain only letters, digits and the characters . _ ~ - (no spaces).";

    private static final Validator validator = EnglishValidator.get();

    private static List<String> messages(NoteDraft draft, String property) {
        return validator.validateProperty(draft, property).stream().map(ConstraintViolation::getMessage).sorted().toList();
    }

    private static NoteDraft valid() {
        return new NoteDraft("my-note", "My note", "Some text");
    }

    @Test
    void aCompleteDraftIsValid() {
        assertThat(validator.validate(valid())).isEmpty();
    }

    @Test
    void theLimitsAreThoseOfTheDatabaseColumns() {
        assertThat(NoteDraft.KEY_MAX).isEqualTo(100);
        assertThat(NoteDraft.TITLE_MAX).isEqualTo(255);
        assertThat(NoteDraft.BODY_MAX).isEqualTo(100_000);
    }

    // --- key

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "0", "abc-DEF_123.x~y", "...", "~", "-_-"})
    void keysOfUnreservedCharactersAreValid(String key) {
        NoteDraft draft = valid();
        draft.setKey(key);
        assertThat(messages(draft, "key")).isEmpty();
    }

    @Test
    void aKeyOfExactly100CharactersIsValid() {
        NoteDraft draft = valid();
        draft.setKey("k".repeat(100));
        assertThat(messages(draft, "key")).isEmpty();
    }

    @Test
    void aKeyOf101CharactersIsTooLong() {
        NoteDraft draft = valid();
        draft.setKey("k".repeat(101));
        assertThat(messages(draft, "key")).containsExactly(KEY_LENGTH);
    }

    @Test
    void aMissingKeyIsReported() {
        NoteDraft draft = valid();
        draft.setKey(null);
        assertThat(messages(draft, "key")).containsExactly("Please enter a key.");
    }

    @Test
    void anEmptyKeyIsTooShort() {
        NoteDraft draft = valid();
        draft.setKey("");
        assertThat(messages(draft, "key")).containsExactly(KEY_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", " a", "a/b", "a?b", "a#b", "a%20b", "a&b", "a+b", "ä", "a\tb", "a\nb", "<b>", "a:b",
        "a'b", "a\"b"})
    void keysWithOtherCharactersAreRefused(String key) {
        NoteDraft draft = valid();
        draft.setKey(key);
        assertThat(messages(draft, "key")).containsExactly(KEY_CHARACTERS);
    }

    @Test
    void aTooLongKeyWithBadCharactersGetsBothMessages() {
        NoteDraft draft = valid();
        draft.setKey(" ".repeat(101));
        assertThat(messages(draft, "key")).containsExactly(KEY_LENGTH, KEY_CHARACTERS);
    }

    // --- title

    @Test
    void aMissingTitleIsReported() {
        NoteDraft draft = valid();
        draft.setTitle(null);
        assertThat(messages(draft, "title")).containsExactly("Please enter a title.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   \t\n"})
    void aBlankTitleIsReported(String title) {
        NoteDraft draft = valid();
        draft.setTitle(title);
        assertThat(messages(draft, "title")).containsExactly("Please enter a title.");
    }

    @Test
    void aTitleMayHaveAnyCharacters() {
        NoteDraft draft = valid();
        draft.setTitle("Ünïcödé / spaces & <markup> ?#%");
        assertThat(messages(draft, "title")).isEmpty();
    }

    @Test
    void aTitleOf255CharactersIsValidAnd256IsTooLong() {
        NoteDraft draft = valid();
        draft.setTitle("t".repeat(255));
        assertThat(messages(draft, "title")).isEmpty();

        draft.setTitle("t".repeat(256));
        assertThat(messages(draft, "title")).containsExactly("A title is at most 255 characters long.");
    }

    // --- body

    @Test
    void anEmptyBodyIsValid() {
        NoteDraft draft = valid();
        draft.setBody("");
        assertThat(messages(draft, "body")).isEmpty();
    }

    @Test
    void settingANullBodyMakesItEmpty() {
        NoteDraft draft = valid();
        draft.setBody(null);
        assertThat(draft.getBody()).isEmpty();
        assertThat(messages(draft, "body")).isEmpty();
    }

    @Test
    void aNewDraftHasAnEmptyBody() {
        assertThat(new NoteDraft().getBody()).isEmpty();
    }

    @Test
    void aBodyOf100000CharactersIsValidAnd100001IsTooLong() {
        NoteDraft draft = valid();
        draft.setBody("b".repeat(100_000));
        assertThat(messages(draft, "body")).isEmpty();

        draft.setBody("b".repeat(100_001));
        assertThat(messages(draft, "body")).containsExactly("The text is at most 100000 characters long.");
    }

    @Test
    void aNullBodyPassedToTheConstructorBecomesEmpty() {
        NoteDraft draft = new NoteDraft("k", "t", null);
        assertThat(draft.getBody()).isEmpty();
        assertThat(validator.validate(draft)).isEmpty();
    }

    // --- the whole draft

    @Test
    void anEmptyDraftReportsKeyAndTitle() {
        Set<ConstraintViolation<NoteDraft>> violations = validator.validate(new NoteDraft());
        assertThat(violations).extracting(v -> v.getPropertyPath().toString() + ": " + v.getMessage())
                .containsExactlyInAnyOrder("key: Please enter a key.", "title: Please enter a title.");
    }
}
