package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Comments;
import dev.notes.it.support.Forms;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.LiveClient;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deleting one's account through the pages: the confirmation page counts what goes with it, a wrong
 * password changes nothing, the right one deletes the account's notes (with every comment on them)
 * and its comments on other notes, tells open pages, ends the account's other session, and frees
 * the username for a newcomer who inherits nothing, not even the old account's logins.
 */
@ExtendWith(NotesServer.class)
class AccountDeletionIT {

    @Test
    void deletingTheAccountDeletesWhatItWroteEndsItsSessionsAndFreesTheUsername(LibertyServer server) {
        var leaver = Accounts.newUser(server, "leaver");
        var stayer = Accounts.newUser(server, "stayer");
        String firstOwn = Notes.uniqueKey("leavers-first");
        String secondOwn = Notes.uniqueKey("leavers-second");
        String others = Notes.uniqueKey("stayers");
        Notes.create(leaver.client(), firstOwn, "The leaver's first note", "");
        Notes.create(leaver.client(), secondOwn, "The leaver's second note", "");
        Notes.create(stayer.client(), others, "The stayer's note", "");
        Comments.add(leaver.client(), firstOwn, "on my own note");
        Comments.add(stayer.client(), firstOwn, "on the leaver's note");
        long leaversComment = Comments.add(leaver.client(), others, "the leaver was here");
        Comments.add(leaver.client(), others, "the leaver again");
        Comments.add(stayer.client(), others, "the stayer's own comment");
        WebClient leaverElsewhere = Accounts.logIn(server, leaver.username());

        assertThat(leaver.client().get("/user/account").document().selectFirst("#deleteAccountLink").attr("href"))
                .isEqualTo("/user/delete");
        Page confirm = leaver.client().get("/user/delete");
        assertThat(confirm.text("#deleteUsername")).isEqualTo(leaver.username());
        assertThat(confirm.text("#noteCount")).isEqualTo("2");
        assertThat(confirm.text("#commentsOnNotesCount")).isEqualTo("2");
        assertThat(confirm.text("#commentsElsewhereCount")).isEqualTo("2");
        assertThat(confirm.has("#deleteForm input[type=password]")).as("a password account confirms with it").isTrue();

        Page wrong = confirm.form("deleteForm").set("currentPassword", "not the password").press("deleteAccount");
        assertThat(wrong.path()).isEqualTo("/user/delete");
        assertThat(Forms.fieldError(wrong, "currentPassword")).isEqualTo("This is not your current password.");
        assertThat(leaver.client().get("/note/view?key=" + firstOwn).status()).as("after a wrong password").isEqualTo(200);
        assertThat(leaver.client().get("/").has("#currentUser")).isTrue();

        try (LiveClient home = LiveClient.connect(new WebClient(server.baseUri())).subscribe("home");
             LiveClient othersPage = LiveClient.connect(new WebClient(server.baseUri())).subscribe("note:" + others)) {
            Page done = leaver.client().get("/user/delete").form("deleteForm")
                    .set("currentPassword", Accounts.PASSWORD).press("deleteAccount");

            assertThat(done.path()).isEqualTo("/?deleted=account");
            assertThat(done.text("#accountDeleted")).startsWith("Your account is deleted");
            assertThat(done.has("#currentUser")).isFalse();
            home.awaitEvent("note.deleted", firstOwn);
            home.awaitEvent("note.deleted", secondOwn);
            assertThat(othersPage.awaitEvent("comment.deleted", others).getJsonObject("comment")
                    .getJsonNumber("id").longValue()).isEqualTo(leaversComment);
        }
        Accounts.assertLoggedOut(leaverElsewhere, "the deleted account's other session");
        WebClient reader = new WebClient(server.baseUri());
        assertThat(reader.get("/note/view?key=" + firstOwn).status()).isEqualTo(404);
        assertThat(reader.get("/note/view?key=" + secondOwn).status()).isEqualTo(404);
        assertThat(reader.get("/note/view?key=" + others).document().select("#comments .comment-text").eachText())
                .containsExactly("the stayer's own comment");
        server.awaitLog("account_deletion outcome=success user=\"" + leaver.username() + "\"", Duration.ofSeconds(10));

        // The name is free again, and its newcomer inherits nothing: no content, no old login.
        WebClient newcomer = new WebClient(server.baseUri());
        Page registered = newcomer.get("/user/register").form("registerForm")
                .set("username", leaver.username())
                .set("displayName", "The newcomer")
                .set("password", "the newcomer's passphrase")
                .set("passwordAgain", "the newcomer's passphrase")
                .press("register");
        assertThat(registered.path()).startsWith("/user/login");
        assertThat(Accounts.logInAttempt(newcomer, leaver.username(), "the newcomer's passphrase").text("#currentUser"))
                .isEqualTo("Logged in as The newcomer");
        Page newcomersDeletion = newcomer.get("/user/delete");
        assertThat(newcomersDeletion.text("#noteCount")).isEqualTo("0");
        assertThat(newcomersDeletion.text("#commentsElsewhereCount")).isEqualTo("0");
        Accounts.assertLoggedOut(leaverElsewhere, "the deleted account's other session, once the name is taken again");
        assertThat(Accounts.logInAttempt(new WebClient(server.baseUri()), leaver.username(), Accounts.PASSWORD)
                .text("#messages")).as("the deleted account's password").isEqualTo("Wrong username or password.");
    }

    @Test
    void theConfirmationIsRequiredAndAnEmptyPasswordDeletesNothing(LibertyServer server) {
        var user = Accounts.newUser(server, "hesitant");
        String key = Notes.uniqueKey("kept");
        Notes.create(user.client(), key, "Kept", "");

        Page empty = user.client().get("/user/delete").form("deleteForm").press("deleteAccount");

        assertThat(Forms.fieldError(empty, "currentPassword")).isEqualTo("Please enter your current password.");
        assertThat(user.client().get("/note/view?key=" + key).status()).isEqualTo(200);
        assertThat(user.client().get("/").has("#currentUser")).isTrue();
        assertThat(new WebClient(server.baseUri()).getRaw("/user/delete").location())
                .as("the page needs a login").contains("/user/login");
    }
}
