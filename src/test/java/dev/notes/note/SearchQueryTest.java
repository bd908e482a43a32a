package dev.notes.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void wordsAreLetterAndDigitRunsInLowerCaseEachOnce() {
        SearchQuery query = SearchQuery.of("  Milk, EGGS & milk; 2 kg / Crème-brûlée ", null);
        assertThat(query.words()).containsExactly("milk", "eggs", "2", "kg", "crème", "brûlée");
        assertThat(query.author()).isNull();
    }

    @Test
    void wildcardsAndOperatorsNeverReachAWord() {
        assertThat(SearchQuery.of("50% off_ !not & (a | b):* \\", "alice").words())
                .containsExactly("50", "off", "not", "a", "b")
                .allMatch(word -> word.matches("[\\p{L}\\p{N}]+"));
    }

    @Test
    void wordsBeyondTheMostAreIgnored() {
        assertThat(SearchQuery.of("a b c d e f g h i j", null).words()).hasSize(SearchQuery.MAX_WORDS);
    }

    @Test
    void nothingToSearchForIsAnEmptyQuery() {
        assertThat(SearchQuery.of(null, null).isEmpty()).isTrue();
        assertThat(SearchQuery.of(" ,;- ", null).isEmpty()).isTrue();
    }

    @Test
    void aTextLongerThanTheSearchBoxAllowsIsRefused() {
        assertThat(SearchQuery.of("x".repeat(SearchQuery.MAX_LENGTH), null).words()).hasSize(1);
        assertThatThrownBy(() -> SearchQuery.of("x".repeat(SearchQuery.MAX_LENGTH + 1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
