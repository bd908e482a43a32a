package dev.notes.note;

import java.io.Serializable;
import java.util.List;

/** One page (1-based) of the notes a search found, best first, and whether another page follows. */
public record SearchResults(List<NoteSummary> notes, int page, boolean hasNext) implements Serializable {

    public SearchResults {
        notes = List.copyOf(notes);
    }
}
