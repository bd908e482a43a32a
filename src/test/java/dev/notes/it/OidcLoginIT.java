package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Browser;
import dev.notes.it.support.BrowserEvidence;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.NotesCluster.Cluster;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.OpenIdProvider;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Login through a real OpenID provider ({@link OpenIdProvider}, on 127.0.0.1) in headless Chromium,
 * on two instances sharing Redis: the login is a session like a password's, valid on both, ended
 * on both by a logout that also goes through the provider's end-session endpoint; the same
 * subject is the same local user at every login, and a local account of the same username is not
 * taken over. A tampered {@code state}, an ID token for another audience and an expired one log
 * nobody in, each with its page and audit line, and so does a disabled account. A Notes whose
 * provider is down starts all the same and says so at the button.
 */
class OidcLoginIT {

    private static final Duration LOG_WAIT = Duration.ofSeconds(10);

    private static OpenIdProvider provider;
    private static Cluster cluster;

    @RegisterExtension
    final BrowserEvidence browsers = new BrowserEvidence();

    @BeforeAll
    static void start() {
        provider = OpenIdProvider.start();
        Map<String, String> settings = new HashMap<>(provider.settings());
        settings.put("NOTES_ADMIN_USER", NotesServer.ADMINISTRATOR);
        settings.put("NOTES_ADMIN_PASSWORD", NotesServer.ADMINISTRATOR_PASSWORD);
        cluster = NotesCluster.start("oidc", settings);
    }

