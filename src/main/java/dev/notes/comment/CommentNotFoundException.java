package dev.notes.comment;

/** No comment has the given id (any more), e.g. someone else deleted it first. */
public class CommentNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommentNotFoundException(long id) {
        super("The comment " + id + " does not exist (any more).");
    }
}
