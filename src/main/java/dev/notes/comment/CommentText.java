package dev.notes.comment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;
import org.nibor.autolink.Span;

/**
 * A comment's text as the pages show it: plain text in which web links become clickable. It is
 * split into {@link TextSegment}s, text or link, with autolink's URL scanner (the one the notes'
 * Markdown uses for bare links); only an http or https address becomes a link, anything else it
 * finds ({@code javascript:}, {@code data:}, {@code ftp:}…) stays text. The pages build each link
 * from its segment with the address as text and attribute, so a comment never becomes markup.
 */
public final class CommentText {

    private static final LinkExtractor URLS = LinkExtractor.builder().linkTypes(EnumSet.of(LinkType.URL)).build();

    private CommentText() {
    }

    /** The segments of {@code text}, in order; none for an empty or absent text. */
    public static List<TextSegment> segments(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        for (Span span : URLS.extractSpans(text)) {
            String part = text.substring(span.getBeginIndex(), span.getEndIndex());
            if (span instanceof LinkSpan && isWebAddress(part)) {
                if (!plain.isEmpty()) {
                    segments.add(TextSegment.plain(plain.toString()));
                    plain.setLength(0);
                }
                segments.add(TextSegment.link(part));
            } else {
                plain.append(part);
            }
        }
        if (!plain.isEmpty()) {
            segments.add(TextSegment.plain(plain.toString()));
        }
        return List.copyOf(segments);
    }

    private static boolean isWebAddress(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
