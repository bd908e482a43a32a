package dev.notes.note;

/**
 * Port: finds notes by the words of their title and body, notes whose title has every word first.
 * Each database has its adapter ({@link FullTextNoteSearch} on PostgreSQL, {@link WordMatchNoteSearch}
 * on H2), chosen once by {@link NoteSearches}.
 * <p>
 * Results are ranked, so they page by number rather than by cursor, over a bounded set: at most
 * {@link #MAX_CANDIDATES} matching notes are ranked, {@link NoteService#PAGE_SIZE} to a page, at
 * most {@link #MAX_PAGES} pages. A word found in more notes than that is narrowed with more words.
 */
public interface NoteSearch {

    int MAX_PAGES = 10;
    /**
     * As many as the pages can show: ranking more would only choose among notes nobody can page
     * to, and each candidate costs its ranking (for a word in nearly every note, all of them).
     */
    int MAX_CANDIDATES = MAX_PAGES * NoteService.PAGE_SIZE;

    /** {@code page} from 1 to {@link #MAX_PAGES}; an empty query finds nothing. */
    SearchResults search(SearchQuery query, int page);
}
