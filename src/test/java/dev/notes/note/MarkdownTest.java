package dev.notes.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownTest {

    @Test
    void theCommonFormattingRenders() {
        assertThat(Markdown.toHtml("# Title\n\nSome *emphasis*, **strong** and ~~struck~~ `code`.\n\n- one\n- two\n\n1. first\n"))
                .isEqualTo("<h1>Title</h1>\n<p>Some <em>emphasis</em>, <strong>strong</strong> and <del>struck</del>"
                        + " <code>code</code>.</p>\n<ul><li>one</li><li>two</li></ul>\n<ol><li>first</li></ol>\n");
    }

    @Test
    void aLineBreakInAParagraphStaysALineBreak() {
        assertThat(Markdown.toHtml("line one\nline two")).isEqualTo("<p>line one<br />\nline two</p>\n");
    }

    @Test
    void aNumberedListKeepsItsStart() {
        assertThat(Markdown.toHtml("3. third\n4. fourth")).startsWith("<ol start=\"3\"><li>third</li>");
    }

    @Test
    void tablesRenderWithTheirAlignment() {
        assertThat(Markdown.toHtml("| a | b |\n|:--|--:|\n| 1 | 2 |\n"))
                .contains("<table>", "<th align=\"left\">a</th>", "<td align=\"right\">2</td>");
    }

    @Test
    void linksAndBareAddressesGetNoFollowNoOpener() {
        assertThat(Markdown.toHtml("[docs](https://openliberty.io/docs) and https://example.org/x"))
                .isEqualTo("<p><a href=\"https://openliberty.io/docs\" rel=\"nofollow noopener noreferrer\">docs</a>"
                        + " and <a href=\"https://example.org/x\" rel=\"nofollow noopener noreferrer\">"
                        + "https://example.org/x</a></p>\n");
    }

    @Test
    void aLinkToAnotherSchemeIsItsTextAlone() {
        assertThat(Markdown.toHtml("[bad](javascript:alert(1)) [worse](data:text/html,x)"))
                .isEqualTo("<p>bad worse</p>\n");
    }

    @Test
    void anImageBecomesALinkToIt() {
        assertThat(Markdown.toHtml("![a *cat*](https://example.org/cat.png)"))
                .isEqualTo("<p><a href=\"https://example.org/cat.png\" rel=\"nofollow noopener noreferrer\">"
                        + "a <em>cat</em></a></p>\n");
    }

    @Test
    void htmlTypedIntoTheTextShowsAsTyped() {
        assertThat(Markdown.toHtml("a <b>bold</b> claim")).isEqualTo("<p>a &lt;b&gt;bold&lt;/b&gt; claim</p>\n");
        assertThat(Markdown.toHtml("</div><script>alert('body')</script>"))
                .doesNotContain("<script", "</div>").contains("&lt;script&gt;");
    }

    @Test
    void fencedCodeKeepsItsLanguageAndItsText() {
        assertThat(Markdown.toHtml("```java\nif (a < b) {}\n```\n"))
                .isEqualTo("<pre><code class=\"language-java\">if (a &lt; b) {}\n</code></pre>\n");
    }

    @Test
    void anEmptyTextIsNoHtml() {
        assertThat(Markdown.toHtml("")).isEmpty();
    }

    @Test
    void nestingBeyondTheBoundStaysTextInsteadOfExhaustingTheStack() {
        for (String marker : List.of(">", "- ", "*", "[", "> - ")) {
            String html = Markdown.toHtml(marker.repeat(100_000 / marker.length()) + "x");
            assertThat(html).as(marker).isNotEmpty();
        }
        String quotes = Markdown.toHtml(">".repeat(100) + " deep");
        assertThat(quotes.split("<blockquote>", -1)).hasSizeLessThanOrEqualTo(Markdown.MAX_NESTING + 1);
    }

    /** One Markdown or HTML attack per line of {@code xss-corpus.txt}; each must come out inert. */
    @ParameterizedTest
    @MethodSource("attacks")
    void everyAttackOfTheCorpusComesOutInert(String attack) {
        String html = Markdown.toHtml(attack.replace("\\n", "\n"));
        assertThat(html).doesNotContainPattern(INERT_VIOLATIONS);
        for (String href : hrefs(html)) {
            assertThat(href).matches("(https?://|mailto:).*|#.*|[^:]*");
        }
    }

    /** Elements and attributes that run or load something; the allow-list has none of them. */
    private static final Pattern INERT_VIOLATIONS = Pattern.compile(
            "(?i)<\\s*(script|iframe|object|embed|img|svg|math|style|link|meta|form|input|button|base|frame|video|audio|source)\\b"
                    + "|\\son[a-z]+\\s*=|\\sstyle\\s*=|\\ssrc\\s*=|\\saction\\s*=|\\sformaction\\s*=|\\sxlink:href");

    private static List<String> hrefs(String html) {
        return Pattern.compile("href=\"([^\"]*)\"").matcher(html).results().map(m -> m.group(1)
                .replace("&#61;", "=").replace("&amp;", "&").replace("&#64;", "@")).toList();
    }

    static Stream<String> attacks() throws IOException {
        try (InputStream corpus = Objects.requireNonNull(MarkdownTest.class.getResourceAsStream("xss-corpus.txt"))) {
            return Arrays.stream(new String(corpus.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList().stream();
        }
    }
}
