package dev.notes.note;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a reader searches for: up to {@link #MAX_WORDS} words, each of letters and digits only and
 * lower-case, and optionally only the notes of one author. Only letters and digits reach a query,
 * so no search text can be read as LIKE wildcards or full-text operators.
 */
public record SearchQuery(List<String> words, String author) implements Serializable {

    /** Longest search text accepted (the search box allows as much). */
    public static final int MAX_LENGTH = 200;
    /** Words beyond these are ignored: each one is another condition on every candidate. */
    public static final int MAX_WORDS = 8;

    public SearchQuery {
        words = List.copyOf(words);
    }

    /**
     * The words of {@code text}, split at anything that is not a letter or digit, each counted once.
     * Throws {@link IllegalArgumentException} for a text longer than {@link #MAX_LENGTH}.
     */
    public static SearchQuery of(String text, String author) {
        if (text != null && text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A search is at most " + MAX_LENGTH + " characters long.");
        }
        Set<String> words = new LinkedHashSet<>();
        for (String word : (text == null ? "" : text).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && words.size() < MAX_WORDS) {
                words.add(word);
            }
        }
        return new SearchQuery(List.copyOf(words), author);
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }
}
