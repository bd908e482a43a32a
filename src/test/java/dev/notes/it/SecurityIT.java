package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Comments;
import dev.notes.it.support.Forms;
import dev.notes.it.support.HomeList;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.RawHttp;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import java.net.HttpCookie;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Forgery, injection and leakage: what an attacker would try first. */
@ExtendWith(NotesServer.class)
class SecurityIT {

    private static final String XSS_TITLE = "<img src=x onerror=alert(1)>";
    private static final String XSS_BODY = "</div><script>alert('body')</script>";
    private static final String XSS_COMMENT = "<script>alert('comment')</script>";
    /** The scripts a page may load: the application's own files, every page the layout's, the note forms the preview. */
    private static final String[] APPLICATION_SCRIPTS = {"/resources/js/colour-mode.js", "/resources/js/nav-toggle.js",
            "/resources/js/local-time.js", "/resources/js/live.js", "/resources/js/preview.js"};

    @Test
    void aPostWithoutAValidViewStateChangesNothing(LibertyServer server) {
        var user = Accounts.newUser(server, "xena");
        String key = Notes.uniqueKey("no-state");
        Map<String, String> fields = user.client().get("/note/add").form("noteForm")
                .set("key", key).set("title", "Forged").fields();

        for (String viewState : new String[] {null, "", "stale-or-forged", "AAAA" + "B".repeat(100)}) {
            var forged = new java.util.LinkedHashMap<>(fields);
            if (viewState == null) {
                forged.remove("jakarta.faces.ViewState");
            } else {
                forged.put("jakarta.faces.ViewState", viewState);
            }
            Page response = user.client().postRaw("/note/add", Forms.withButton(forged, "noteForm:save"), user.client().origin());
            assertThat(response.isRedirect()).as("view state %s", viewState).isFalse();
            assertThat(response.body()).doesNotContain("at dev.notes").doesNotContain("Exception");
        }
        assertThat(user.client().get("/note/view?key=" + key).status()).isEqualTo(404);
        assertThat(user.client().postRaw("/note/add",
                Forms.withButton(Map.of("noteForm_SUBMIT", "1", "noteForm:key", key, "noteForm:title", "t",
                        "jakarta.faces.ViewState", "stale-or-forged"), "noteForm:save"), user.client().origin())
                .document().title()).isEqualTo("This page has expired");
    }

    @Test
    void withoutAnOpenIdProviderThereIsNoButtonAndNoCallback(LibertyServer server) {
        WebClient client = new WebClient(server.baseUri());
        assertThat(client.get("/user/login").has("#oidcForm")).as("a 'Log in with' button").isFalse();
        Page callback = client.get("/user/oidc-callback?state=abc&code=def");
        assertThat(callback.status()).isEqualTo(404);
        assertThat(callback.has("#currentUser")).isFalse();
    }

    @Test
    void aPostFromAnotherSiteIsRefused(LibertyServer server) {
        var user = Accounts.newUser(server, "yuri");
        String key = Notes.uniqueKey("csrf");
        Page add = user.client().get("/note/add");

        Page crossSite = add.form("noteForm").set("key", key).set("title", "Forged")
                .origin("https://evil.example").pressRaw("save");
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.title()).isEqualTo("Not allowed");
        assertThat(user.client().get("/note/view?key=" + key).status()).isEqualTo(404);

        Page logout = user.client().get("/").form("logoutForm").origin("http://127.0.0.1.evil.example").pressRaw("logout");
        assertThat(logout.status()).isEqualTo(403);
        assertThat(user.client().get("/").has("#currentUser")).as("still logged in").isTrue();

