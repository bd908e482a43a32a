package dev.notes.comment;

/**
 * A stretch of a comment's text ({@link CommentText}): plain text ({@code href} null), or a web
 * link whose {@code text} is its address as written and {@code href} the same address. Pages write
 * both as text and attributes, never as markup.
 */
public record TextSegment(String text, String href) {

    static TextSegment plain(String text) {
        return new TextSegment(text, null);
    }

    static TextSegment link(String address) {
        return new TextSegment(address, address);
    }
}
