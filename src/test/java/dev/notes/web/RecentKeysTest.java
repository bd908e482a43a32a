package dev.notes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecentKeysTest {

    @Test
    void theLastViewedComesFirst() {
        assertThat(RecentKeys.NONE.after("a").after("b").keys()).containsExactly("b", "a");
    }

    @Test
    void viewingAgainMovesToTheFrontWithoutRepeating() {
        assertThat(RecentKeys.NONE.after("a").after("b").after("a").keys()).containsExactly("a", "b");
    }

    @Test
    void viewingTheFirstAgainChangesNothing() {
        RecentKeys keys = RecentKeys.NONE.after("a").after("b");

        assertThat(keys.after("b")).isEqualTo(keys);
    }

    @Test
    void theOldestFallOffBeyondTheLimit() {
        RecentKeys keys = RecentKeys.NONE;
        for (int i = 1; i <= RecentKeys.LIMIT + 2; i++) {
            keys = keys.after("note-" + i);
        }

        assertThat(keys.keys()).hasSize(RecentKeys.LIMIT)
                .startsWith("note-" + (RecentKeys.LIMIT + 2))
                .doesNotContain("note-1", "note-2");
    }

    @Test
    void aValueCannotBeChangedInPlace() {
        RecentKeys keys = RecentKeys.NONE.after("a");

        assertThatThrownBy(() -> keys.keys().add("b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
