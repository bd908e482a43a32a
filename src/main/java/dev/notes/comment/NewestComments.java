package dev.notes.comment;

/** A note's newest slice of comments and the count of all its comments, read together. */
public record NewestComments(CommentPage slice, long count) {
}
