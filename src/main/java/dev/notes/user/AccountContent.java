package dev.notes.user;

/**
 * Port: what an account wrote, counted and deleted with the account ({@link UserService#deleteAccount}).
 * Its adapter lives with the notes and comments it deletes ({@code dev.notes.comment.AuthoredContent});
 * the user package knows only the counts.
 */
public interface AccountContent {

    /**
     * What goes with an account: its notes, the comments on them (anyone's, theirs included), and its
     * comments on other people's notes.
     */
    record Counts(long notes, long commentsOnTheirNotes, long commentsOnOtherNotes) {
    }

    Counts of(String username);

    /**
     * Deletes everything {@link #of} counts, within the caller's transaction, and fires the deletion
     * events that bring every open page up to date once it commits.
     *
     * @return what was deleted
     */
    Counts deleteAllOf(String username);
}
