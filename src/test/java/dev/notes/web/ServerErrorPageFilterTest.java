package dev.notes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

class ServerErrorPageFilterTest {

    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final FilterChain chain = mock(FilterChain.class);
    private final RequestDispatcher facesPage = mock(RequestDispatcher.class);

    /** As Liberty's JCache session store throws it: its own RuntimeException, without a cause. */
    private static RuntimeException sessionStoreFailure() {
        RuntimeException failure = new RuntimeException("Internal Server Error");
        failure.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("com.ibm.ws.session.store.cache.CacheHashMap", "readFromExternal", null, 1324),
                new StackTraceElement("com.ibm.ws.session.SessionManager", "getSession", null, 683)});
        return failure;
    }

    @Test
    void aSessionStoreFailureGetsTheStaticUnavailablePage() throws Exception {
        when(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION)).thenReturn(sessionStoreFailure());

        new ServerErrorPageFilter().doFilter(request, response, chain);

        verify(response).setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        verify(response).setHeader("Retry-After", UnavailableFilter.RETRY_AFTER_SECONDS);
        verify(response).setHeader("Content-Security-Policy", SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
        verify(chain).doFilter(request, response);
        verify(request, never()).getRequestDispatcher(ServerErrorPageFilter.FACES_PAGE);
    }

    @Test
    void everyOtherErrorIsForwardedToTheFacesErrorPage() throws Exception {
        when(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION)).thenReturn(new IllegalStateException("bug"));
        when(request.getRequestDispatcher(ServerErrorPageFilter.FACES_PAGE)).thenReturn(facesPage);

        new ServerErrorPageFilter().doFilter(request, response, chain);

        verify(facesPage).forward(request, response);
        verifyNoInteractions(chain, response);
    }

    @Test
    void aSendErrorWithoutExceptionIsForwardedToTheFacesErrorPage() throws Exception {
        when(request.getRequestDispatcher(ServerErrorPageFilter.FACES_PAGE)).thenReturn(facesPage);

        new ServerErrorPageFilter().doFilter(request, response, chain);

        verify(facesPage).forward(request, response);
        verifyNoInteractions(chain, response);
    }

    @Test
    void theSessionStoreFailureIsFoundAmongTheCauses() {
        assertThat(ServerErrorPageFilter.isSessionStoreFailure(new ServletException(sessionStoreFailure()))).isTrue();
        assertThat(ServerErrorPageFilter.isSessionStoreFailure(new ServletException(new IllegalStateException()))).isFalse();
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException first = new RuntimeException();
        RuntimeException second = new RuntimeException(first);
        first.initCause(second);

        assertThat(ServerErrorPageFilter.isSessionStoreFailure(first)).isFalse();
    }
}
