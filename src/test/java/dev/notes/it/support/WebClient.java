package dev.notes.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser without JavaScript: keeps cookies, follows redirects itself (so tests can see them),
 * and submits Faces forms the way a browser does (every field of the form, the pressed button,
 * an {@code Origin} header naming the server).
 */
public final class WebClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_REDIRECTS = 10;

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private volatile String forwardedFor;
    private volatile String requestId;

    public WebClient(URI base) {
        this(base, HttpClient.newBuilder());
    }

    /** A client of an {@code https} base that trusts the certificates {@code tls} trusts (e.g. a test's own). */
    public WebClient(URI base, SSLContext tls) {
        this(base, HttpClient.newBuilder().sslContext(tls));
    }

    private WebClient(URI base, HttpClient.Builder http) {
        this.base = base;
        this.http = http
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /**
     * Makes every later request of this client, pages and WebSockets, claim to come from
     * {@code address} through a proxy ({@code X-Forwarded-For}): a server that trusts this machine
     * as a proxy ({@code TRUSTED_PROXIES}) then takes it for that client address.
     */
    public WebClient forwardedFor(String address) {
        this.forwardedFor = address;
        return this;
    }

    /**
     * Makes every later request of this client carry {@code X-Request-Id: id}, as a proxy in front
     * would send it ({@code null}: none).
     */
    public WebClient requestId(String id) {
        this.requestId = id;
        return this;
    }

    /** GET, following redirects. */
    public Page get(String path) {
        return follow(exchange(HttpRequest.newBuilder(resolve(path)).GET()));
    }

    /** GET without following redirects. */
    public Page getRaw(String path) {
        return exchange(HttpRequest.newBuilder(resolve(path)).GET());
    }

    /** POST of form fields without following redirects; {@code origin} null sends no Origin header. */
    public Page postRaw(String path, Map<String, String> fields, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return exchange(request);
    }

    public String origin() {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().get(base).stream()
                .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    /** Sets (or overwrites) a cookie for the whole site. */
    public void setCookie(String name, String value) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
                .forEach(c -> cookies.getCookieStore().remove(base, c));
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    public List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    /** Replaces this client's cookies with copies of another's: "the same browser profile". */
    public void copyCookiesFrom(WebClient other) {
        cookies.getCookieStore().removeAll();
        for (HttpCookie cookie : other.cookies()) {
            cookies.getCookieStore().add(base, (HttpCookie) cookie.clone());
        }
    }

    /**
     * A new client for {@code instance} with copies of this client's cookies: the same browser,
     * another instance (as behind a load balancer without sticky sessions).
     */
    public WebClient sameBrowserOn(LibertyServer instance) {
        WebClient other = new WebClient(instance.baseUri());
        other.copyCookiesFrom(this);
        return other;
    }

    /**
     * Opens a WebSocket to {@code path} with this client's cookies, as a page of {@code origin} would
     * (null: no Origin header, like a non-browser client).
     */
    public java.util.concurrent.CompletableFuture<java.net.http.WebSocket> openWebSocket(
            String path, String origin, java.net.http.WebSocket.Listener listener) {
        URI ws = URI.create(resolve(path).toString().replaceFirst("^http", "ws"));
        java.net.http.WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(TIMEOUT);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        return builder.buildAsync(ws, listener);
    }

    /** Any request, with this client's cookies, redirects not followed. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        return exchange(request).response();
    }

    public URI uri(String path) {
        return resolve(path);
    }

    URI resolve(String path) {
        URI uri = URI.create(path);
        return uri.isAbsolute() ? uri : base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    Page exchange(HttpRequest.Builder request) {
        if (forwardedFor != null) {
            request.setHeader("X-Forwarded-For", forwardedFor);
        }
        if (requestId != null) {
            request.setHeader("X-Request-Id", requestId);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(this, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Follows the redirects a response starts, as a browser would. */
    public Page follow(Page page) {
        Page current = page;
        for (int i = 0; i < MAX_REDIRECTS && current.isRedirect(); i++) {
            current = exchange(HttpRequest.newBuilder(current.response().uri().resolve(current.location())).GET());
        }
        return current;
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A response, parsed as HTML. */
    public static final class Page {

        private final WebClient client;
        private final HttpResponse<String> response;
        private Document document;

        Page(WebClient client, HttpResponse<String> response) {
            this.client = client;
            this.response = response;
        }

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public HttpResponse<String> response() {
            return response;
        }

        public String path() {
            URI uri = response.uri();
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }

        public boolean isRedirect() {
            return status() / 100 == 3 && response.headers().firstValue("Location").isPresent();
        }

        public String location() {
            return response.headers().firstValue("Location").orElseThrow();
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public Document document() {
            if (document == null) {
                document = Jsoup.parse(body(), response.uri().toString());
            }
            return document;
        }

        public String title() {
            return document().title();
        }

        /** Text of the first element matching the CSS selector, or null. */
        public String text(String cssSelector) {
            Element element = document().selectFirst(cssSelector);
            return element == null ? null : element.text();
        }

        /** The text inside the element with this id (e.g. "noteBody"), keeping line breaks, or null. */
        public String wholeText(String id) {
            Element element = document().getElementById(id);
            return element == null ? null : element.wholeText();
        }

        /** The markup inside the element with this id, as served rather than re-indented, or null. */
        public String innerHtml(String id) {
            Document copy = document().clone();
            copy.outputSettings().prettyPrint(false);
            Element element = copy.getElementById(id);
            return element == null ? null : element.html();
        }

        public boolean has(String cssSelector) {
            return document().selectFirst(cssSelector) != null;
        }

        public Form form(String id) {
            Element form = document().getElementById(id);
            if (form == null || !form.tagName().equals("form")) {
                throw new AssertionError("No form '" + id + "' on " + path() + ":\n" + body());
            }
            return new Form(client, this, form);
        }
    }

    /** A form as the page rendered it; set fields, then press a button. */
    public static final class Form {

        private final WebClient client;
        private final Page page;
        private final Element element;
        private final Map<String, String> fields = new LinkedHashMap<>();
        private String origin;

        Form(WebClient client, Page page, Element element) {
            this.client = client;
            this.page = page;
            this.element = element;
            this.origin = client.origin();
            for (Element input : element.select("input, textarea, select")) {
                String name = input.attr("name");
                String type = input.attr("type");
                if (name.isEmpty() || type.equals("submit") || type.equals("button")) {
                    continue;
                }
                fields.put(name, input.tagName().equals("textarea") ? input.wholeText() : input.val());
            }
        }

        /** Sets a field by its Faces id within the form ("title" sets "noteForm:title") or its full name. */
        public Form set(String field, String value) {
            String name = fields.containsKey(field) ? field : element.id() + ":" + field;
            if (!fields.containsKey(name)) {
                throw new AssertionError("Form '" + element.id() + "' has no field '" + field + "': " + fields.keySet());
            }
            fields.put(name, value);
            return this;
        }

        public Form remove(String name) {
            fields.remove(name);
            return this;
        }

        public Form origin(String origin) {
            this.origin = origin;
            return this;
        }

        public Map<String, String> fields() {
            return fields;
        }

        /** Presses the button with this Faces id (or full name) and returns the response, redirects not followed. */
        public Page pressRaw(String button) {
            return pressRaw(button, null);
        }

        /** Presses a button; {@code value} for buttons that carry one (e.g. a comment's id). */
        public Page pressRaw(String button, String value) {
            String name = button.contains(":") ? button : element.id() + ":" + button;
            Element pressed = element.selectFirst("[name=\"" + name + "\"][value" + (value == null ? "" : "=\"" + value + "\"") + "]");
            if (pressed == null) {
                throw new AssertionError("Form '" + element.id() + "' has no button '" + name + "'"
                        + (value == null ? "" : " with value " + value));
            }
            Map<String, String> submitted = new LinkedHashMap<>(fields);
            submitted.put(name, pressed.val());
            String action = element.attr("action");
            return client.postRaw(page.response().uri().resolve(action).toString(), submitted, origin);
        }

        public Page press(String button) {
            return client.follow(pressRaw(button));
        }

        public Page press(String button, String value) {
            return client.follow(pressRaw(button, value));
        }
    }
}
