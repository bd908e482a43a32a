package dev.notes.comment;

import dev.notes.platform.Times;
import java.time.Instant;
import java.util.List;

/**
 * A comment as browsers receive it in JSON (live updates, the HTTP API): {@code author} is the
 * username, the identity; {@code authorName} the display name the author chose, which pages show
 * (absent from events of instances that predate it: then the username stands in);
 * {@code createdAtText} is the time exactly as the pages print it; {@code segments} is the text split
 * into plain text and web links ({@link CommentText}), from which pages build the links.
 */
public record CommentView(long id, String author, String authorName, String text, String createdAt,
                          String createdAtText, List<TextSegment> segments) {

    public static CommentView of(long id, String author, String authorName, String text, Instant createdAt) {
        return new CommentView(id, author, authorName, text, Times.iso(createdAt), Times.display(createdAt),
                CommentText.segments(text));
    }

    public static CommentView of(Comment comment, String authorName) {
        return of(comment.getId(), comment.getAuthor(), authorName, comment.getText(), comment.getCreatedAt());
    }

    /** Only the id: what a deletion needs to say. */
    public static CommentView idOnly(long id) {
        return new CommentView(id, null, null, null, null, null, null);
    }
}
