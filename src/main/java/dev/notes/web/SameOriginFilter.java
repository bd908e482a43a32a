package dev.notes.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses state-changing requests sent by another site's page (cross-site request forgery).
 * <p>
 * Faces forms carry a view state, but with client-side state saving (needed so that any instance
 * can take any postback) that state is not tied to the user: another site could fetch one. So a
 * POST is only accepted when the browser says it comes from this application: its {@code Origin}
 * (or, from older browsers, its {@code Referer}) names the host the request was sent to. Requests
 * with neither header come from non-browser clients, which hold no victim's cookies. The session
 * cookie is also {@code SameSite=Lax} (server.xml), so browsers do not attach it to cross-site POSTs.
 * <p>
 * The same check guards WebSocket handshakes: they are GETs, but a page of another site could open
 * one with the user's cookies (cross-site WebSocket hijacking); browsers always send their Origin.
 * <p>
 * The API ({@code /api/…}) gets the refusal as a {@link Problem}, pages the "forbidden" page.
 * <p>
 * Declared in web.xml, ahead of {@code PageCacheFilter}.
 */
public class SameOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CROSS_SITE = "Refused: this request was sent by a page of another site.";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean checked = !SAFE_METHODS.contains(request.getMethod()) || isWebSocketHandshake(request);
        if (!checked || isSameOrigin(request)) {
            chain.doFilter(request, response);
        } else if (NotesApi.isApiRequest(request)) {
            Problem.write(response, HttpServletResponse.SC_FORBIDDEN, CROSS_SITE);
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    static boolean isWebSocketHandshake(HttpServletRequest request) {
        return "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    static boolean isSameOrigin(HttpServletRequest request) {
        String source = request.getHeader("Origin");
        if (source == null || source.isEmpty()) {
            source = request.getHeader("Referer");
        }
        if (source == null || source.isEmpty()) {
            return true;
        }
        String host = request.getHeader("Host");
        return host != null && host.toLowerCase(Locale.ROOT).equals(authorityOf(source));
    }

    /** "https://Example.org:8443/path" → "example.org:8443"; null for "null" or garbage. */
    static String authorityOf(String url) {
        try {
            String authority = URI.create(url).getRawAuthority();
            return authority == null ? null : authority.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
