/**
 * Comments on notes: the {@link dev.notes.comment.Comment} entity and the
 * {@link dev.notes.comment.CommentService} use cases. Any logged-in user may comment; a comment
 * may be deleted by its author or by the author of its note (and by an administrator, who with the
 * note's author may delete every comment on it: {@code Comment.mayDeleteEveryCommentOn}), and only through that note: named
 * through another note it is not found ({@link dev.notes.comment.CommentNotOnNoteException}),
 * whoever asks, before any permission is checked. The caller is the service's own
 * {@link dev.notes.user.Caller}, never a parameter. A note's comments go with it. Every
 * change fires a {@link dev.notes.event.CommentEvent}, seen by observers after commit. A comment is
 * plain text whose web links the pages make clickable: {@link dev.notes.comment.CommentText}
 * splits it into text and http(s) link segments, which pages and JSON carry.
 * <p>
 * A note may have thousands of comments, so they are read one {@link dev.notes.comment.CommentPage}
 * (a slice of at most 50) at a time, newest first, by keyset on the growing id; the newest slice
 * is read with the count of all ({@link dev.notes.comment.NewestComments}), so that the two agree.
 * <p>
 * {@link dev.notes.comment.AuthoredContent} is the adapter of {@code dev.notes.user.AccountContent}:
 * it counts and deletes what an account wrote when the account is deleted (its notes with every
 * comment on them, its comments on other notes), firing the usual deletion events.
 */
package dev.notes.comment;
