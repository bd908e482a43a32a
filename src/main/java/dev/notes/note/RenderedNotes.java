package dev.notes.note;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Notes' text as HTML ({@link Markdown}), kept per note and version (a note's version rises with
 * every change of its text): the longest note takes some
 * 40 ms to render and sanitise, and readers of a note ask for the same version again and again.
 * A new version is a new entry; the old one ages out, least recently used first, within
 * {@link #MAX_CHARS} characters of HTML.
 */
@ApplicationScoped
public class RenderedNotes {

    /** About 32 MB: a few hundred of the longest notes, thousands of common ones. */
    static final long MAX_CHARS = 16_000_000;

    private final Cache<String, String> html = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS)
            .<String, String>weigher((key, value) -> key.length() + value.length())
            // Evictions run on the calling thread: no pool thread outside the server's management.
            .executor(Runnable::run)
            .build();

    /** The note's text as safe HTML. */
    public String html(Note note) {
        // By id, not key: a note deleted and created again under its key starts again at version 1.
        return html.get(note.getId() + "@" + note.getVersion(), ignored -> Markdown.toHtml(note.getBody()));
    }
}
