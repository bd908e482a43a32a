// A note's comments as its page shows them, as a model that comment-list.js mirrors in the page.
// Pure, so its decisions are testable (src/test/js/comment-list-model.test.mjs).
//
// Comment ids grow, so the list is in id order, highest (newest) first, and the id of the oldest
// comment of the newest slice or of the last older slice loaded is the cursor for the next one.
// A comment is shown if its id is above that cursor or if nothing older exists; the count covers
// all of the note's comments, shown or not. A page opened on an older slice (a "before" link)
// keeps its comments: new ones do not belong on it, they are only counted.

export class CommentListModel {
    /**
     * The state the server rendered: `count` (all comments), `hasOlder` (older than those shown
     * exist), `cursor` (the oldest shown id), `olderSlice` (the page shows an older slice) and
     * `shownIds` (newest first).
     */
    constructor({ count, hasOlder, cursor, olderSlice, shownIds }) {
        this.count = count;
        this.hasOlder = hasOlder;
        this.cursor = cursor;
        this.olderSlice = olderSlice;
        this.shownIds = [...shownIds];
        // Ids deleted since the list was last replaced: an older slice that was loading meanwhile may still hold them.
        this.deletedIds = new Set();
        // Counts the list's replacements, so that a slice loaded for a replaced list is dropped.
        this.generation = 0;
        this.loading = false;
    }

    isShown(id) {
        return this.shownIds.includes(id);
    }

    /** Whether an id belongs to the stretch shown: above the cursor, or anywhere when nothing is older. */
    inShownRange(id) {
        return !this.hasOlder || id > this.cursor;
    }

    oldestIdOf(comments) {
        return comments.length > 0 ? comments[comments.length - 1].id : this.cursor;
    }

    /** The newest slice and the count, from a snapshot; true if the shown list is replaced by its comments. */
    snapshot({ commentCount, comments, olderComments }) {
        this.count = commentCount;
        if (this.olderSlice) {
            return false;
        }
        this.shownIds = comments.map((comment) => comment.id);
        this.hasOlder = olderComments;
        this.cursor = this.oldestIdOf(comments);
        this.deletedIds = new Set();
        this.generation += 1;
        return true;
    }

    /**
     * Counts a new comment and says where it shows: { beforeId } (null for the end), or null when
     * it does not show here. One the snapshot had already is neither shown again nor counted.
     */
    added(comment) {
        if (this.isShown(comment.id)) {
            return null;
        }
        this.count += 1;
        if (this.olderSlice || !this.inShownRange(comment.id)) {
            return null;
        }
        const index = this.shownIds.findIndex((id) => id < comment.id);
        const at = index < 0 ? this.shownIds.length : index;
        this.shownIds.splice(at, 0, comment.id);
        return { beforeId: this.shownIds[at + 1] ?? null };
    }

    /**
     * A deleted comment; true if it was shown (the page removes it). One not shown but in the shown
     * range was already gone from the snapshot (counted without it); one beyond it is only counted.
     */
    deleted(id) {
        this.deletedIds.add(id);
        if (this.isShown(id)) {
            this.shownIds = this.shownIds.filter((shown) => shown !== id);
            this.count -= 1;
            return true;
        }
        if (this.olderSlice || !this.inShownRange(id)) {
            this.count -= 1;
        }
        return false;
    }

    /** Starts loading the next older slice: its token, or null while one is loading already. */
    startLoadingOlder() {
        if (this.loading) {
            return null;
        }
        this.loading = true;
        return { generation: this.generation, before: this.cursor };
    }

    /**
     * An older slice ({ comments, hasOlder }) arrived for `token`: the comments to append, none if
     * the list was replaced meanwhile; those deleted meanwhile or shown already are left out.
     */
    olderLoaded(token, slice) {
        if (token.generation !== this.generation) {
            return [];
        }
        const fresh = slice.comments.filter((comment) => !this.deletedIds.has(comment.id) && !this.isShown(comment.id));
        this.shownIds.push(...fresh.map((comment) => comment.id));
        this.cursor = this.oldestIdOf(slice.comments);
        this.hasOlder = slice.hasOlder;
        return fresh;
    }

    finishLoadingOlder() {
        this.loading = false;
    }
}
