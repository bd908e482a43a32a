/**
 * Notes: the {@link dev.notes.note.Note} entity, the rules for keys, titles and bodies, and the
 * {@link dev.notes.note.NoteService} use cases (read, create, edit, delete). Every change fires a
 * {@link dev.notes.event.NoteEvent} inside its transaction; observers see it only after commit.
 * Only a note's author may change it; the author is always the logged-in caller, passed in by the
 * web layer from the security context, never taken from a form.
 */
package dev.notes.note;
