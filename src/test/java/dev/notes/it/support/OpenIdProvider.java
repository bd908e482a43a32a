package dev.notes.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A real OpenID provider on 127.0.0.1: NAV's {@code mock-oauth2-server} (a test dependency), run as
 * a JVM of its own from this test's class path, with its interactive login form. The form takes
 * any subject and, as JSON, claims that the ID token gets in place of its own: a test asks for a
 * token for another audience ({@code aud}) or one that expired ({@code exp}) just by typing them.
 * The provider signs with its own keys, serves discovery, JWKS, token and end-session endpoints,
 * and accepts any client id and secret. Stopped by {@link #close}.
 */
public final class OpenIdProvider implements AutoCloseable {

    /** The issuer's path on the server: the server hosts any number of issuers, one per first path segment. */
    private static final String ISSUER_ID = "notes";

    public static final String CLIENT_ID = "notes-client";
    public static final String PROVIDER_NAME = "Test Provider";

    private static final String MAIN_CLASS = "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String LOG = "provider.log";

    private final Path directory;
    private final int port;
    private final Process process;

    private OpenIdProvider(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
    }

    /** Starts the provider on a free port and returns once its discovery document answers. */
    public static OpenIdProvider start() {
        Path directory;
        try {
            directory = Files.createTempDirectory("notes-oidc-provider-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = LibertyServer.freePort();
        Path log = directory.resolve(LOG);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp",
                System.getProperty("java.class.path"), MAIN_CLASS))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("SERVER_HOSTNAME", "127.0.0.1", "SERVER_PORT", Integer.toString(port),
                "JSON_CONFIG", "{\"interactiveLogin\": true}"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the OpenID provider", e);
        }
        OpenIdProvider provider = new OpenIdProvider(directory, port, process);
        try {
            provider.awaitDiscovery();
        } catch (RuntimeException e) {
            provider.close();
            throw e;
        }
        return provider;
    }

    private void awaitDiscovery() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(2)).build();
        RedisProcess.awaitTrue("OpenID provider's discovery document", START_TIMEOUT, directory, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The OpenID provider ended at start; its log:\n"
                        + RedisProcess.log(directory.resolve(LOG)));
            }
            try {
                return client.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** The issuer identifier, also the base of its discovery document. */
    public String issuer() {
        return "http://127.0.0.1:" + port + "/" + ISSUER_ID;
    }

    /** The settings that make Notes use this provider. */
    public Map<String, String> settings() {
        return Map.of("OIDC_ISSUER", issuer(), "OIDC_CLIENT_ID", CLIENT_ID,
                "OIDC_CLIENT_SECRET", "a-client-secret-for-tests", "OIDC_PROVIDER_NAME", PROVIDER_NAME);
    }

    /**
     * In {@code browser}, on Notes' login page of its current instance: presses "Log in with …",
     * signs in at the provider as {@code subject} with {@code claims} (a JSON object; "{}" for the
     * provider's own) and waits until the browser is back at Notes.
     */
    public void logIn(Browser browser, String subject, String claims) {
        browser.open("/user/login");
        browser.find("#oidcForm\\:oidcLogin").click();
        signIn(browser, subject, claims);
    }

    /** At the provider's sign-in form the browser shows: signs in, and waits until the browser left the provider. */
    public void signIn(Browser browser, String subject, String claims) {
        browser.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        browser.find("input[name=username]").sendKeys(subject);
        browser.find("textarea[name=claims]").sendKeys(claims);
        browser.find("input[type=submit]").click();
        browser.until(driver -> !driver.getCurrentUrl().startsWith("http://127.0.0.1:" + port + "/"));
    }

    /** Whether {@code url} is this provider's. */
    public boolean serves(String url) {
        return url.startsWith("http://127.0.0.1:" + port + "/");
    }

    @Override
    public void close() {
        Command.stop(process, Duration.ofSeconds(10));
        try {
            LibertyServer.deleteRecursively(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + directory, e);
        }
    }
}
