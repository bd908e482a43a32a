package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Command;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS terminated by the instance itself (NOTES_TLS=keystore), as for a pod that serves HTTPS: a
 * server given a keystore the test makes with keytool, and the session cookie the deployments in
 * docker/ use, Secure and named with the {@code __Host-} prefix. The clients trust the test's
 * certificate and nothing else, and check the host name against it.
 */
class InstanceTlsIT {

    private static final String COOKIE = "__Host-notes-session";
    private static final String KEYSTORE_PASSWORD = "test-keystore-" + System.nanoTime();

    @TempDir
    static Path keys;

    private static LibertyServer server;
    private static URI https;
    private static SSLContext trustingTheTestCertificate;

    @BeforeAll
    static void start() throws IOException, GeneralSecurityException {
        Path keystore = keys.resolve("keystore.p12");
        Command.Result made = Command.run(null, Map.of(), Duration.ofSeconds(60), List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "notes", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD));
        assertThat(made.exitCode()).as(made.output()).isZero();
        trustingTheTestCertificate = trusting(keystore);

        int httpsPort = LibertyServer.freePort();
        server = LibertyServer.create("notes-it-tls", Map.of(
                "NOTES_TLS", "keystore",
                "HTTPS_PORT", Integer.toString(httpsPort),
                "KEYSTORE_FILE", keystore.toString(),
                "KEYSTORE_PASSWORD", KEYSTORE_PASSWORD,
                "SESSION_COOKIE_SECURE", "true",
                "SESSION_COOKIE_NAME", COOKIE)).start();
        https = URI.create("https://127.0.0.1:" + httpsPort + "/");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Trusts the one certificate of {@code keystore}, as a browser told about the test's own CA would. */
    private static SSLContext trusting(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore own = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            own.load(in, KEYSTORE_PASSWORD.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("notes", own.getCertificate("notes"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Test
    void pagesAreServedOverTlsOneTwoOrNewerWithNoTlsWarningLogged() {
        WebClient.Page home = new WebClient(https, trustingTheTestCertificate).get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.response().sslSession()).hasValueSatisfying(
                session -> assertThat(session.getProtocol()).isIn("TLSv1.3", "TLSv1.2"));
        assertThat(server.log()).as("no warning or error of Liberty's TLS (CWPKI…, CWWKO…)")
                .doesNotContainPattern("\\b[WE] CW(PKI|WKO)\\d+[WE]:");
    }

    @Test
    void aLoginOverHttpsGetsASecureHostPrefixedCookieThatHoldsIt() {
        WebClient browser = new WebClient(https, trustingTheTestCertificate);
        String username = Accounts.register(browser, "tls");

        WebClient.Page answer = browser.get("/user/login").form("loginForm")
                .set("username", username).set("password", Accounts.PASSWORD).pressRaw("login");
        List<String> setCookies = answer.response().headers().allValues("Set-Cookie");
        assertThat(setCookies).noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
        List<String> sessionCookies = setCookies.stream().filter(cookie -> cookie.startsWith(COOKIE + "=")).toList();
        assertThat(sessionCookies).as("Set-Cookie of the login: %s", setCookies).isNotEmpty().allSatisfy(cookie -> {
            List<String> attributes = Arrays.stream(cookie.split(";")).skip(1)
                    .map(attribute -> attribute.strip().toLowerCase(Locale.ROOT)).toList();
            assertThat(attributes).contains("secure", "path=/", "httponly", "samesite=lax")
                    .noneMatch(attribute -> attribute.startsWith("domain="));
        });

        assertThat(browser.follow(answer).text("#currentUser")).contains("Display " + username);
        assertThat(browser.cookie(COOKIE)).isPresent();
    }

    /**
     * The page cache tells readers from logged-in users by the session cookie: renamed, it must
     * still be recognised, or a logged-in user would get the anonymous page from the cache.
     */
    @Test
    void theRenamedSessionCookieStillKeepsLoggedInPagesOutOfTheAnonymousCache() {
        WebClient anonymous = new WebClient(https, trustingTheTestCertificate);
        assertThat(anonymous.get("/").status()).isEqualTo(200);
        WebClient browser = new WebClient(https, trustingTheTestCertificate);
        String username = Accounts.register(browser, "cache");
        Accounts.logIn(browser, username);

        assertThat(browser.get("/").text("#currentUser")).contains("Display " + username);
        assertThat(anonymous.get("/").body()).doesNotContain(username);
    }
}
