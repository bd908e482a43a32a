package dev.notes.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentlyViewedTest {

    private final RecentlyViewed recentlyViewed = new RecentlyViewed();

    @Test
    void theLastViewedComesFirst() {
        recentlyViewed.viewed("a");
        recentlyViewed.viewed("b");

        assertThat(recentlyViewed.keys()).containsExactly("b", "a");
    }

    @Test
    void viewingAgainMovesToTheFrontWithoutRepeating() {
        recentlyViewed.viewed("a");
        recentlyViewed.viewed("b");
        recentlyViewed.viewed("a");

        assertThat(recentlyViewed.keys()).containsExactly("a", "b");
    }

    @Test
    void theOldestFallOffBeyondTheLimit() {
        for (int i = 1; i <= RecentlyViewed.LIMIT + 2; i++) {
            recentlyViewed.viewed("note-" + i);
        }

        assertThat(recentlyViewed.keys()).hasSize(RecentlyViewed.LIMIT)
                .startsWith("note-" + (RecentlyViewed.LIMIT + 2))
                .doesNotContain("note-1", "note-2");
    }
}