    @AfterAll
    static void stop() {
        // The cluster first, then the provider, also when stopping the cluster fails.
        OpenIdProvider stoppedLast = provider;
        try (stoppedLast) {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    void aLoginThroughTheProviderIsASessionOnBothInstancesThatALogoutEndsEverywhere() {
        String username = Accounts.uniqueName("ada");
        Browser browser = browsers.open("ada", cluster.a().baseUri());
        browser.open("/note/add");
        assertThat(browser.driver().getCurrentUrl()).contains("/user/login?next=");
        browser.find("#oidcForm\\:oidcLogin").click();
        String sessionBeforeLogin = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        provider.signIn(browser, "subject-" + username,
                "{\"preferred_username\": \"" + username + "\", \"name\": \"Ada Lovelace\"}");

        browser.until(visibilityOfElementLocated(By.id("currentUser")));
        assertThat(URI.create(browser.driver().getCurrentUrl()).getPath()).as("back where the login began")
                .isEqualTo("/note/add");
        assertThat(username(browser)).isEqualTo(username);
        assertThat(browser.find("#currentUser").getText()).contains("Ada Lovelace");
        String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        assertThat(session).as("session id changed at login").isNotEqualTo(sessionBeforeLogin);
        cluster.a().awaitLog("login outcome=success user=\"" + username + "\" address=\"127.0.0.1\" method=oidc",
                LOG_WAIT);

        WebClient onB = new WebClient(cluster.b().baseUri());
        onB.setCookie("JSESSIONID", session);
        assertThat(onB.get("/").text("#currentUser")).as("the login on B").contains("Ada Lovelace");
        String key = Notes.uniqueKey("oidc");
        Notes.create(onB, key, "Written through the provider's login", "by an external user");
        assertThat(onB.get("/note/view?key=" + key).document().selectFirst("[data-author]").attr("data-author"))
                .as("the note's author").isEqualTo(username);
        assertThat(onB.get("/user/account").has("#externalPassword")).as("the account page's password part")
                .isTrue();

        Page logout = onB.get("/").form("logoutForm").pressRaw("logout");
        assertThat(logout.isRedirect()).isTrue();
        String endSession = logout.location();
        assertThat(provider.serves(endSession)).as("logout goes on to the provider: %s", endSession).isTrue();
        assertThat(query(endSession)).containsKeys("id_token_hint")
                .containsEntry("post_logout_redirect_uri", cluster.b().baseUri().toString())
                .containsEntry("client_id", OpenIdProvider.CLIENT_ID);
        Page backHome = onB.follow(logout);
        assertThat(backHome.path()).as("the provider sends the browser back to Notes").isEqualTo("/");
        Accounts.assertLoggedOut(onB, "on B after the logout");
        browser.open("/");
        assertThat(browser.findAll("#currentUser")).as("logged out on A too").isEmpty();
        cluster.b().awaitLog("logout outcome=success user=\"" + username + "\"", LOG_WAIT);
    }

    @Test
    void aSecondLoginOfTheSameSubjectIsTheSameUserWhateverItsUsernameClaimSays() {
        String username = Accounts.uniqueName("bea");
        String subject = "subject-" + username;
        Browser browser = browsers.open("bea", cluster.a().baseUri());
        logInAsNewUser(browser, subject, username);
        browser.find("#logoutForm\\:logout").click();
        browser.until(visibilityOfElementLocated(By.id("loginLink")));

        browser.at(cluster.b().baseUri());
        provider.logIn(browser, subject, "{\"preferred_username\": \"renamed-" + username + "\"}");
        assertThat(username(browser)).as("the same local user, found by issuer and subject").isEqualTo(username);
    }

    @Test
    void aLocalAccountWithTheSameUsernameIsNotTakenOver() {
        String local = Accounts.register(cluster.a(), "cyd");
        Browser browser = browsers.open("cyd", cluster.a().baseUri());
        provider.logIn(browser, "subject-" + local, "{\"preferred_username\": \"" + local + "\"}");

        assertThat(username(browser)).as("the external user's own name").isEqualTo(local + "-2");
        assertThat(Accounts.logIn(cluster.a(), local).get("/user/account").text("#accountUsername"))
                .as("the local account, with its password").isEqualTo(local);
        Page noPassword = Accounts.logInAttempt(new WebClient(cluster.b().baseUri()), local + "-2", Accounts.PASSWORD);
        assertThat(noPassword.has("#currentUser")).as("the external user through the form").isFalse();
    }

    @Test
    void aDisabledAccountIsRefusedThroughTheProviderToo() {
        String username = Accounts.uniqueName("gil");
        String subject = "subject-" + username;
        Browser browser = browsers.open("gil", cluster.a().baseUri());
        logInAsNewUser(browser, subject, username);

        Accounts.logInAsAdministrator(cluster.b()).get("/admin/users?q=" + username).form("userActions")
                .press("disable", username);
        browser.open("/");
        assertThat(browser.findAll("#currentUser")).as("the disabled user's session").isEmpty();
        provider.logIn(browser, subject, "{}");

        browser.until(visibilityOfElementLocated(By.id("oidcProblem")));
        assertThat(browser.find("#oidcProblem").getAttribute("data-problem")).isEqualTo("disabled");
        assertThat(browser.findAll("#currentUser")).as("logged in").isEmpty();
        cluster.a().awaitLog("login outcome=disabled user=\"" + username + "\" address=\"127.0.0.1\" method=oidc"
                + " reason=disabled", LOG_WAIT);
    }

    @Test
    void aTamperedStateLogsNobodyIn() {
        Browser browser = browsers.open("dan", cluster.a().baseUri());
        browser.open("/user/login");
        browser.find("#oidcForm\\:oidcLogin").click();
        browser.until(visibilityOfElementLocated(By.name("username")));
        String authorization = browser.driver().getCurrentUrl();
        String state = query(authorization).get("state");
        browser.driver().get(authorization.replace("state=" + state, "state=" + "x" + state.substring(1)));
        provider.signIn(browser, "subject-" + Accounts.uniqueName("dan"), "{}");

        assertRefused(browser, "state");
        Page noLoginBegun = new WebClient(cluster.b().baseUri()).get("/user/oidc-callback?state=abc&code=def");
        assertThat(noLoginBegun.status()).isEqualTo(400);
        assertThat(noLoginBegun.has("#currentUser")).isFalse();
        assertThat(noLoginBegun.document().selectFirst("#oidcProblem").attr("data-problem")).isEqualTo("state");
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefused() {
        Browser browser = browsers.open("eve", cluster.a().baseUri());
        provider.logIn(browser, "subject-" + Accounts.uniqueName("eve"), "{\"aud\": [\"another-client\"]}");
        assertRefused(browser, "token");
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        long now = Instant.now().getEpochSecond();
        Browser browser = browsers.open("fay", cluster.a().baseUri());
        provider.logIn(browser, "subject-" + Accounts.uniqueName("fay"),
                "{\"iat\": " + (now - 7200) + ", \"nbf\": " + (now - 7200) + ", \"exp\": " + (now - 3600) + "}");
        assertRefused(browser, "token");
    }

    /**
     * On a server of its own: its provider is down, and its address limit is low (3), since every
     * test's client is 127.0.0.1 and the cluster's limits are raised for that.
     */
    @Test
    void aProviderThatIsDownAtStartStopsNothingAndFailedCallbacksFromAnAddressAreThrottled() {
        String nobody = "http://127.0.0.1:" + LibertyServer.freePort() + "/nobody";
        try (LibertyServer alone = LibertyServer.create("oidc-down", Map.of("OIDC_ISSUER", nobody,
                "OIDC_CLIENT_ID", "notes", "OIDC_CLIENT_SECRET", "a-client-secret-for-tests",
                "OIDC_PROVIDER_NAME", "Nobody", "LOGIN_FAILURES_PER_ADDRESS", "3")).start()) {
            WebClient client = new WebClient(alone.baseUri());
            Page refused = client.get("/user/login").form("oidcForm").pressRaw("oidcLogin");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.text("#messages")).contains("Nobody is not answering");
            assertThat(refused.has("#loginForm\\:password")).as("the password form stays").isTrue();

            // Forged callbacks, as from someone trying codes: each is a failed login of the address.
            for (int attempt = 1; attempt <= 3; attempt++) {
                Page forged = client.get("/user/oidc-callback?state=forged-" + attempt + "&code=guess-" + attempt);
                assertThat(forged.status()).as("forged callback " + attempt).isEqualTo(400);
            }
            Page throttled = client.get("/user/oidc-callback?state=forged-4&code=guess-4");
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.header("Retry-After")).as("Retry-After").isPresent();
            assertThat(throttled.document().selectFirst("#oidcProblem").attr("data-problem")).isEqualTo("throttled");
            assertThat(throttled.text("#oidcProblem")).contains("Too many failed logins");
            alone.awaitLog("login outcome=throttled user=(none) address=\"127.0.0.1\" method=oidc reason=throttled", LOG_WAIT);
        }
    }

    /** The browser shows the callback's problem page for {@code problem}, nobody logged in, and A logged it. */
    private static void assertRefused(Browser browser, String problem) {
        browser.until(visibilityOfElementLocated(By.id("oidcProblem")));
        assertThat(browser.find("#oidcProblem").getAttribute("data-problem")).isEqualTo(problem);
        assertThat(browser.find("#tryAgain").getAttribute("href")).endsWith("/user/login");
        assertThat(browser.findAll("#currentUser")).as("logged in").isEmpty();
        cluster.a().awaitLog("login outcome=failure user=(none) address=\"127.0.0.1\" method=oidc reason=" + problem,
                LOG_WAIT);
    }

    /** A first login of {@code subject}, whose username claim is free: the new user has that name. */
    private static void logInAsNewUser(Browser browser, String subject, String username) {
        provider.logIn(browser, subject, "{\"preferred_username\": \"" + username + "\"}");
        assertThat(username(browser)).as("the new user's name").isEqualTo(username);
    }

    /** The username of the browser's login, as its account page shows it (which it opens). */
    private static String username(Browser browser) {
        return browser.open("/user/account").find("#accountUsername").getText();
    }

    private static Map<String, String> query(String url) {
        String query = URI.create(url).getRawQuery();
        return java.util.Arrays.stream(query.split("&")).map(pair -> pair.split("=", 2))
                .collect(java.util.stream.Collectors.toMap(pair -> pair[0],
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "",
                        (first, second) -> second));
    }
}
