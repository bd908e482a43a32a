package dev.notes.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Picks the page for a server error (500): "temporarily unavailable" (503, Retry-After) when
 * Liberty's session store failed, the Faces error page for everything else.
 * <p>
 * Why a static page first: while Redis is away, a request with a session cookie fails before any
 * filter, when Liberty (and Weld) read the session. Liberty then dispatches to the error page and
 * reads the session once more for it, failing again (an empty 500), unless the target is a static
 * file and {@code ignoreSessionOnStaticFileRequest} is set (server.xml). So {@code web.xml} names
 * {@link #STATIC_PAGE} for every server error, and this filter, on that error dispatch only, keeps
 * it for the session-store failure and forwards the rest to {@link #FACES_PAGE}, where the session
 * works as usual. The static page's links are absolute, as it answers at the URL of the failed
 * request; the context root is "/" (server.xml).
 */
@WebFilter(urlPatterns = ServerErrorPageFilter.STATIC_PAGE, dispatcherTypes = DispatcherType.ERROR)
public class ServerErrorPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String STATIC_PAGE = "/error/unavailable.html";

    static final String FACES_PAGE = "/error/error.xhtml";

    /** Liberty's session store classes (the JCache one throws a RuntimeException of its own, without a cause). */
    private static final String SESSION_STORE_PACKAGE = "com.ibm.ws.session.store.";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isSessionStoreFailure((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            request.getRequestDispatcher(FACES_PAGE).forward(request, response);
            return;
        }
        // The request failed before SecurityHeadersFilter ran.
        SecurityHeadersFilter.setHeaders(response);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", UnavailableFilter.RETRY_AFTER_SECONDS);
        chain.doFilter(request, response);
    }

    /** Whether the exception, or one of its causes, was thrown by Liberty's session store. */
    static boolean isSessionStoreFailure(Throwable exception) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = exception; t != null && seen.add(t); t = t.getCause()) {
            StackTraceElement[] stack = t.getStackTrace();
            if (stack.length > 0 && stack[0].getClassName().startsWith(SESSION_STORE_PACKAGE)) {
                return true;
            }
        }
        return false;
    }
}
