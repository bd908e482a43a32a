package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.RawHttp;
import dev.notes.it.support.WebClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a server logs about who did what from where: the authentication events in messages.log
 * (logger {@code dev.notes.audit}) and every request in the access log, each with the client's
 * address. A server of its own that trusts 127.0.0.2 as its proxy and nothing else, with the
 * shipped login limits: the tests' requests from 127.0.0.2 play the proxy, those from 127.0.0.1 a
 * client talking to the server directly, whose X-Forwarded-For must change nothing. Its first user
 * is configured with a commonly breached password, which the start-up refuses.
 */
class AuthenticationLogIT {

    private static final String TRUSTED_PROXY = "127.0.0.2";
    /** Long enough, but on the list of commonly breached passwords. */
    private static final String COMMON_PASSWORD = "Password1234";

    private static LibertyServer server;

    @BeforeAll
    static void start() {
        server = LibertyServer.create("notes-it-audit", Map.of(
                "TRUSTED_PROXIES", "127\\.0\\.0\\.2",
                "NOTES_ADMIN_USER", "root",
                "NOTES_ADMIN_PASSWORD", COMMON_PASSWORD)).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void everyAuthenticationEventIsLoggedWithWhoAndWhereButNeverThePassword() {
        String username = Accounts.register(server, "audit");
        audit("registration outcome=success user=\"" + username + "\" address=\"127.0.0.1\"");

        WebClient browser = Accounts.logIn(server, username);
        audit("login outcome=success user=\"" + username + "\" address=\"127.0.0.1\"");
        browser.get("/").form("logoutForm").press("logout");
        audit("logout outcome=success user=\"" + username + "\" address=\"127.0.0.1\"");

        // A username as typed, forging a line of its own: it stays inside its quotes on one line.
        String forged = username + "\r\nINFO login outcome=success user=\"admin\"";
        Accounts.logInAttempt(new WebClient(server.baseUri()), forged, "a wrong password 0");
        audit("login outcome=failure user=\"" + username + "??INFO login outcome=success user=?admin?\" address=\"127.0.0.1\"");
        assertThat(server.log()).doesNotContain("user=\"admin\"");

        // Five failures for one account from one address use up its count; the sixth is refused unchecked.
        for (int i = 1; i <= 5; i++) {
            Accounts.logInAttempt(new WebClient(server.baseUri()), username, "a wrong password " + i);
        }
        audit("login outcome=failure user=\"" + username + "\" address=\"127.0.0.1\"");
        WebClient.Page refused = Accounts.logInAttempt(new WebClient(server.baseUri()), username, Accounts.PASSWORD);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(audit("login outcome=throttled user=\"" + username + "\" address=\"127.0.0.1\""))
                .containsPattern("retry_after=\\d+s$");

        String log = server.log();
        assertThat(log).doesNotContain(Accounts.PASSWORD).doesNotContain("a wrong password");
    }

    @Test
    void theAccessLogTakesTheForwardedAddressFromTheTrustedProxyOnly() throws UnknownHostException {
        // A page of the application: it answers with the request id the access log shows (/health is Liberty's).
        String trace = UUID.randomUUID().toString();
        String viaProxy = "/?trace=" + trace;
        RawHttp.Answer answer = RawHttp.sendFrom(InetAddress.getByName(TRUSTED_PROXY), server.baseUri(), "GET", viaProxy,
                Map.of("X-Forwarded-For", "198.51.100.23", "X-Request-Id", "request-" + trace,
                        "User-Agent", "audit-test"));
        assertThat(answer.status()).isEqualTo(200);
        String line = server.awaitLine(server.accessLog(), viaProxy);
        assertThat(line).matches("198\\.51\\.100\\.23 \\[[^]]+] \"GET \\Q" + viaProxy + "\\E HTTP/1\\.1\" 200 \\d+ \\d+"
                + " \"request-\\Q" + trace + "\\E\" \"audit-test\"");

        String direct = "/health/live?trace=" + UUID.randomUUID();
        assertThat(RawHttp.send(server.baseUri(), "GET", direct, Map.of("X-Forwarded-For", "198.51.100.24")).status())
                .isEqualTo(200);
        assertThat(server.awaitLine(server.accessLog(), direct)).startsWith("127.0.0.1 ")
                .doesNotContain("198.51.100.24");
    }

    @Test
    void aClientOutsideTheTrustedProxiesCannotNameItsOwnAddress() {
        String username = Accounts.register(server, "spoof");
        // Each attempt claims another address; not sent by a trusted proxy, the claim is ignored,
        // so the five failures count for 127.0.0.1 and the sixth is refused.
        for (int i = 1; i <= 5; i++) {
            WebClient claiming = new WebClient(server.baseUri()).forwardedFor("198.51.100." + (100 + i));
            Accounts.logInAttempt(claiming, username, "a wrong password " + i);
        }
        WebClient sixth = new WebClient(server.baseUri()).forwardedFor("198.51.100.106");
        assertThat(Accounts.logInAttempt(sixth, username, Accounts.PASSWORD).status()).isEqualTo(429);
        audit("login outcome=throttled user=\"" + username + "\" address=\"127.0.0.1\"");
        assertThat(server.log()).doesNotContain("address=\"198.51.100.");
    }

    @Test
    void aFirstUserWithACommonlyBreachedPasswordIsNotSeededAndTheStartSaysWhy() {
        assertThat(server.awaitLine(server.messagesLog(), "NOTES_ADMIN_USER/NOTES_ADMIN_PASSWORD are not a valid account"))
                .contains(" E ")
                .contains("password: This password is one of the most common in breached password lists");
        assertThat(server.log()).doesNotContain(COMMON_PASSWORD);
        assertThat(Accounts.logInAttempt(new WebClient(server.baseUri()), "root", COMMON_PASSWORD).text("#messages"))
                .isEqualTo("Wrong username or password.");
    }

    /** The line of messages.log with this authentication event, from the authentication logger. */
    private static String audit(String event) {
        String line = server.awaitLine(server.messagesLog(), event);
        assertThat(line).contains(" dev.notes.audit ");
        return line;
    }
}
