package dev.notes.note;

import java.io.Serializable;

/** What the home page lists: a key and a title, nothing else loaded. */
public record NoteSummary(String key, String title) implements Serializable {
}
