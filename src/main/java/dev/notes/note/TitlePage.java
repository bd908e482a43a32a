package dev.notes.note;

import java.io.Serializable;
import java.util.List;

/**
 * One page of the notes by title (at most {@link NoteService#PAGE_SIZE}), whether notes come
 * before and after it, and how many notes there are in all (as {@link NoteCount} knows it).
 */
public record TitlePage(List<NoteSummary> notes, boolean hasPrevious, boolean hasNext, long total)
        implements Serializable {

    public TitlePage {
        notes = List.copyOf(notes);
    }

    /** Where the page before this one ends: its first note (null on an empty page). */
    public PageCursor firstCursor() {
        return notes.isEmpty() ? null : notes.get(0).cursor();
    }

    /** Where the page after this one starts: its last note (null on an empty page). */
    public PageCursor lastCursor() {
        return notes.isEmpty() ? null : notes.get(notes.size() - 1).cursor();
    }
}
