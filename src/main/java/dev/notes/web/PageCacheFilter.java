package dev.notes.web;

import dev.notes.platform.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Serves anonymous readers' home page and note pages from the {@link PageCache}, and answers their
 * conditional GETs: every such page carries an {@code ETag} and {@code Cache-Control: no-cache} (the
 * browser may keep it but asks every time, so it never shows a page from before a change), and an
 * {@code If-None-Match} naming the current page gets 304 without a body.
 * <p>
 * Anonymous: no session cookie and no {@code Authorization} header. A request with a session
 * cookie goes through uncached, logged in or not: logged-in pages differ per user, and whether the
 * session still holds a login is only known once it is read. Of what is rendered, only a 200
 * {@code text/html} page that set no cookie and created no session is kept.
 * <p>
 * Last of the filters (web.xml): a page from the cache still gets this instance's name and the
 * security headers, and passes the checks before it, as a rendered one does.
 */
public class PageCacheFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Liberty's default session cookie name, if the servlet context reports none (server.xml: SESSION_COOKIE_NAME). */
    static final String DEFAULT_SESSION_COOKIE = "JSESSIONID";
    /** Longer than any cursor or note key the pages link to (a key is at most {@code NoteDraft.KEY_MAX}). */
    static final int MAX_QUERY_CHARS = 512;

    /** The cached pages and the query parameters each reads: other parameters are not cached. */
    private static final List<CacheablePage> PAGES = List.of(
            new CacheablePage("home", Set.of("/", "/index.xhtml"), Set.of(HomePage.AFTER, HomePage.BEFORE)),
            new CacheablePage("note", Set.of("/note/view", "/note/view.xhtml"), Set.of("key", "before")));

    /** Not kept with a page: set anew on every response, by the container or by this filter. */
    private static final Set<String> PER_RESPONSE_HEADERS = Set.of("set-cookie", "content-length", "content-type",
            "date", "etag", "cache-control");

    @Inject
    private transient PageCache cache;

    @Inject
    private transient Settings settings;

    private boolean enabled;
    private String sessionCookie;

    public PageCacheFilter() {
        // for the container, which injects the cache and the settings
    }

    PageCacheFilter(PageCache cache, Settings settings) {
        this.cache = cache;
        this.settings = settings;
    }

    @Override
    public void init() {
        enabled = settings.pageCache();
        sessionCookie = Optional.ofNullable(getServletContext().getSessionCookieConfig().getName())
                .orElse(DEFAULT_SESSION_COOKIE);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> key = enabled ? cacheKey(request, sessionCookie) : Optional.empty();
        if (key.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        List<CapturedResponse> ownRender = new ArrayList<>(1);
        Optional<CachedPage> page = cache.page(key.get(), () -> {
            Set<String> headersBefore = lowerCase(response.getHeaderNames());
            CapturedResponse captured = new CapturedResponse(response);
            ownRender.add(captured);
            chain.doFilter(request, captured);
            return isKeepable(request, response, captured)
                    ? Optional.of(pageOf(response, captured, headersBefore)) : Optional.empty();
        });
        if (page.isPresent()) {
            answer(request, response, page.get());
        } else if (!ownRender.get(0).passedThrough()) {
            // Rendered here but not to be kept (an error page, a session was created): sent as it is.
            byte[] body = ownRender.get(0).body();
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /**
     * The cache key of an anonymous GET or HEAD of a cached page ("home?after=…", "note?key=…"):
     * the page and its query string as sent; empty for every other request.
     */
    static Optional<String> cacheKey(HttpServletRequest request, String sessionCookie) {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method)) || request.getHeader("Authorization") != null
                || hasCookie(request, sessionCookie)) {
            return Optional.empty();
        }
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        if (query.length() > MAX_QUERY_CHARS) {
            return Optional.empty();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return PAGES.stream()
                .filter(page -> page.paths().contains(path) && page.reads(query))
                .findFirst()
                .map(page -> page.name() + "?" + query);
    }

    /** A 200 HTML page for everyone: no cookie set, no session created, not handed to the container. */
    static boolean isKeepable(HttpServletRequest request, HttpServletResponse response, CapturedResponse captured) {
        String contentType = captured.getContentType();
        return !captured.passedThrough() && captured.getStatus() == HttpServletResponse.SC_OK
                && contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html")
                && !captured.cookieSet() && !response.containsHeader("Set-Cookie")
                && request.getSession(false) == null;
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, CachedPage page)
            throws IOException {
        response.setHeader("ETag", page.entityTag());
        response.setHeader("Cache-Control", "no-cache");
        if (page.isNamedBy(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        page.writeTo(response, !"HEAD".equals(request.getMethod()));
    }

    /** The page as rendered, with the headers it set itself (those there before belong to every response). */
    private static CachedPage pageOf(HttpServletResponse response, CapturedResponse captured, Set<String> headersBefore) {
        List<CachedPage.Header> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            String lowerCase = name.toLowerCase(Locale.ROOT);
            if (!headersBefore.contains(lowerCase) && !PER_RESPONSE_HEADERS.contains(lowerCase)) {
                response.getHeaders(name).forEach(value -> headers.add(new CachedPage.Header(name, value)));
            }
        }
        return new CachedPage(captured.getStatus(), captured.getContentType(), headers, captured.body());
    }

    private static boolean hasCookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> lowerCase(Iterable<String> names) {
        Set<String> lowerCase = new HashSet<>();
        names.forEach(name -> lowerCase.add(name.toLowerCase(Locale.ROOT)));
        return lowerCase;
    }

    /** A page that may be cached: its paths, and the query parameters it reads. */
    private record CacheablePage(String name, Set<String> paths, Set<String> parameters) {

        /** Whether the query string has only parameters this page reads (anything else would only split the cache). */
        boolean reads(String query) {
            if (query.isEmpty()) {
                return true;
            }
            for (String pair : query.split("&", -1)) {
                int equals = pair.indexOf('=');
                if (!parameters.contains(equals < 0 ? pair : pair.substring(0, equals))) {
                    return false;
                }
            }
            return true;
        }
    }
}
