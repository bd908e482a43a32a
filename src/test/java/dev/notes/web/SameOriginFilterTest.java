package dev.notes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SameOriginFilterTest {

    private static final String HOST = "notes.example:9443";

    private final SameOriginFilter filter = new SameOriginFilter();
    private HttpServletRequest request;
    private HttpServletResponse response;
    private FilterChain chain;

    @BeforeEach
    void mocks() {
        request = mock(HttpServletRequest.class);
        response = mock(HttpServletResponse.class);
        chain = mock(FilterChain.class);
        when(request.getContextPath()).thenReturn("");
        when(request.getRequestURI()).thenReturn("/note/add");
    }

    private void given(String method, String host, String origin, String referer) {
        when(request.getMethod()).thenReturn(method);
        when(request.getHeader("Host")).thenReturn(host);
        when(request.getHeader("Origin")).thenReturn(origin);
        when(request.getHeader("Referer")).thenReturn(referer);
    }

    private void assertPassed() throws Exception {
        verify(chain).doFilter(request, response);
        verify(response, never()).sendError(anyInt());
        verify(response, never()).sendError(anyInt(), any());
    }

    private void assertRefused() throws Exception {
        verify(response).sendError(403);
        verify(chain, never()).doFilter(any(), any());
    }

    // --- doFilter

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "OPTIONS", "TRACE"})
    void safeMethodsAlwaysPass(String method) throws Exception {
        given(method, HOST, "https://evil.example", "https://evil.example/page");
        filter.doFilter(request, response, chain);
        assertPassed();
    }

    @Test
    void aWebSocketHandshakeFromAnotherSiteIsRefused() throws Exception {
        given("GET", HOST, "https://evil.example", null);
        when(request.getHeader("Upgrade")).thenReturn("WebSocket");
        filter.doFilter(request, response, chain);
        assertRefused();
    }

    @Test
    void aWebSocketHandshakeFromThisSitePasses() throws Exception {
        given("GET", HOST, "https://notes.example:9443", null);
        when(request.getHeader("Upgrade")).thenReturn("websocket");
        filter.doFilter(request, response, chain);
        assertPassed();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void stateChangingMethodsFromAnotherSiteAreRefused(String method) throws Exception {
        given(method, HOST, "https://evil.example", null);
        filter.doFilter(request, response, chain);
        assertRefused();
    }

    @Test
    void aPostWithTheOriginOfThisHostPasses() throws Exception {
        given("POST", HOST, "https://notes.example:9443", null);
        filter.doFilter(request, response, chain);
        assertPassed();
    }

    @Test
    void aPostWithAForeignOriginIsRefused() throws Exception {
        given("POST", HOST, "https://evil.example", null);
        filter.doFilter(request, response, chain);
        assertRefused();
    }

    @Test
    void aPostFromTheSameHostOnAnotherPortIsRefused() throws Exception {
        given("POST", HOST, "https://notes.example:8443", null);
        filter.doFilter(request, response, chain);
        assertRefused();
    }

    @Test
    void aForeignOriginIsRefusedEvenWithASameHostReferer() throws Exception {
        given("POST", HOST, "https://evil.example", "https://notes.example:9443/note/add");
        filter.doFilter(request, response, chain);
        assertRefused();
    }

    @Test
    void withoutOriginASameHostRefererPasses() throws Exception {
        given("POST", HOST, null, "https://notes.example:9443/note/edit?key=abc");
        filter.doFilter(request, response, chain);
        assertPassed();
    }

    @Test
    void withAnEmptyOriginTheRefererDecides() throws Exception {
        given("POST", HOST, "", "https://evil.example/x");
        filter.doFilter(request, response, chain);
        assertRefused();
    }

    @Test
    void withoutOriginAForeignRefererIsRefused() throws Exception {
        given("POST", HOST, null, "https://evil.example/notes.example:9443/");
        filter.doFilter(request, response, chain);
        assertRefused();
    }

    @Test
    void aPostWithNeitherHeaderPasses() throws Exception {
        given("POST", HOST, null, null);
        filter.doFilter(request, response, chain);
        assertPassed();
    }

    @Test
    void aPostWithEmptyHeadersPasses() throws Exception {
        given("POST", HOST, "", "");
        filter.doFilter(request, response, chain);
        assertPassed();
    }

    @Test
    void theNullOriginOfSandboxedPagesIsRefused() throws Exception {
        given("POST", HOST, "null", "https://notes.example:9443/note/add");
        filter.doFilter(request, response, chain);
        assertRefused();
    }

    @Test
    void hostNamesAreComparedCaseInsensitively() throws Exception {
        given("POST", "Notes.EXAMPLE:9443", "https://NOTES.example:9443", null);
        filter.doFilter(request, response, chain);
        assertPassed();
    }

    @Test
    void aPostWithAnOriginButNoHostIsRefused() throws Exception {
        given("POST", null, "https://notes.example:9443", null);
        filter.doFilter(request, response, chain);
        assertRefused();
    }

    @Test
    void aMalformedOriginIsRefused() throws Exception {
        given("POST", HOST, "https://notes.example:9443/a b", null);
        filter.doFilter(request, response, chain);
        assertRefused();
    }

    @Test
    void theServletEntryPointDelegatesToTheHttpFilter() throws Exception {
        given("POST", HOST, "https://evil.example", null);
        filter.doFilter((ServletRequest) request, (ServletResponse) response, chain);
        assertRefused();
    }

    @Test
    void aRefusalWritesNothingElse() throws Exception {
        given("POST", HOST, "https://evil.example", null);
        filter.doFilter(request, response, chain);
        verify(response).sendError(HttpServletResponse.SC_FORBIDDEN);
        verifyNoInteractions(chain);
        verify(response, never()).getWriter();
        verify(response, never()).getOutputStream();
    }

    @Test
    void theApiGetsTheRefusalAsAProblem() throws Exception {
        when(request.getRequestURI()).thenReturn("/api/notes");
        StringWriter written = new StringWriter();
        when(response.getWriter()).thenReturn(new PrintWriter(written));
        given("DELETE", HOST, "https://evil.example", null);
        filter.doFilter(request, response, chain);
        verify(response).setStatus(HttpServletResponse.SC_FORBIDDEN);
        verify(response).setContentType("application/problem+json");
        assertThat(written.toString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"" + SameOriginFilter.CROSS_SITE + "\"}");
        verify(response, never()).sendError(anyInt());
        verifyNoInteractions(chain);
    }

    // --- isSameOrigin

    @Test
    void isSameOriginPrefersOriginToReferer() {
        given("POST", "a.example", "https://a.example", "https://b.example/");
        assertThat(SameOriginFilter.isSameOrigin(request)).isTrue();
        given("POST", "b.example", "https://a.example", "https://b.example/");
        assertThat(SameOriginFilter.isSameOrigin(request)).isFalse();
    }

    @Test
    void isSameOriginIgnoresTheScheme() {
        given("POST", "a.example", "http://a.example", null);
        assertThat(SameOriginFilter.isSameOrigin(request)).isTrue();
    }

    // --- authorityOf

    @ParameterizedTest
    @CsvSource({
        "https://Example.org:8443/path, example.org:8443",
        "https://example.org, example.org",
        "http://EXAMPLE.ORG/, example.org",
        "http://127.0.0.1:9080/note/view?key=x, 127.0.0.1:9080",
        "http://[::1]:9080/, [::1]:9080",
        "https://user@example.org/, user@example.org",
    })
    void authorityOfAUrlIsItsLowerCaseHostAndPort(String url, String expected) {
        assertThat(SameOriginFilter.authorityOf(url)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EmptySource
    @ValueSource(strings = {"null", "/relative/path", "not a url", "https://exa mple.org", "mailto:a@example.org", "%"})
    void authorityOfTheNullOriginOrGarbageIsNull(String url) {
        assertThat(SameOriginFilter.authorityOf(url)).isNull();
    }
}
