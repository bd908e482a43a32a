package dev.notes.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys of the notes a reader opened last, newest first, at most {@link #LIMIT}. Immutable: a
 * change is a new value, set on the session, so the session store writes it exactly when it changes.
 */
public record RecentKeys(List<String> keys) implements Serializable {

    static final int LIMIT = 5;
    static final RecentKeys NONE = new RecentKeys(List.of());

    public RecentKeys {
        keys = List.copyOf(keys);
    }

    /** These keys after a visit of {@code key}: it moves to the front, the oldest beyond the limit drop out. */
    RecentKeys after(String key) {
        List<String> next = new ArrayList<>(LIMIT + 1);
        next.add(key);
        for (String kept : keys) {
            if (!kept.equals(key) && next.size() < LIMIT) {
                next.add(kept);
            }
        }
        return new RecentKeys(next);
    }
}
