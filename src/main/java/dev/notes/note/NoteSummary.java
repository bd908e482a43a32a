package dev.notes.note;

import java.io.Serializable;

/**
 * What lists show of a note: its key and title, nothing else loaded; {@code sortTitle} is the
 * title as the list is sorted by (lower case, from the database), which places the note in it.
 */
public record NoteSummary(String key, String title, String sortTitle) implements Serializable {

    /** This note's place in the list by title. */
    public PageCursor cursor() {
        return new PageCursor(sortTitle, key);
    }
}
