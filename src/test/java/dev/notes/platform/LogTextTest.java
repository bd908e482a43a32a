package dev.notes.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogTextTest {

    @Test
    void aValueCannotForgeALogLine() {
        assertThat(LogText.quoted("alice\nINFO login outcome=success user=\"admin\""))
                .isEqualTo("\"alice?INFO login outcome=success user=?admin?\"")
                .doesNotContain("\n");
        assertThat(LogText.quoted("a\r\nb")).isEqualTo("\"a??b\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\u0000", "\t", "\u001b", "\u007f", "\u0085", // C0 and C1 controls, escape, NEL
            "\u2028", "\u2029", // line and paragraph separators
            "\u202e", "\u200b", "\u2066", "\ufeff", // right-to-left override, zero width space, isolate, BOM
            "\ud800" // a lone surrogate
    })
    void controlSeparatorAndFormattingCharactersBecomeQuestionMarks(String character) {
        assertThat(LogText.quoted("a" + character + "b")).isEqualTo("\"a?b\"");
    }

    @Test
    void ordinaryTextIsKeptAsItIs() {
        assertThat(LogText.quoted("Zoë O'Brien-Åsa 李 😀 a\\b")).isEqualTo("\"Zoë O'Brien-Åsa 李 😀 a\\b\"");
    }

    @Test
    void aLongValueIsCutShortByCharactersNotHalfCharacters() {
        assertThat(LogText.quoted("x".repeat(1_000))).isEqualTo("\"" + "x".repeat(64) + "…\"");
        assertThat(LogText.quoted("😀".repeat(65))).isEqualTo("\"" + "😀".repeat(64) + "…\"");
        assertThat(LogText.quoted("x".repeat(64))).isEqualTo("\"" + "x".repeat(64) + "\"");
    }

    @Test
    void noValueIsSaidSo() {
        assertThat(LogText.quoted(null)).isEqualTo("(none)");
        assertThat(LogText.quoted("")).isEqualTo("\"\"");
    }
}