        String newPassword = "a forged new passphrase";
        Page password = user.client().get("/user/account").form("passwordForm")
                .set("currentPassword", Accounts.PASSWORD).set("newPassword", newPassword)
                .set("newPasswordAgain", newPassword).origin("https://evil.example").pressRaw("changePassword");
        assertThat(password.status()).isEqualTo(403);
        assertThat(Accounts.logInAttempt(new WebClient(server.baseUri()), user.username(), newPassword)
                .has("#currentUser")).as("logged in with the forged password").isFalse();
    }

    @Test
    void userContentIsEscapedEverywhere(LibertyServer server) {
        var user = Accounts.newUser(server, "zoe");
        String key = Notes.uniqueKey("xss");
        Notes.create(user.client(), key, XSS_TITLE, XSS_BODY);
        Page view = Comments.addOnPage(user.client(), key, XSS_COMMENT);

        for (Page page : new Page[] {view, new WebClient(server.baseUri()).get("/"),
                user.client().get("/note/edit?key=" + key), user.client().get("/note/delete?key=" + key)}) {
            assertThat(page.body()).as(page.path())
                    .doesNotContain("<img src=x")
                    .doesNotContain("<script>alert");
            // The application's own modules are the only scripts; no user content became markup.
            assertThat(page.document().select("script").eachAttr("src")).as(page.path())
                    .contains("/resources/js/live.js").isSubsetOf(APPLICATION_SCRIPTS);
            assertThat(page.document().select("img")).as(page.path()).isEmpty();
        }
        assertThat(view.title()).isEqualTo(XSS_TITLE);
        assertThat(view.text("h1")).isEqualTo(XSS_TITLE);
        assertThat(view.text("#noteBody")).as("HTML in a note's Markdown shows as typed").isEqualTo(XSS_BODY);
        assertThat(view.text("#comments .comment-text")).isEqualTo(XSS_COMMENT);
        assertThat(HomeList.titles(new WebClient(server.baseUri()))).contains(XSS_TITLE);
    }

    @Test
    void responsesCarryHardeningHeadersAndASafeSessionCookie(LibertyServer server) {
        Page home = new WebClient(server.baseUri()).get("/");
        assertThat(home.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline"));
        assertThat(home.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(home.header("X-Frame-Options")).contains("DENY");
        assertThat(home.header("X-Powered-By")).isEmpty();

        var user = Accounts.newUser(server, "abby");
        HttpCookie session = user.client().cookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow();
        assertThat(session.isHttpOnly()).isTrue();
        Page login = new WebClient(server.baseUri()).get("/user/login").form("loginForm")
                .set("username", user.username()).set("password", Accounts.PASSWORD).pressRaw("login");
        assertThat(login.response().headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("SameSite=Lax", "HttpOnly"));
    }

    @Test
    void everyResponseCarriesTheBrowserPoliciesAndOnlyLoggedInPagesAreNeverStored(LibertyServer server) {
        var user = Accounts.newUser(server, "cleo");
        String key = createdNote(user);
        WebClient anonymous = new WebClient(server.baseUri());
        Page anonymousPage = anonymous.get("/note/view?key=" + key);
        String stylesheet = anonymousPage.document().select("link[rel=stylesheet]").eachAttr("href").stream()
                .filter(href -> href.startsWith("/webjars/")).findFirst().orElseThrow();
        List<Page> loggedIn = List.of(user.client().get("/"), user.client().get("/note/view?key=" + key),
                user.client().get("/note/edit?key=" + key), user.client().get("/api/notes/" + key + "/comments"));
        List<Page> staticFiles = List.of(user.client().get("/resources/css/notes.css"),
                user.client().get("/resources/js/live.js"), user.client().get(stylesheet));

        for (Page page : concat(List.of(anonymousPage, anonymous.get("/user/login")), loggedIn, staticFiles)) {
            assertThat(page.status()).as(page.path()).isEqualTo(200);
            assertThat(page.header("Content-Security-Policy")).as(page.path()).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("require-trusted-types-for 'script'", "trusted-types notes-server-html"));
            assertThat(page.header("Permissions-Policy")).as(page.path()).hasValueSatisfying(policy -> assertThat(policy)
                    .contains("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"));
            assertThat(page.header("Cross-Origin-Opener-Policy")).as(page.path()).contains("same-origin");
            assertThat(page.header("Cross-Origin-Resource-Policy")).as(page.path()).contains("same-origin");
        }
        for (Page page : loggedIn) {
            assertThat(page.header("Cache-Control")).as(page.path()).contains("no-store");
            assertThat(page.header("ETag")).as(page.path()).isEmpty();
        }
        for (Page page : staticFiles) {
            assertThat(page.header("Cache-Control").filter(value -> value.contains("no-store"))).as(page.path()).isEmpty();
            assertThat(page.header("Last-Modified")).as("the container's validator: %s may be kept", page.path()).isPresent();
        }
        assertThat(anonymousPage.header("Cache-Control")).as("the page cache's").contains("no-cache");
        assertThat(anonymousPage.header("ETag")).isPresent();
    }

    @Test
    void noPageCarriesInlineScriptOrEventHandlers(LibertyServer server) {
        var user = Accounts.newUser(server, "dora");
        String key = createdNote(user);
        Comments.addOnPage(user.client(), key, "a comment with its delete button");
        WebClient anonymous = new WebClient(server.baseUri());
        List<Page> pages = List.of(anonymous.get("/"), anonymous.get("/note/view?key=" + key),
                anonymous.get("/user/login"), anonymous.get("/user/register"), anonymous.get("/note/search?q=errors"),
                anonymous.get("/note/view?key=" + Notes.uniqueKey("missing")),
                user.client().get("/"), user.client().get("/note/view?key=" + key), user.client().get("/note/add"),
                user.client().get("/note/edit?key=" + key), user.client().get("/note/delete?key=" + key),
                user.client().get("/user/account"));

        for (Page page : pages) {
            // Only the application's modules: MyFaces renders no script of its own and no handler
            // attribute, so nothing on a page could assign a string to an injection sink but them.
            assertThat(page.document().select("script").eachAttr("src")).as(page.path())
                    .contains("/resources/js/live.js").isSubsetOf(APPLICATION_SCRIPTS);
            assertThat(page.document().getAllElements().stream()
                    .flatMap(element -> element.attributes().asList().stream())
                    .map(attribute -> attribute.getKey().toLowerCase(java.util.Locale.ROOT))
                    .filter(name -> name.startsWith("on"))).as(page.path()).isEmpty();
            assertThat(page.body()).as(page.path()).doesNotContain("javascript:");
        }
    }

    @SafeVarargs
    private static List<Page> concat(List<Page>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    @Test
    void staticAssetsAreServedFromTheApplication(LibertyServer server) {
        Page home = new WebClient(server.baseUri()).get("/");
        for (var link : home.document().select("link[rel=stylesheet]")) {
            Page css = new WebClient(server.baseUri()).get(link.attr("href"));
            assertThat(css.status()).as(link.attr("href")).isEqualTo(200);
            assertThat(css.header("Content-Type")).as(link.attr("href")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        }
        assertThat(home.document().select("link[href^=http], script[src^=http]")).as("no CDN").isEmpty();
    }

    @Test
    void errorsNeverShowStackTraces(LibertyServer server) {
        var user = Accounts.newUser(server, "ben");
        Page view = user.client().get("/note/view?key=" + createdNote(user));
        // A delete button value that is no comment id at all.
        Page bad = user.client().postRaw(Forms.actionOf(view, "commentActions"),
                Forms.withButton(view.form("commentActions").fields(), "commentActions:delete", "not-a-number"),
                user.client().origin());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.title()).isEqualTo("Something went wrong");
        assertThat(bad.body()).doesNotContain("Exception").doesNotContain("at dev.notes").doesNotContain("NumberFormat");
    }

    @Test
    void theWebServerPlugInsPrivateHeadersAreTrustedFromNobody(LibertyServer server) {
        // Liberty takes $WSSN (host) and $WSSC (scheme) from any client unless told otherwise;
        // honoured, they would name where the login redirect sends the browser.
        RawHttp.Answer redirect = RawHttp.send(server.baseUri(), "GET", "/note/add",
                Map.of("$WSSN", "evil.example", "$WSSC", "https", "$WSSP", "443"));
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).doesNotContain("evil.example").doesNotStartWith("https:")
                .contains("/user/login");
    }

    private static String createdNote(dev.notes.it.support.Accounts.User user) {
        String key = Notes.uniqueKey("errors");
        Notes.create(user.client(), key, "Errors", "");
        return key;
    }
}
