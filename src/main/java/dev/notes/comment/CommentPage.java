package dev.notes.comment;

import java.util.List;

/**
 * A slice of a note's comments, newest first, and whether older ones exist beyond it. A note may
 * have thousands of comments: pages, live snapshots and the API show one slice at a time.
 */
public record CommentPage(List<Comment> comments, boolean hasOlder) {

    /** How many comments the note page, a live snapshot and an API call show at once (the API's default and maximum). */
    public static final int SIZE = 50;

    /** The cursor for the newest slice: every id is below it. */
    public static final long NEWEST = Long.MAX_VALUE;

    public CommentPage {
        comments = List.copyOf(comments);
    }

    /** The first {@code limit} of {@code found}, read with one more than asked: that one says older ones exist. */
    static CommentPage of(List<Comment> found, int limit) {
        boolean hasOlder = found.size() > limit;
        return new CommentPage(hasOlder ? found.subList(0, limit) : found, hasOlder);
    }

    /** The cursor for the next older slice: the id of this slice's oldest comment. */
    public long oldestId() {
        return comments.isEmpty() ? NEWEST : comments.get(comments.size() - 1).getId();
    }
}
