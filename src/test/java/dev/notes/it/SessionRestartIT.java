package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.Notes;
import dev.notes.it.support.TestPostgres;
import dev.notes.it.support.WebClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An instance alone keeps its HTTP sessions in a database of their own (Liberty's
 * sessionDatabase-1.0 on an embedded Derby, cluster-none.xml): logins and what else the session holds
 * outlive a restart and a crash, a session that was logged out stays logged out, and the session
 * epoch still ends the user's other logins after the restart; the account page still lists the
 * logins that outlived it. The session database is separate from
 * the application's, so the same holds when the application's is PostgreSQL.
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
                    .isEqualTo("Logged in as " + Accounts.displayNameOf(username));
            assertThat(Notes.recentlyViewed(kept)).as("the session's other values").containsExactly("Kept over a restart");
            assertThat(Notes.create(kept, Notes.uniqueKey("after"), "Written after the restart", "").path())
                    .as("a form posted in the restored session").startsWith("/note/view");
            Accounts.assertLoggedOut(loggedOutCookies, "the session logged out before the restart");
            WebClient.Page account = kept.get("/user/account");
            assertThat(account.document().select("#logins tr.login")).as("the account page's list of logins").hasSize(2);
            assertThat(account.document().select("#logins tr.login .this-login")).hasSize(1);

            server.kill();
            server.start();

            assertThat(kept.get("/").text("#currentUser")).as("the login, after kill -9")
                    .isEqualTo("Logged in as " + Accounts.displayNameOf(username));
            assertThat(other.get("/").has("#currentUser")).as("the other login, after kill -9").isTrue();
            String newPassword = "a passphrase for after the crash";
            assertThat(Accounts.changePassword(kept, Accounts.PASSWORD, newPassword, newPassword).text("#saved"))
                    .startsWith("Your password is changed.");
            assertThat(kept.get("/").has("#currentUser")).as("the session that changed the password").isTrue();
            Accounts.assertLoggedOut(other, "the other login, after the password change (its session epoch)");
            assertThat(errorLines(server)).as("errors logged over three starts").isEmpty();
        }
    }

    @Test
    void loginsOutliveARestartWhenTheApplicationsDatabaseIsPostgres() {
        // Liberty's session table must not land in the application's schema: Flyway would refuse it.
        TestPostgres.Database database = TestPostgres.newDatabase("sessionrestart");
        try (LibertyServer server = LibertyServer.withPostgres("notes-it-session-restart-pg", database, Map.of()).start()) {
            String username = Accounts.register(server, "rosa");
            WebClient kept = Accounts.logIn(server, username);

            server.stop();
            server.start();

            assertThat(kept.get("/").text("#currentUser")).as("the login, after a restart")
                    .isEqualTo("Logged in as " + Accounts.displayNameOf(username));
            assertThat(errorLines(server)).as("errors logged over two starts").isEmpty();
        }
    }

    private static List<String> errorLines(LibertyServer server) {
        return server.log().lines().filter(line -> line.contains(" E ")).toList();
    }
}
