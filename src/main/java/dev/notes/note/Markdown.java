package dev.notes.note;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * A note's text, written in Markdown (CommonMark with GitHub's tables, strikethrough and
 * autolinks), as the HTML pages show: rendered here, on the server, for the page, the live updates
 * and the API alike, so that a browser never turns user text into markup itself.
 * <p>
 * A line break within a paragraph shows as one (as on GitHub's comments, not its documents): people
 * wrote notes line by line before they were Markdown, and keep doing so.
 * <p>
 * Two locks. The renderer escapes HTML typed into the text (it shows as typed: nothing is lost), so
 * the only markup is Markdown's. Then OWASP's sanitizer keeps only an allow-list of elements and
 * attributes, and links only to http, https and mailto, always with
 * {@code rel="nofollow noopener noreferrer"} (a link elsewhere, {@code javascript:} say, becomes its
 * text alone), so that whatever a bug in the parser lets through goes no further. Images become links to the image: the pages' Content-Security-Policy
 * loads no image from elsewhere, and an image from anywhere would tell its host who reads the note.
 * <p>
 * Nesting is bounded ({@link #MAX_NESTING}), deeper markers stay text: rendering walks the tree
 * recursively, and a text of 100,000 {@code >} must not exhaust a thread's stack.
 * Thread-safe: the parser, renderer and policy are immutable.
 */
public final class Markdown {

    /** Deeper than any real note nests quotes, lists or emphasis. */
    static final int MAX_NESTING = 32;

    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create());

    private static final Parser PARSER = Parser.builder()
            .extensions(EXTENSIONS)
            .maxOpenBlockParsers(MAX_NESTING)
            .maxInlineNesting(MAX_NESTING)
            .build();

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            // Link targets are the sanitiser's to judge: it drops a link to another scheme and keeps its text.
            .sanitizeUrls(false)
            // A line break typed in a paragraph stays one, as it was before notes took Markdown.
            .softbreak("<br>\n")
            .nodeRendererFactory(ImageAsLink::new)
            .build();

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
                    "em", "strong", "del", "ul", "ol", "li", "a",
                    "table", "thead", "tbody", "tr", "th", "td")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .allowAttributes("start").matching(Pattern.compile("[0-9]{1,9}")).onElements("ol")
            .allowAttributes("align").matching(true, "left", "center", "right").onElements("th", "td")
            .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+-]{1,40}")).onElements("code")
            .toFactory();

    private Markdown() {
    }

    /** The text as safe HTML: a fragment of block elements, empty for an empty text. */
    public static String toHtml(String markdown) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }

    /** An image as a link to it, its description as the link's text. */
    private static final class ImageAsLink implements NodeRenderer {

        private final HtmlNodeRendererContext context;

        ImageAsLink(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            String destination = ((Image) node).getDestination();
            context.getWriter().tag("a", Map.of("href", context.encodeUrl(destination)));
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            context.getWriter().tag("/a");
        }
    }
}
