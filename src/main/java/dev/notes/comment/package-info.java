/**
 * Comments on notes: the {@link dev.notes.comment.Comment} entity and the
 * {@link dev.notes.comment.CommentService} use cases. Any logged-in user may comment; a comment
 * may be deleted by its author or by the author of its note; a note's comments go with it. Every
 * change fires a {@link dev.notes.event.CommentEvent}, seen by observers after commit.
 */
package dev.notes.comment;
