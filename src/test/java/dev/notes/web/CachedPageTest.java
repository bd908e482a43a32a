package dev.notes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachedPageTest {

    private static final String FORM = "<form id=\"commentActions\"><input type=\"hidden\" name=\"jakarta.faces.ViewState\""
            + " id=\"j_id1:jakarta.faces.ViewState:0\" value=\"%s\" autocomplete=\"off\" /></form>";

    private static CachedPage page(String html) {
        return new CachedPage(200, "text/html;charset=UTF-8", List.of(), html.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theEntityTagIsAQuotedBase64UrlSha256() {
        assertThat(page("<p>Hello</p>").entityTag()).matches("\"[A-Za-z0-9_-]{43}\"");
    }

    @Test
    void theSamePageRenderedAgainWithAFreshViewStateKeepsItsTag() {
        String first = "<h1>Ünïcode</h1>" + FORM.formatted("aGVsbG8/+=");
        String second = "<h1>Ünïcode</h1>" + FORM.formatted("b3RoZXIgc3RhdGU=");

        assertThat(page(first).entityTag()).isEqualTo(page(second).entityTag());
    }

    @Test
    void aChangeOutsideTheViewStateChangesTheTag() {
        assertThat(page("<h1>One</h1>" + FORM.formatted("x")).entityTag())
                .isNotEqualTo(page("<h1>Two</h1>" + FORM.formatted("x")).entityTag());
        assertThat(page("<input name=\"other\" value=\"1\"/>").entityTag())
                .isNotEqualTo(page("<input name=\"other\" value=\"2\"/>").entityTag());
    }

    @Test
    void ifNoneMatchNamesThePageByItsTagAmongOthersByAWeakTagOrByAStar() {
        CachedPage page = page("<p>Hello</p>");
        String tag = page.entityTag();

        assertThat(page.isNamedBy(tag)).isTrue();
        assertThat(page.isNamedBy("\"other\", " + tag)).isTrue();
        assertThat(page.isNamedBy("W/" + tag)).isTrue();
        assertThat(page.isNamedBy("*")).isTrue();
        assertThat(page.isNamedBy("\"other\"")).isFalse();
        assertThat(page.isNamedBy(tag.replace("\"", ""))).isFalse();
        assertThat(page.isNamedBy(null)).isFalse();
    }

    @Test
    void writesStatusTypeHeadersAndBodyOrForHeadNoBody() throws Exception {
        byte[] body = "<p>Hello</p>".getBytes(StandardCharsets.UTF_8);
        CachedPage page = new CachedPage(200, "text/html;charset=UTF-8",
                List.of(new CachedPage.Header("Content-Language", "en"), new CachedPage.Header("Link", "<a>"),
                        new CachedPage.Header("Link", "<b>")), body);
        HttpServletResponse get = mock(HttpServletResponse.class);
        ServletOutputStream out = mock(ServletOutputStream.class);
        when(get.getOutputStream()).thenReturn(out);
        HttpServletResponse head = mock(HttpServletResponse.class);

        page.writeTo(get, true);
        page.writeTo(head, false);

        verify(get).setStatus(200);
        verify(get).setContentType("text/html;charset=UTF-8");
        verify(get).setHeader("Content-Language", "en");
        verify(get).setHeader("Link", "<a>");
        verify(get).addHeader("Link", "<b>");
        verify(get).setContentLength(body.length);
        verify(out).write(body);
        verify(head).setContentLength(body.length);
        verify(head, never()).getOutputStream();
    }
}
