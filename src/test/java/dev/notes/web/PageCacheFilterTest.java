package dev.notes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.notes.platform.Settings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageCacheFilterTest {

    private static HttpServletRequest request(String method, String path, String query) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getContextPath()).thenReturn("");
        when(request.getRequestURI()).thenReturn(path);
        when(request.getQueryString()).thenReturn(query);
        return request;
    }

    private static Optional<String> key(HttpServletRequest request) {
        return PageCacheFilter.cacheKey(request, "JSESSIONID");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "GET, /, none, home?",
            "GET, /index.xhtml, none, home?",
            "HEAD, /, none, home?",
            "GET, /, after=abc~1, home?after=abc~1",
            "GET, /, before=abc, home?before=abc",
            "GET, /note/view, key=a-note, note?key=a-note",
            "GET, /note/view.xhtml, key=a-note&before=12, note?key=a-note&before=12"})
    void anonymousReadsOfTheHomeAndNotePagesAreCachedByPageAndQuery(String method, String path, String query,
                                                                     String key) {
        assertThat(key(request(method, path, query))).contains(key);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "POST, /, none",
            "POST, /note/view, key=a",
            "PUT, /, none",
            "GET, /note/search, q=word",
            "GET, /note/edit, key=a",
            "GET, /index, none",
            "GET, /, q=word",
            "GET, /note/view, key=a&utm_source=elsewhere",
            "GET, /note/view, after=abc"})
    void otherMethodsPagesAndParametersAreNot(String method, String path, String query) {
        assertThat(key(request(method, path, query))).isEmpty();
    }

    @Test
    void aQueryLongerThanAnyLinkIsNotCached() {
        String longKey = "k".repeat(PageCacheFilter.MAX_QUERY_CHARS);
        assertThat(key(request("GET", "/note/view", "key=" + longKey))).isEmpty();
        assertThat(key(request("GET", "/note/view", "key=" + longKey.substring(4)))).isPresent();
    }

    @Test
    void aRequestWithASessionCookieOrCredentialsGoesThroughUncached() {
        HttpServletRequest withSession = request("GET", "/", null);
        when(withSession.getCookies()).thenReturn(new Cookie[] {new Cookie("theme", "dark"), new Cookie("JSESSIONID", "x")});
        HttpServletRequest withCredentials = request("GET", "/", null);
        when(withCredentials.getHeader("Authorization")).thenReturn("Basic YTpi");
        HttpServletRequest withOtherCookie = request("GET", "/", null);
        when(withOtherCookie.getCookies()).thenReturn(new Cookie[] {new Cookie("theme", "dark")});

        assertThat(key(withSession)).isEmpty();
        assertThat(key(withCredentials)).isEmpty();
        assertThat(key(withOtherCookie)).contains("home?");
    }

    @Test
    void onlyAnHtmlPageForEveryoneIsKept() {
        assertThat(keepable(200, "text/html;charset=UTF-8", captured -> { })).isTrue();
        assertThat(keepable(404, "text/html;charset=UTF-8", captured -> { })).isFalse();
        assertThat(keepable(400, "text/html;charset=UTF-8", captured -> { })).isFalse();
        assertThat(keepable(200, "application/json", captured -> { })).isFalse();
        assertThat(keepable(200, "text/html", captured -> captured.addCookie(new Cookie("a", "b")))).isFalse();
        assertThat(keepable(200, "text/html", captured -> captured.addHeader("Set-Cookie", "a=b"))).isFalse();
    }

    @Test
    void aPageThatCreatedASessionIsNotKept() {
        HttpServletRequest request = request("GET", "/", null);
        HttpServletResponse response = htmlResponse(200, "text/html");
        when(request.getSession(false)).thenReturn(mock(HttpSession.class));

        assertThat(PageCacheFilter.isKeepable(request, response, new CapturedResponse(response))).isFalse();
    }

    private static boolean keepable(int status, String contentType, Consumer<CapturedResponse> page) {
        HttpServletResponse response = htmlResponse(status, contentType);
        CapturedResponse captured = new CapturedResponse(response);
        page.accept(captured);
        return PageCacheFilter.isKeepable(request("GET", "/", null), response, captured);
    }

    private static HttpServletResponse htmlResponse(int status, String contentType) {
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(response.getStatus()).thenReturn(status);
        when(response.getContentType()).thenReturn(contentType);
        when(response.getCharacterEncoding()).thenReturn("UTF-8");
        return response;
    }

    // The filter as a whole, over a chain that renders a page.

    private final PageCache cache = new PageCache();

    private PageCacheFilter filter(Map<String, String> settings) throws Exception {
        PageCacheFilter filter = new PageCacheFilter(cache, Settings.from(name -> Optional.ofNullable(settings.get(name))));
        FilterConfig config = mock(FilterConfig.class);
        ServletContext context = mock(ServletContext.class);
        when(config.getServletContext()).thenReturn(context);
        when(context.getSessionCookieConfig()).thenReturn(mock(SessionCookieConfig.class));
        filter.init(config);
        return filter;
    }

    private static FilterChain rendering(String html) throws Exception {
        FilterChain chain = mock(FilterChain.class);
        doAnswer(call -> {
            HttpServletResponse response = call.getArgument(1);
            response.setContentType("text/html;charset=UTF-8");
            PrintWriter writer = response.getWriter();
            writer.write(html);
            return null;
        }).when(chain).doFilter(any(), any());
        return chain;
    }

    private static HttpServletResponse realResponse() throws Exception {
        HttpServletResponse response = htmlResponse(200, "text/html;charset=UTF-8");
        when(response.getHeaderNames()).thenReturn(List.of());
        when(response.getOutputStream()).thenReturn(mock(ServletOutputStream.class));
        return response;
    }

    @Test
    void theSecondAnonymousReaderGetsThePageWithoutARenderAndAMatchingTagGets304() throws Exception {
        PageCacheFilter filter = filter(Map.of());
        FilterChain chain = rendering("<p>Hello</p>");
        HttpServletResponse first = realResponse();
        HttpServletResponse second = realResponse();
        HttpServletResponse revalidating = realResponse();
        HttpServletRequest conditional = request("GET", "/", null);
        String tag = CachedPage.entityTagOf("<p>Hello</p>".getBytes(StandardCharsets.UTF_8));
        when(conditional.getHeader("If-None-Match")).thenReturn(tag);

        filter.doFilter(request("GET", "/", null), first, chain);
        filter.doFilter(request("GET", "/", null), second, chain);
        filter.doFilter(conditional, revalidating, chain);

        verify(chain, times(1)).doFilter(any(), any());
        for (HttpServletResponse response : List.of(first, second, revalidating)) {
            verify(response).setHeader("ETag", tag);
            verify(response).setHeader("Cache-Control", "no-cache");
        }
        verify(second.getOutputStream()).write("<p>Hello</p>".getBytes(StandardCharsets.UTF_8));
        verify(revalidating).setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        verify(revalidating, never()).getOutputStream();
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "false"})
    void aPostOrAnyRequestWhileTheCacheIsOffGoesStraightThrough(String cacheOn) throws Exception {
        PageCacheFilter filter = filter(Map.of("NOTES_PAGE_CACHE", cacheOn));
        FilterChain chain = mock(FilterChain.class);
        HttpServletRequest request = request(cacheOn.equals("true") ? "POST" : "GET", "/", null);
        HttpServletResponse response = realResponse();

        filter.doFilter(request, response, chain);

        verify(chain).doFilter(request, response);
        verify(response, never()).setHeader(eq("ETag"), any());
    }
}
