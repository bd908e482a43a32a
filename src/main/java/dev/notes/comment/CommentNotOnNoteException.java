package dev.notes.comment;

/**
 * The comment exists, but on another note than the one named: the web layer answers 404, as for a
 * note without such a comment, and before any permission is checked, so that the answer tells
 * nothing about who may delete comments of other notes.
 */
public class CommentNotOnNoteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommentNotOnNoteException(String noteKey, long commentId) {
        super("The note '" + noteKey + "' has no comment " + commentId + ".");
    }
}
