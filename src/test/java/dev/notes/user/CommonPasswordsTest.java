package dev.notes.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CommonPasswordsTest {

    @Test
    void theBundledListHoldsTheLongPasswordsOfTheBreachCompilation() {
        CommonPasswords bundled = CommonPasswords.bundled();
        assertThat(bundled.size()).isBetween(40_000, 50_000);
        assertThat(bundled.contains("password1234")).isTrue();
        assertThat(bundled.contains("qwertyuiopasdfghjklzxcvbnm")).isTrue();
        assertThat(bundled.contains("correct horse battery")).isFalse();
        assertThat(bundled.contains("admin-password-for-tests")).as("the tests' first user").isFalse();
    }

    @Test
    void theBundledListHoldsNothingTheLengthRuleRefusesAnyway() {
        CommonPasswords bundled = CommonPasswords.bundled();
        assertThat(bundled.contains("password")).isFalse();
        assertThat(bundled.contains("123456")).isFalse();
    }

    @Test
    void matchingIgnoresCaseAndSurroundingSpaces() throws IOException {
        CommonPasswords list = CommonPasswords.read(gzip("Password1234\nqwerty123456\n\n"));
        assertThat(list.contains("password1234")).isTrue();
        assertThat(list.contains("PASSWORD1234")).isTrue();
        assertThat(list.contains("  qwerty123456\t")).isTrue();
        assertThat(list.contains("password12345")).isFalse();
        assertThat(list.contains("pass word1234")).isFalse();
        assertThat(list.contains("")).as("the empty line is no entry").isFalse();
        assertThat(list.contains(null)).isFalse();
        assertThat(list.size()).isEqualTo(2);
    }

    @Test
    void duplicatesDifferingInCaseAreOneEntry() throws IOException {
        assertThat(CommonPasswords.read(gzip("Dragon123456\ndragon123456\nDRAGON123456\n")).size()).isEqualTo(1);
    }

    private static ByteArrayInputStream gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
