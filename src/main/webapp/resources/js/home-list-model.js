// The home page's stretch of the list of notes (index.xhtml), as a model that home-list.js mirrors in
// the page. Pure, so its decisions are testable (src/test/js/home-list-model.test.mjs).
//
// The page shows one page of the list, sorted by title. Its snapshot fixes the stretch it covers:
// from its first note (or the start, on the first page) to its last (or the end, on the last page).
// A live note whose title falls in that stretch takes its place on the page; one that falls
// elsewhere only changes the count and asks for the "list has changed elsewhere" hint.

/**
 * The list's order, as the database sorts it: lower-case title, then key, compared by code unit
 * (the database compares them by code point, which differs only beyond the surrogates' range).
 */
export function sortKey(note) {
    return [note.title.toLowerCase(), note.key];
}

export function compareSortKeys([titleA, keyA], [titleB, keyB]) {
    if (titleA !== titleB) {
        return titleA < titleB ? -1 : 1;
    }
    return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

export class HomeListModel {
    /** `firstPage`: the page starts at the beginning of the list (it has no data-live-from). */
    constructor({ firstPage }) {
        this.firstPage = firstPage;
        this.notes = [];
        this.total = 0;
        this.range = { from: null, to: null };
    }

    /** Replaces the page with a snapshot's notes ({ key, title }, in order), count and whether a next page exists. */
    snapshot({ notes, total, hasNext }) {
        this.range = {
            from: this.firstPage || notes.length === 0 ? null : sortKey(notes[0]),
            to: hasNext && notes.length > 0 ? sortKey(notes[notes.length - 1]) : null,
        };
        this.notes = notes.map(({ key, title }) => ({ key, title }));
        this.total = total;
    }

    /** Whether "There are no notes yet" applies: nothing on the first page (a later page empties only for now). */
    get empty() {
        return this.firstPage && this.notes.length === 0;
    }

    onThisPage(note) {
        const position = sortKey(note);
        return (this.range.from === null || compareSortKeys(this.range.from, position) <= 0)
            && (this.range.to === null || compareSortKeys(position, this.range.to) <= 0);
    }

    has(key) {
        return this.notes.some((note) => note.key === key);
    }

    /**
     * Applies a live note event and says what the page must change: `removed` (a key to take out),
     * `inserted` ({ note, beforeKey }: beforeKey null for the end), `hint` (the list changed
     * elsewhere) and `recent` ({ key, title }, title null when deleted: the reader's recently viewed
     * links follow renames and deletions). The count is in `total`.
     */
    apply(message) {
        const change = { removed: null, inserted: null, hint: false, recent: null };
        if (message.event === 'note.deleted') {
            if (this.has(message.key)) {
                this.remove(message.key);
                change.removed = message.key;
            }
            change.recent = { key: message.key, title: null };
            this.addToTotal(-1);
            return change;
        }
        const note = message.note;
        if (!note) {
            return change;
        }
        if (message.event === 'note.created') {
            this.addToTotal(1);
        }
        change.recent = { key: note.key, title: note.title };
        const shown = this.has(note.key);
        if (shown) {
            this.remove(note.key);
            change.removed = note.key;
        }
        if (this.onThisPage(note)) {
            change.inserted = this.insert({ key: note.key, title: note.title });
        } else if (shown || message.event === 'note.created') {
            // New elsewhere, or moved away by a new title: the reader may reload to see where.
            change.hint = true;
        }
        return change;
    }

    addToTotal(change) {
        this.total = Math.max(0, this.total + change);
    }

    remove(key) {
        this.notes = this.notes.filter((note) => note.key !== key);
    }

    insert(note) {
        const position = sortKey(note);
        const index = this.notes.findIndex((other) => compareSortKeys(position, sortKey(other)) < 0);
        const at = index < 0 ? this.notes.length : index;
        this.notes.splice(at, 0, note);
        return { note, beforeKey: this.notes[at + 1]?.key ?? null };
    }
}
