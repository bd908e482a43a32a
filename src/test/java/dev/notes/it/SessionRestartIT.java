package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.Notes;
import dev.notes.it.support.WebClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An instance alone keeps its HTTP sessions in its database (Liberty's sessionDatabase-1.0 on the
 * embedded H2, the default): logins and what else the session holds outlive a restart and a crash,
 * a session that was logged out stays logged out, and the session epoch still ends the user's other
 * logins after the restart.
 */
class SessionRestartIT {

    @Test
    void loginsOutliveARestartAndACrashWhileLogoutsStayLoggedOut() {
        // A server of its own, with its own data directory: restarting the shared one would disturb others.
        try (LibertyServer server = LibertyServer.create("notes-it-session-restart", Map.of()).start()) {
            String username = Accounts.register(server, "rita");
            WebClient kept = Accounts.logIn(server, username);
            String key = Notes.uniqueKey("kept");
            Notes.create(kept, key, "Kept over a restart", "");
            assertThat(Notes.recentlyViewed(kept)).containsExactly("Kept over a restart");
            WebClient other = Accounts.logIn(server, username);
            WebClient loggedOut = Accounts.logIn(server, username);
            WebClient loggedOutCookies = new WebClient(server.baseUri());
            loggedOutCookies.copyCookiesFrom(loggedOut);
            Accounts.logOut(loggedOut);

            server.stop();
            server.start();

            assertThat(kept.get("/").text("#currentUser")).as("the login, after a restart")
                    .isEqualTo("Logged in as Display " + username);
            assertThat(Notes.recentlyViewed(kept)).as("the session's other values").containsExactly("Kept over a restart");
            assertThat(Notes.create(kept, Notes.uniqueKey("after"), "Written after the restart", "").path())
                    .as("a form posted in the restored session").startsWith("/note/view");
            Accounts.assertLoggedOut(loggedOutCookies, "the session logged out before the restart");

            server.kill();
            server.start();

            assertThat(kept.get("/").text("#currentUser")).as("the login, after kill -9")
                    .isEqualTo("Logged in as Display " + username);
            assertThat(other.get("/").has("#currentUser")).as("the other login, after kill -9").isTrue();
            String newPassword = "a passphrase for after the crash";
            assertThat(Accounts.changePassword(kept, Accounts.PASSWORD, newPassword, newPassword).text("#saved"))
                    .startsWith("Your password is changed.");
            assertThat(kept.get("/").has("#currentUser")).as("the session that changed the password").isTrue();
            Accounts.assertLoggedOut(other, "the other login, after the password change (its session epoch)");
        }
    }
}
