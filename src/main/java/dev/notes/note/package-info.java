/**
 * Notes: the {@link dev.notes.note.Note} entity, the rules for keys, titles and bodies, and the
 * {@link dev.notes.note.NoteService} use cases (read, list, create, edit, delete).
 * <p>
 * The list by title comes a {@link dev.notes.note.TitlePage} at a time, by keyset: a page starts
 * after (or ends before) a {@link dev.notes.note.PageCursor}, a lower-case title and key that the
 * database's index on {@code (title_sort, note_key)} finds directly, so pages stay put while notes
 * come and go and no query counts the rows before a page. The total is {@link dev.notes.note.NoteCount}'s,
 * counted again only after a reported change or when 10 s old, not on every view. Search is a port,
 * {@link dev.notes.note.NoteSearch}, with an adapter per database ({@code FullTextNoteSearch} on
 * PostgreSQL's full-text index, {@code WordMatchNoteSearch} on H2) that {@code NoteSearches} picks
 * by the {@link dev.notes.platform.DatabaseDialect}.
 * <p>
 * A note's text is Markdown; {@link dev.notes.note.Markdown} renders it to HTML and sanitises that to
 * an allow-list, the one way a text becomes markup anywhere (pages, live updates, the API, the
 * preview), and {@link dev.notes.note.RenderedNotes} keeps the result per note and version.
 * <p>
 * Every change fires a {@link dev.notes.event.NoteEvent} inside its transaction; observers see it
 * only after commit. Only a note's author may change it; the author is always the logged-in
 * caller, which the service asks the {@link dev.notes.user.Caller} port for itself: no caller of
 * the service can pass in another name, and none comes from a form.
 */
package dev.notes.note;
