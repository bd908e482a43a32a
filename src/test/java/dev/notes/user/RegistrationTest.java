package dev.notes.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.EnglishValidator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationTest {

    private static final String USERNAME_RULE = "A username is 3 to 40 letters, digits or the characters . _ -";
    private static final String PASSWORD_RULE = "A password is 12 to 128 characters long.";
    private static final String COMMON = "This password is one of the most common in breached password lists, so it"
            + " would be guessed early. Please choose another.";
    private static final String NOT_AN_EMAIL = "This is not an e-mail address.";

    private static final Validator validator = EnglishValidator.get();

    private static Registration valid() {
        return new Registration("alice", "Alice Liddell", "alice@example.org", "correct horse");
    }

    private static List<String> messages(Registration registration, String property) {
        return validator.validateProperty(registration, property).stream()
                .map(ConstraintViolation::getMessage).sorted().toList();
    }

    @Test
    void aCompleteRegistrationIsValid() {
        assertThat(validator.validate(valid())).isEmpty();
    }

    @Test
    void theConstructorKeepsTheValues() {
        Registration r = valid();
        assertThat(r.getUsername()).isEqualTo("alice");
        assertThat(r.getDisplayName()).isEqualTo("Alice Liddell");
        assertThat(r.getEmail()).isEqualTo("alice@example.org");
        assertThat(r.getPassword()).isEqualTo("correct horse");
    }

    @Test
    void anEmptyRegistrationReportsEveryRequiredField() {
        assertThat(validator.validate(new Registration()))
                .extracting(v -> v.getPropertyPath() + ": " + v.getMessage())
                .containsExactlyInAnyOrder(
                        "username: Please choose a username.",
                        "displayName: Please enter the name others will see.",
                        "password: Please choose a password.");
    }

    // --- username

    @ParameterizedTest
    @ValueSource(strings = {"bob", "Alice", "a.b", "a_b", "a-b", "A1.b_c-D", "123"})
    void usernamesOfLettersDigitsAndDotUnderscoreHyphenAreValid(String username) {
        Registration r = valid();
        r.setUsername(username);
        assertThat(messages(r, "username")).isEmpty();
    }

    @Test
    void aUsernameOf40CharactersIsValidAnd41IsTooLong() {
        Registration r = valid();
        r.setUsername("u".repeat(40));
        assertThat(messages(r, "username")).isEmpty();
        r.setUsername("u".repeat(41));
        assertThat(messages(r, "username")).containsExactly(USERNAME_RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "al ice", " alice", "alice ", "al@ce", "al~ce", "älice", "a/b", "alice\n"})
    void otherUsernamesAreRefused(String username) {
        Registration r = valid();
        r.setUsername(username);
        assertThat(messages(r, "username")).containsExactly(USERNAME_RULE);
    }

    @Test
    void aMissingUsernameIsReported() {
        Registration r = valid();
        r.setUsername(null);
        assertThat(messages(r, "username")).containsExactly("Please choose a username.");
    }

    // --- display name

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "\t"})
    void aMissingOrBlankDisplayNameIsReported(String displayName) {
        Registration r = valid();
        r.setDisplayName(displayName);
        assertThat(messages(r, "displayName")).containsExactly("Please enter the name others will see.");
    }

    @Test
    void aDisplayNameOf100CharactersIsValidAnd101IsTooLong() {
        Registration r = valid();
        r.setDisplayName("D".repeat(100));
        assertThat(messages(r, "displayName")).isEmpty();
        r.setDisplayName("D".repeat(101));
        assertThat(messages(r, "displayName")).containsExactly("A display name is at most 100 characters long.");
    }

    @Test
    void aDisplayNameMayHaveSpacesAndAnyLetters() {
        Registration r = valid();
        r.setDisplayName("Zoë O'Brien-Łukasiewicz");
        assertThat(messages(r, "displayName")).isEmpty();
    }

    // --- e-mail

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {""})
    void theEmailIsOptional(String email) {
        Registration r = valid();
        r.setEmail(email);
        assertThat(messages(r, "email")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob@example.org", "first.last+tag@sub.example.co.uk", "Bob@Example.ORG"})
    void wellFormedEmailsAreValid(String email) {
        Registration r = valid();
        r.setEmail(email);
        assertThat(messages(r, "email")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice@", "@example.org", "a b@example.org", "alice@@example.org",
        "alice@exa mple.org", "x@localhost", "alice@example.org\n"})
    void malformedEmailsAreRefused(String email) {
        Registration r = valid();
        r.setEmail(email);
        assertThat(messages(r, "email")).containsExactly(NOT_AN_EMAIL);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "  Bob.Smith@Example.ORG  | Bob.Smith@example.org",
        "bob@example.org          | bob@example.org"})
    void anEmailIsNormalisedTrimmedWithItsDomainInLowerCase(String typed, String stored) {
        assertThat(Registration.normaliseEmail(typed)).isEqualTo(stored);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void aBlankEmailNormalisesToNone(String typed) {
        assertThat(Registration.normaliseEmail(typed)).isNull();
    }

    @Test
    void anEmailOf254CharactersIsValidAnd255IsTooLong() {
        Registration r = valid();
        // well-formed addresses (DNS labels of at most 63 characters) with a domain of 252 characters
        String domain = String.join(".", "d".repeat(63), "d".repeat(63), "d".repeat(63), "d".repeat(60));
        r.setEmail("l@" + domain);
        assertThat(r.getEmail()).hasSize(254);
        assertThat(messages(r, "email")).isEmpty();
        r.setEmail("ll@" + domain);
        assertThat(r.getEmail()).hasSize(255);
        assertThat(messages(r, "email")).containsExactly("An e-mail address is at most 254 characters long.");
    }

    // --- password

    /** {@code length} characters that are on no list: "pppppppppppp" is (12 times the same key). */
    private static String uncommon(int length) {
        return "Tq8 zebra lamp " .repeat(length / 15 + 1).substring(0, length);
    }

    @ParameterizedTest
    @CsvSource({"12", "13", "64", "127", "128"})
    void passwordsOf12To128CharactersAreValid(int length) {
        Registration r = valid();
        r.setPassword(uncommon(length));
        assertThat(messages(r, "password")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "8", "11", "129", "1000"})
    void shorterOrLongerPasswordsAreRefused(int length) {
        Registration r = valid();
        r.setPassword(uncommon(length));
        assertThat(messages(r, "password")).containsExactly(PASSWORD_RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "PassWord1234", "qwertyuiopasdfgh", "1qaz2wsx3edc", "iloveyoubaby",
            " password1234 ", "pppppppppppp"})
    void aCommonlyBreachedPasswordIsRefusedWhateverItsCase(String password) {
        Registration r = valid();
        r.setPassword(password);
        assertThat(messages(r, "password")).containsExactly(COMMON);
    }

    @Test
    void aShortCommonPasswordIsToldOnlyItsLength() {
        Registration r = valid();
        r.setPassword("password");
        assertThat(messages(r, "password")).containsExactly(PASSWORD_RULE);
    }

    @Test
    void aMissingPasswordIsReported() {
        Registration r = valid();
        r.setPassword(null);
        assertThat(messages(r, "password")).containsExactly("Please choose a password.");
    }

    @Test
    void aPasswordOfSpacesCountsItsCharacters() {
        Registration r = valid();
        r.setPassword(" ".repeat(12));
        assertThat(messages(r, "password")).isEmpty();
    }

    // --- normalise

    @ParameterizedTest
    @CsvSource({
        "alice, alice",
        "Alice, alice",
        "ALICE.B_C-1, alice.b_c-1",
        "'  Bob  ', bob",
        "'\tCarol\n', carol",
    })
    void normaliseTrimsAndLowerCases(String input, String expected) {
        assertThat(Registration.normalise(input)).isEqualTo(expected);
    }

    @Test
    void normaliseKeepsNullAndEmpty() {
        assertThat(Registration.normalise(null)).isNull();
        assertThat(Registration.normalise("")).isEmpty();
        assertThat(Registration.normalise("   ")).isEmpty();
    }

    @Test
    void normaliseIgnoresTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            // In Turkish, "I".toLowerCase() is a dotless "ı"; usernames must not depend on the server's locale.
            assertThat(Registration.normalise("IVAN")).isEqualTo("ivan");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
