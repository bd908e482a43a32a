package dev.notes.web;

import dev.notes.user.SessionAuthenticationMechanism;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * While the session store (Redis, in a cluster) is away, a request that comes with a session gets
 * the "temporarily unavailable" page (503, Retry-After) instead of an error or a page that pretends
 * the user were logged out (the API: the same as a {@link Problem}). Requests without a session, anonymous reading, go on as usual.
 * <p>
 * Declared in web.xml, ahead of {@code PageCacheFilter}.
 */
public class UnavailableFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String RETRY_AFTER_SECONDS = "30";

    static final String UNAVAILABLE = "Temporarily unavailable. Please try again in a moment.";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The login mechanism ran before any filter; it marks the request when the store failed.
        if (request.getAttribute(SessionAuthenticationMechanism.SESSION_STORE_FAILED) != null
                && !request.getRequestURI().startsWith(request.getContextPath() + "/health")) {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            if (NotesApi.isApiRequest(request)) {
                Problem.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, UNAVAILABLE);
            } else {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
