package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.SharedAddressLimits;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Faces view state's keys and lifetime, on real servers configured as an operator would: keys
 * that are not real keys stop the deployment with a message naming the variable (and the
 * application is not served), and a form older than {@code NOTES_VIEW_STATE_LIFETIME} gets the
 * "page expired" answer while a fresh one saves.
 * <p>
 * The old form is rendered first ({@link #renderAFormToAge}), and the deployments meant to fail
 * are tried while it ages: the lifetime's test, last, then waits only for what is left of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewStateIT {

    /** Long enough for a first start on a busy 2-core machine. */
    private static final Duration FAILED_START = Duration.ofSeconds(240);
    /** The shortest lifetime the settings accept (MyFaces counts whole minutes). */
    private static final Duration LIFETIME = Duration.ofMinutes(2);

    private LibertyServer server;
    private Accounts.User author;
    private String oldKey;
    private Instant rendered;
    private WebClient.Form oldForm;

    @BeforeAll
    void renderAFormToAge() {
        Map<String, String> settings = new HashMap<>(NotesCluster.sharedFacesSecrets());
        settings.putAll(SharedAddressLimits.settings());
        settings.put("NOTES_VIEW_STATE_LIFETIME", LIFETIME.toMinutes() + "m");
        server = LibertyServer.create("notes-it-view-state", settings).start();
        author = Accounts.newUser(server, "olga");
        oldKey = Notes.uniqueKey("old-form");
        rendered = Instant.now();
        oldForm = author.client().get("/note/add").form("noteForm")
                .set("key", oldKey).set("title", "Typed long ago").set("body", "a draft");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @Order(1)
    void theExamplesPlaceholderStopsTheDeployment() {
        try (LibertyServer failing = LibertyServer.create("notes-it-keys-placeholder",
                Map.of("NOTES_FACES_SECRET", "change me", "NOTES_FACES_MAC_SECRET", "change me"))) {
            String log = failedStart(failing, "NOTES_FACES_SECRET is a placeholder");
            assertThat(log).contains("NOTES_FACES_MAC_SECRET is a placeholder").doesNotContain("change me");
        }
    }

    @Test
    @Order(2)
    void oneKeyWithoutTheOtherStopsTheDeployment() {
        String secret = NotesCluster.sharedFacesSecrets().get("NOTES_FACES_SECRET");
        try (LibertyServer failing = LibertyServer.create("notes-it-keys-one", Map.of("NOTES_FACES_SECRET", secret))) {
            String log = failedStart(failing, "NOTES_FACES_SECRET is set but NOTES_FACES_MAC_SECRET is not");
            assertThat(log).doesNotContain(secret);
        }
    }

    @Test
    @Order(3)
    void aFormOlderThanTheLifetimeIsExpiredAndAFreshOneSaves() {
        sleepUntil(rendered.plus(LIFETIME).plusSeconds(2));
        Page expired = oldForm.press("save");
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.title()).isEqualTo("This page has expired");
        assertThat(expired.wholeText("errorMessage")).contains("nothing was changed");
        assertThat(author.client().get("/note/view?key=" + oldKey).status()).isEqualTo(404);

        // the same login, a form just rendered: saved
        String freshKey = Notes.uniqueKey("fresh-form");
        Notes.create(author.client(), freshKey, "Typed just now", "saved");
        assertThat(author.client().get("/note/view?key=" + freshKey).text("#noteBody")).isEqualTo("saved");
    }

    /**
     * Starts a server meant to fail, waits for {@code message} in its log, and checks that it says
     * how to make keys and that the application is not served; returns the log.
     */
    private static String failedStart(LibertyServer server, String message) {
        server.startWithoutWaiting();
        server.awaitLog(message, FAILED_START);
        server.awaitLog("CWWKZ0012I: The application notes was not started", FAILED_START);
        String log = server.log();
        assertThat(log).containsPattern("\\] [0-9a-f]+ dev\\.notes\\.web\\.FacesViewState +E Notes does not start: .*"
                + Pattern.quote(message)).contains("openssl rand -base64 32");
        WebClient client = new WebClient(server.baseUri());
        // Liberty's own page at "/" when no application is bound there, never the Notes home page
        assertThat(client.get("/").title()).isNotEqualTo("Notes");
        assertThat(client.get("/user/login").status()).isEqualTo(404);
        assertThat(client.get("/health/ready").status()).isEqualTo(503);
        return log;
    }

    private static void sleepUntil(Instant moment) {
        Duration wait = Duration.between(Instant.now(), moment);
        if (!wait.isNegative()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
