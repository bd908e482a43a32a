package dev.notes.web;

import dev.notes.platform.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Browser hardening on every response. The content security policy allows scripts, styles and
 * connections only from this origin: even a markup injection that slipped past escaping could not
 * run inline script or send data elsewhere. It also requires Trusted Types and allows one policy,
 * {@value #SERVER_HTML_POLICY}, which one module keeps to itself for the HTML of a note's text that
 * the server rendered and sanitised: the page scripts write all other user content with
 * {@code textContent}, and MyFaces adds no script to these pages, so any other string that reaches
 * an HTML or script sink ({@code innerHTML}, {@code eval}, …) is refused by the browser instead of
 * becoming markup.
 * <p>
 * The policy also turns off browser features Notes never uses (camera, microphone, location,
 * payment, USB, …), keeps other sites' windows out of this one's browsing context group
 * ({@code Cross-Origin-Opener-Policy}) and stops other sites from embedding its responses
 * ({@code Cross-Origin-Resource-Policy}).
 * <p>
 * A dynamic response to a logged-in caller gets {@code Cache-Control: no-store}: it shows that
 * user's name and actions, and must not stay in a shared computer's browser cache or a proxy.
 * Static files keep the container's caching, and anonymous pages keep {@code PageCacheFilter}'s
 * {@code no-cache} with an entity tag. The mechanism ({@code dev.notes.user.SessionAuthenticationMechanism})
 * has established the caller from the session before any filter runs.
 * <p>
 * With an OpenID provider configured, forms may also lead to the provider's origin (its issuer's):
 * the login page's button and the logout are POSTs answered with a redirect there, and browsers
 * hold such redirects to {@code form-action} too.
 * <p>
 * Declared in web.xml, ahead of {@code PageCacheFilter}: a page from the cache gets them too.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /**
     * The one Trusted Types policy: it lets resources/js/server-html.js parse a note's text as the
     * server rendered and sanitised it ({@code dev.notes.note.Markdown}), and nothing else.
     */
    static final String SERVER_HTML_POLICY = "notes-server-html";

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "require-trusted-types-for 'script'",
            "trusted-types " + SERVER_HTML_POLICY);

    @Inject
    private transient Settings settings;

    /** The policy this application sends: {@link #CONTENT_SECURITY_POLICY}, with the OpenID provider's origin when configured. */
    private String contentSecurityPolicy = CONTENT_SECURITY_POLICY;

    /** Powerful features no page of Notes uses, denied to the page and to anything it could embed. */
    static final String PERMISSIONS_POLICY = String.join(", ",
            "accelerometer=()",
            "camera=()",
            "display-capture=()",
            "geolocation=()",
            "gyroscope=()",
            "hid=()",
            "magnetometer=()",
            "microphone=()",
            "midi=()",
            "payment=()",
            "publickey-credentials-get=()",
            "serial=()",
            "usb=()",
            "xr-spatial-tracking=()");

    /**
     * Where static files are served from (under the context root): Faces resources, WebJars and the
     * application's own scripts, styles and icon. Their caching is the container's.
     */
    static final List<String> STATIC_PREFIXES = List.of("/jakarta.faces.resource/", "/webjars/", "/resources/");

    @Override
    public void init() {
        contentSecurityPolicy = contentSecurityPolicy(settings.oidc().map(Settings.Oidc::issuer));
    }

    /** {@link #CONTENT_SECURITY_POLICY}, its forms also allowed to lead to the origin of {@code formTarget}. */
    static String contentSecurityPolicy(Optional<URI> formTarget) {
        return formTarget.map(target -> CONTENT_SECURITY_POLICY.replace("form-action 'self'",
                "form-action 'self' " + target.getScheme() + "://" + target.getRawAuthority()))
                .orElse(CONTENT_SECURITY_POLICY);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        setHeaders(response, contentSecurityPolicy);
        if (request.getUserPrincipal() != null && !isStatic(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    /** Also for a response that never passed this filter (see {@link ServerErrorPageFilter}). */
    static void setHeaders(HttpServletResponse response) {
        setHeaders(response, CONTENT_SECURITY_POLICY);
    }

    private static void setHeaders(HttpServletResponse response, String contentSecurityPolicy) {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
    }

    /** Whether the request is for a static file rather than a page or the API. */
    static boolean isStatic(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return STATIC_PREFIXES.stream().anyMatch(path::startsWith);
    }
}
