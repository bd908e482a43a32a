package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Comments;
import dev.notes.it.support.Forms;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Moderation through the pages: the administrator that NOTES_ADMIN_USER seeds deletes others' notes
 * and comments and disables accounts, whose sessions end at once; nobody else reaches the users
 * page; every action is in the audit log.
 */
@ExtendWith(NotesServer.class)
class AdminIT {

    @Test
    void theAdministratorDeletesAnotherUsersCommentAndNote(LibertyServer server) {
        var author = Accounts.newUser(server, "authored");
        String key = Notes.uniqueKey("moderated");
        Notes.create(author.client(), key, "Spam", "buy now");
        Comments.addOnPage(author.client(), key, "more spam");
        WebClient administrator = Accounts.logInAsAdministrator(server);

        Page view = administrator.get("/note/view?key=" + key);
        assertThat(view.has("#editLink")).as("an administrator deletes, never rewrites").isFalse();
        assertThat(view.has("#deleteLink")).isTrue();
        assertThat(view.document().selectFirst("#comments").attr("data-may-delete-any")).isEqualTo("true");
        String commentId = view.document().selectFirst("#comments li.comment").attr("data-comment-id");
        assertThat(view.has("#comments li.comment .delete-comment")).isTrue();

        view.form("commentActions").press("delete", commentId);
        assertThat(administrator.get("/note/view?key=" + key).has("#comments li.comment")).isFalse();
        audit(server, "moderation action=comment-deleted administrator=\"admin\" note=\"" + key + "\" comment="
                + commentId + " author=\"" + author.username() + "\"");

        Page deleted = administrator.get("/note/delete?key=" + key).form("deleteForm").press("confirm");
        assertThat(deleted.path()).isEqualTo("/");
        assertThat(new WebClient(server.baseUri()).get("/note/view?key=" + key).status()).isEqualTo(404);
        audit(server, "moderation action=note-deleted administrator=\"admin\" note=\"" + key + "\" author=\""
                + author.username() + "\"");
    }

    @Test
    void onlyTheAdministratorReachesTheUsersPage(LibertyServer server) {
        var user = Accounts.newUser(server, "plain");
        assertThat(user.client().get("/").has("#usersLink")).isFalse();
        assertThat(user.client().get("/admin/users").status()).isEqualTo(403);
        assertThat(new WebClient(server.baseUri()).getRaw("/admin/users").location()).contains("/user/login");

        WebClient administrator = Accounts.logInAsAdministrator(server);
        assertThat(administrator.get("/").has("#usersLink")).isTrue();
        Page users = administrator.get("/admin/users?q=" + user.username());
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.document().select("#users tr.user .user-name").eachText()).containsExactly(user.username());

        Page own = administrator.get("/admin/users?q=" + NotesServer.ADMINISTRATOR);
        assertThat(own.document().select("#users tr.user[data-username=admin] .disable-user"))
                .as("no button to disable one's own account").isEmpty();
        assertThat(administrator.get("/admin/users?q=" + "x".repeat(41)).status()).isEqualTo(400);
    }

    @Test
    void aDisabledAccountIsLoggedOutAtOnceAndCannotLogInUntilEnabled(LibertyServer server) {
        var user = Accounts.newUser(server, "rogue");
        WebClient administrator = Accounts.logInAsAdministrator(server);

        Page done = moderate(administrator, "disable", user.username());
        assertThat(done.text("#done")).startsWith(user.username() + " is disabled");
        assertThat(done.text("#users tr.user .user-status")).isEqualTo("disabled");
        audit(server, "moderation action=disabled administrator=\"admin\" user=\"" + user.username() + "\"");

        Page ended = user.client().get("/note/add");
        assertThat(ended.path()).startsWith("/user/login");
        assertThat(ended.text("#loginEnded")).startsWith("An administrator has disabled this account");
        Accounts.assertLoggedOut(user.client(), "the disabled user's session");
        Page refused = Accounts.logInAttempt(new WebClient(server.baseUri()), user.username(), Accounts.PASSWORD);
        assertThat(refused.text("#messages")).isEqualTo("Wrong username or password.");
        audit(server, "login outcome=disabled user=\"" + user.username() + "\"");

        moderate(administrator, "enable", user.username());
        Accounts.logIn(server, user.username());
    }

    @Test
    void aPromotedUserModeratesFromTheirNextLogin(LibertyServer server) {
        var promoted = Accounts.newUser(server, "deputy");
        WebClient administrator = Accounts.logInAsAdministrator(server);

        Page done = moderate(administrator, "promote", promoted.username());
        assertThat(done.text("#users tr.user .user-role")).isEqualTo("administrator");
        assertThat(promoted.client().get("/admin/users").status()).as("the login from before").isEqualTo(403);

        WebClient again = Accounts.logIn(server, promoted.username());
        assertThat(again.get("/admin/users").status()).isEqualTo(200);
    }

    @Test
    void aForgedModerationByAPlainUserIsRefused(LibertyServer server) {
        var victim = Accounts.newUser(server, "victim");
        var mallory = Accounts.newUser(server, "mallory");
        Page adminsPage = Accounts.logInAsAdministrator(server).get("/admin/users?q=" + victim.username());

        Page forged = mallory.client().postRaw(Forms.actionOf(adminsPage, "userActions"),
                Forms.withButton(adminsPage.form("userActions").fields(), "userActions:disable", victim.username()),
                mallory.client().origin());

        assertThat(forged.status()).isEqualTo(403);
        assertThat(victim.client().get("/").has("#currentUser")).as("the victim is still logged in").isTrue();
    }

    /** Finds {@code username} on the users page and presses the row's button for {@code action}. */
    private static Page moderate(WebClient administrator, String action, String username) {
        return administrator.get("/admin/users?q=" + username).form("userActions").press(action, username);
    }

    private static void audit(LibertyServer server, String event) {
        assertThat(server.awaitLine(server.messagesLog(), event)).contains(" dev.notes.audit ");
    }
}
