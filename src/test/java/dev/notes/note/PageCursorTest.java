package dev.notes.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @ParameterizedTest
    @ValueSource(strings = {"groceries", "", "quote \" & <tag> ?=#%", "ünïcödé ✓ 𝄞 日本", "a.b.c"})
    void encodingThenParsingGivesTheSameCursor(String sortTitle) {
        PageCursor cursor = new PageCursor(sortTitle, "key.with_all~chars-1");
        String encoded = cursor.encode();
        assertThat(encoded).as("URL-safe as it is").matches("[A-Za-z0-9._~-]*");
        assertThat(PageCursor.parse(encoded)).isEqualTo(cursor);
    }

    @Test
    void theKeyStaysReadable() {
        assertThat(new PageCursor("a", "shopping").encode()).isEqualTo("YQ.shopping");
    }

    @Test
    void theLongestTitleFits() {
        PageCursor longest = new PageCursor("日".repeat(PageCursor.SORT_TITLE_MAX), "k".repeat(NoteDraft.KEY_MAX));
        assertThat(longest.encode()).hasSizeLessThanOrEqualTo(PageCursor.MAX_LENGTH);
        assertThat(PageCursor.parse(longest.encode())).isEqualTo(longest);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "no-dot", ".", "YQ.", "YQ.bad key", "YQ.bad/key", "Y+Q.k", "YQ==.k", "%.k",
            "_w.k" /* bytes ff c0: not UTF-8 */})
    void anythingElseIsRefused(String text) {
        assertThatThrownBy(() -> PageCursor.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tooLongIsRefusedBeforeDecoding() {
        assertThatThrownBy(() -> PageCursor.parse("A".repeat(PageCursor.MAX_LENGTH) + ".k"))
                .isInstanceOf(IllegalArgumentException.class);
        String tooLongTitle = new PageCursor("a".repeat(PageCursor.SORT_TITLE_MAX + 1), "k").encode();
        assertThatThrownBy(() -> PageCursor.parse(tooLongTitle)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyLongerThanAnyNoteKeyIsRefused() {
        assertThatThrownBy(() -> PageCursor.parse("YQ." + "k".repeat(NoteDraft.KEY_MAX + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
