package dev.notes.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommentTextTest {

    @Test
    void textWithoutLinksIsOneTextSegment() {
        assertThat(CommentText.segments("Nice <b>note</b>!")).containsExactly(TextSegment.plain("Nice <b>note</b>!"));
    }

    @Test
    void nothingForAnEmptyOrAbsentText() {
        assertThat(CommentText.segments("")).isEmpty();
        assertThat(CommentText.segments(null)).isEmpty();
    }

    @Test
    void httpAndHttpsAddressesBecomeLinksBetweenTheText() {
        assertThat(CommentText.segments("See https://example.org/a?b=1&c=2, or http://example.com."))
                .containsExactly(TextSegment.plain("See "), TextSegment.link("https://example.org/a?b=1&c=2"),
                        TextSegment.plain(", or "), TextSegment.link("http://example.com"), TextSegment.plain("."));
    }

    @Test
    void aLinkMayBeTheWholeText() {
        List<TextSegment> segments = CommentText.segments("https://example.org/");
        assertThat(segments).containsExactly(TextSegment.link("https://example.org/"));
    }

    @Test
    void otherSchemesStayText() {
        for (String text : List.of("javascript://%0aalert(1)", "javascript:alert(1)", "data:text/html,<script>x</script>",
                "ftp://example.org/file", "file:///etc/passwd", "vbscript://x")) {
            assertThat(CommentText.segments("a " + text + " b")).as(text)
                    .extracting(TextSegment::href).containsOnlyNulls();
        }
    }

    @Test
    void anAddressInQuotesOrAngleBracketsEndsWithThem() {
        assertThat(CommentText.segments("\"https://example.org/x\"\" <https://example.org/y>"))
                .extracting(TextSegment::href).filteredOn(href -> href != null)
                .containsExactly("https://example.org/x", "https://example.org/y");
    }

    @Test
    void theSegmentsGiveBackTheText() {
        String text = "one https://example.org two\nhttp://example.com/ three";
        assertThat(String.join("", CommentText.segments(text).stream().map(TextSegment::text).toList())).isEqualTo(text);
    }
}
