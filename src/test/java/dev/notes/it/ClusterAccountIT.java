package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Forms;
import dev.notes.it.support.NotesCluster;
import dev.notes.it.support.NotesCluster.Cluster;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The account page on two instances: a password change in one session ends the user's other
 * sessions on the other instance at their next request, keeps the changing session under a new id,
 * and replaces the password; a wrong current password or a bad new one is refused with a message;
 * a new display name shows in the header; the page lists the user's logins on both instances, and
 * "Log out everywhere" on one ends them on both. Each change, and each login it ends, is in the
 * authentication log.
 */
@ExtendWith(NotesCluster.class)
class ClusterAccountIT {

    private static final String NEW_PASSWORD = "a new and longer passphrase";

    /** Far below the cache's 60 s: only the announcement through Redis ends the login this soon. */
    private static final Duration ANNOUNCED_WITHIN = Duration.ofSeconds(5);

    private static final Duration LOG_WAIT = Duration.ofSeconds(10);

    @Test
    void aPasswordChangeOnOneInstanceEndsTheUsersOtherSessionsOnTheOther(Cluster cluster) {
        String username = Accounts.register(cluster.a(), "pia");
        WebClient first = Accounts.logIn(cluster.a(), username);
        WebClient second = Accounts.logIn(cluster.b(), username);
        // B has read the user's epoch now: only the announcement can make it read the new one in time.
        assertThat(second.get("/").has("#currentUser")).isTrue();
        String firstSessionBefore = first.cookie("JSESSIONID").orElseThrow();

        Page changed = Accounts.changePassword(first, Accounts.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(changed.path()).isEqualTo("/user/account?saved=password");
        assertThat(changed.has("#saved")).isTrue();
        assertThat(changed.text("#currentUser")).contains("Display " + username);
        assertThat(first.cookie("JSESSIONID").orElseThrow()).as("the changing session's id").isNotEqualTo(firstSessionBefore);
        assertThat(first.sameBrowserOn(cluster.b()).get("/note/add").title()).as("the changing session, on B")
                .isEqualTo("Add a Note");

        Page ended = firstPageWithoutLogin(second);
        assertThat(ended.text("#loginEnded")).contains("Your password was changed");
        assertThat(second.getRaw("/note/add").location()).contains("/user/login");
        cluster.a().awaitLog("password_change outcome=success user=\"" + username + "\"", LOG_WAIT);
        cluster.b().awaitLog("session_end outcome=epoch user=\"" + username + "\"", LOG_WAIT);

        Page oldPassword = Accounts.logInAttempt(new WebClient(cluster.b().baseUri()), username, Accounts.PASSWORD);
        assertThat(oldPassword.has("#currentUser")).as("logged in with the old password").isFalse();
        assertThat(oldPassword.text("#messages")).isEqualTo("Wrong username or password.");
        assertThat(Accounts.logInAttempt(new WebClient(cluster.b().baseUri()), username, NEW_PASSWORD)
                .text("#currentUser")).contains("Display " + username);
    }

    @Test
    void aWrongCurrentPasswordOrABadNewOneIsRefusedWithAMessage(Cluster cluster) {
        String username = Accounts.register(cluster.a(), "quin");
        WebClient browser = Accounts.logIn(cluster.a(), username);
        String session = browser.cookie("JSESSIONID").orElseThrow();

        Page wrong = Accounts.changePassword(browser, "not the password at all", NEW_PASSWORD, NEW_PASSWORD);
        assertThat(Forms.fieldError(wrong, "currentPassword")).isEqualTo("This is not your current password.");
        assertThat(wrong.form("passwordForm").fields()).as("no password shown again")
                .containsEntry("passwordForm:currentPassword", "").containsEntry("passwordForm:newPassword", "");

        Page differ = Accounts.changePassword(browser, Accounts.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!");
        assertThat(Forms.fieldError(differ, "newPasswordAgain")).isEqualTo("The two new passwords differ.");

        Page tooShort = Accounts.changePassword(browser, Accounts.PASSWORD, "short", "short");
        assertThat(Forms.fieldError(tooShort, "newPassword")).isEqualTo("A password is 12 to 128 characters long.");

        Page empty = Accounts.changePassword(browser, "", NEW_PASSWORD, NEW_PASSWORD);
        assertThat(Forms.fieldError(empty, "currentPassword")).isEqualTo("Please enter your current password.");

        assertThat(browser.get("/").text("#currentUser")).as("still logged in").contains("Display " + username);
        assertThat(browser.cookie("JSESSIONID").orElseThrow()).as("the same session").isEqualTo(session);
        Accounts.logIn(cluster.b(), username);
    }

    @Test
    void aNewDisplayNameShowsInTheHeaderOnBothInstances(Cluster cluster) {
        String username = Accounts.register(cluster.a(), "ros");
        WebClient onA = Accounts.logIn(cluster.a(), username);
        Page account = onA.get("/user/account");
        assertThat(account.form("nameForm").fields()).containsEntry("nameForm:displayName", "Display " + username);

        String tooLong = "n".repeat(101);
        Page refused = account.form("nameForm").set("displayName", tooLong).press("saveName");
        assertThat(Forms.fieldError(refused, "displayName")).isEqualTo("A display name is at most 100 characters long.");
        assertThat(refused.form("nameForm").fields()).as("what was typed, kept").containsEntry("nameForm:displayName", tooLong);
        Page blank = account.form("nameForm").set("displayName", "  ").press("saveName");
        assertThat(Forms.fieldError(blank, "displayName")).isEqualTo("Please enter the name others will see.");

        Page saved = account.form("nameForm").set("displayName", "Ros <Renamed>").press("saveName");
        assertThat(saved.path()).isEqualTo("/user/account?saved=name");
        assertThat(saved.text("#currentUser")).isEqualTo("Logged in as Ros <Renamed>");
        assertThat(onA.sameBrowserOn(cluster.b()).get("/").text("#currentUser")).isEqualTo("Logged in as Ros <Renamed>");
        cluster.a().awaitLog("display_name_change outcome=success user=\"" + username + "\"", LOG_WAIT);
    }

    @Test
    void theAccountPageNeedsALogin(Cluster cluster) {
        assertThat(new WebClient(cluster.a().baseUri()).getRaw("/user/account").location()).contains("/user/login");
    }

    /** Requests the home page until it shows no login; fails if that takes longer than {@link #ANNOUNCED_WITHIN}. */
    @Test
    void theAccountPageListsEveryLoginAndLogsOutEverywhereOnEveryInstance(Cluster cluster) {
        String username = Accounts.register(cluster.a(), "roam");
        WebClient onA = Accounts.logIn(cluster.a(), username);
        WebClient onB = Accounts.logIn(cluster.b(), username);

        Page account = onB.get("/user/account");
        assertThat(account.document().select("#logins tr.login")).as("a login on each instance").hasSize(2);
        assertThat(account.document().select("#logins tr.login .this-login")).hasSize(1);
        assertThat(account.document().select("#logins .login-address").eachText()).containsOnly("127.0.0.1");

        Accounts.logOut(onA);
        assertThat(onB.get("/user/account").document().select("#logins tr.login")).as("after the logout on A")
                .hasSize(1);

        WebClient third = Accounts.logIn(cluster.a(), username);
        Page everywhere = onB.get("/user/account").form("everywhereForm").press("logOutEverywhere");
        assertThat(everywhere.path()).startsWith("/user/login");
        assertThat(everywhere.text("#loginEnded")).startsWith("You logged out everywhere");
        Accounts.assertLoggedOut(onB, "the session that logged out everywhere");
        assertThat(firstPageWithoutLogin(third).text("#loginEnded")).contains("you logged out everywhere");
        cluster.b().awaitLog("logout_everywhere outcome=success user=\"" + username + "\"", LOG_WAIT);

        WebClient again = Accounts.logIn(cluster.b(), username);
        assertThat(again.get("/user/account").document().select("#logins tr.login")).as("only the new login")
                .hasSize(1);
    }

    private static Page firstPageWithoutLogin(WebClient client) {
        long deadline = System.nanoTime() + ANNOUNCED_WITHIN.toNanos();
        for (int attempt = 1; attempt <= 100; attempt++) {
            Page home = client.get("/");
            if (!home.has("#currentUser")) {
                return home;
            }
            assertThat(System.nanoTime()).as("the other session still logged in after %s (attempt %d)",
                    ANNOUNCED_WITHIN, attempt).isLessThan(deadline);
            sleepBriefly();
        }
        throw new AssertionError("the other session is still logged in after 100 requests");
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
