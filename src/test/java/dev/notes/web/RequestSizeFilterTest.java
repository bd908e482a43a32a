package dev.notes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.notes.platform.Settings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class RequestSizeFilterTest {

    private static final int LIMIT = 64 * 1024;

    private final RequestSizeFilter filter = new RequestSizeFilter(
            Settings.from(name -> Optional.ofNullable(Map.of("REQUEST_MAX_BODY_BYTES", Integer.toString(LIMIT)).get(name))));
    private HttpServletRequest request;
    private HttpServletResponse response;
    private FilterChain chain;
    private final StringWriter written = new StringWriter();

    @BeforeEach
    void mocks() throws Exception {
        request = mock(HttpServletRequest.class);
        response = mock(HttpServletResponse.class);
        chain = mock(FilterChain.class);
        when(request.getContextPath()).thenReturn("");
        when(response.getWriter()).thenReturn(new PrintWriter(written));
    }

    private void given(String path, long contentLength, String transferEncoding, String contentType) {
        when(request.getRequestURI()).thenReturn(path);
        when(request.getContentLengthLong()).thenReturn(contentLength);
        when(request.getHeader("Transfer-Encoding")).thenReturn(transferEncoding);
        when(request.getContentType()).thenReturn(contentType);
    }

    @Test
    void aDeclaredBodyUpToTheLimitPassesUntouched() throws Exception {
        given("/note/add", LIMIT, null, "application/x-www-form-urlencoded");
        filter.doFilter(request, response, chain);
        verify(chain).doFilter(request, response);
        verify(response, never()).sendError(anyInt());
    }

    @Test
    void aPageGetsTheStatic413PageForADeclaredBodyOverTheLimitAndNothingIsRead() throws Exception {
        given("/user/login", LIMIT + 1L, null, "application/x-www-form-urlencoded");
        filter.doFilter(request, response, chain);
        verify(response).sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        verify(response).setHeader("Connection", "close");
        verifyNoInteractions(chain);
        verify(request, never()).getInputStream();
        verify(request, never()).getParameter(any());
    }

    @Test
    void theApiGetsAProblemForADeclaredBodyOverTheLimit() throws Exception {
        given("/api/notes/x/comments", 300_000_000L, null, "application/json");
        filter.doFilter(request, response, chain);
        verify(response).setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        verify(response).setContentType("application/problem+json");
        assertThat(written.toString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Request Entity Too Large\","
                + "\"status\":413,\"detail\":\"The request is larger than Notes accepts (at most 64 KB).\"}");
        verifyNoInteractions(chain);
    }

    @Test
    void aFormWithoutDeclaredLengthIsRefused() throws Exception {
        given("/user/login", -1, "chunked", "Multipart/Form-Data; boundary=x");
        filter.doFilter(request, response, chain);
        verify(response).sendError(HttpServletResponse.SC_LENGTH_REQUIRED);
        verifyNoInteractions(chain);
    }

    @Test
    void aChunkedBodyIsReadThroughTheLimit() throws Exception {
        given("/api/notes/x/comments", -1, "chunked", "application/json");
        when(request.getInputStream()).thenReturn(servletStream(new ByteArrayInputStream(new byte[LIMIT + 10])));
        filter.doFilter(request, response, chain);
        ArgumentCaptor<ServletRequest> passed = ArgumentCaptor.forClass(ServletRequest.class);
        verify(chain).doFilter(passed.capture(), any());
        InputStream body = passed.getValue().getInputStream();
        assertThat(body.readNBytes(LIMIT)).hasSize(LIMIT);
        assertThatThrownBy(body::read).isInstanceOf(RequestBodyTooLargeException.class)
                .hasMessage("The request is larger than Notes accepts (at most 64 KB).");
        assertThatThrownBy(() -> body.read(new byte[8])).as("and on every read after")
                .isInstanceOf(RequestBodyTooLargeException.class);
    }

    @Test
    void aHugeReadAsksForNoMoreThanOneBytePastTheLimit() throws Exception {
        ServletInputStream limited = new LimitedBodyRequest.Limited(
                servletStream(new ByteArrayInputStream(new byte[LIMIT * 4])), LIMIT);
        byte[] buffer = new byte[LIMIT * 4];
        assertThatThrownBy(() -> {
            while (limited.read(buffer, 0, buffer.length) >= 0) {
                // reads until the limit stops it
            }
        }).isInstanceOf(RequestBodyTooLargeException.class);
    }

    @Test
    void aChunkedBodyWithinTheLimitReadsWhole() throws Exception {
        ServletInputStream limited = new LimitedBodyRequest.Limited(
                servletStream(new ByteArrayInputStream(new byte[LIMIT])), LIMIT);
        assertThat(limited.readAllBytes()).hasSize(LIMIT);
    }

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertThat(RequestSizeFilter.size(2 * 1024 * 1024)).isEqualTo("2 MB");
        assertThat(RequestSizeFilter.size(16 * 1024)).isEqualTo("16 KB");
        assertThat(RequestSizeFilter.size(20_000)).isEqualTo("20000 bytes");
    }

    private static ServletInputStream servletStream(InputStream in) {
        return new ServletInputStream() {
            @Override
            public int read() throws java.io.IOException {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
