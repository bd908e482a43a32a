package dev.notes.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.it.support.Accounts;
import dev.notes.it.support.Forms;
import dev.notes.it.support.LibertyServer;
import dev.notes.it.support.Notes;
import dev.notes.it.support.NotesServer;
import dev.notes.it.support.WebClient;
import dev.notes.it.support.WebClient.Page;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registering, logging in and out, through the pages, with cookie replay. */
@ExtendWith(NotesServer.class)
class AccountIT {

    @Test
    void registerLogInSeeNameLogOut(LibertyServer server) {
        String username = Accounts.uniqueName("Carol");
        WebClient browser = new WebClient(server.baseUri());

        Page login = browser.get("/user/register").form("registerForm")
                .set("username", username.toUpperCase())
                .set("displayName", "Carol <Tester>")
                .set("email", "carol@example.org")
                .set("password", Accounts.PASSWORD)
                .set("passwordAgain", Accounts.PASSWORD)
                .press("register");
        assertThat(login.path()).isEqualTo("/user/login?registered=" + username);
        assertThat(login.title()).isEqualTo("Login to Notes");
        assertThat(login.has("#registered")).isTrue();
        assertThat(login.form("loginForm").fields()).containsEntry("loginForm:username", username);

        Page home = login.form("loginForm").set("password", Accounts.PASSWORD).press("login");
        assertThat(home.path()).isEqualTo("/");
        assertThat(home.text("#currentUser")).isEqualTo("Logged in as Carol <Tester>");
        assertThat(home.body()).contains("Carol &lt;Tester&gt;");
        assertThat(home.has("#addNoteLink")).isTrue();

        Page afterLogout = home.form("logoutForm").press("logout");
        assertThat(afterLogout.path()).isEqualTo("/");
        assertThat(afterLogout.has("#currentUser")).isFalse();
        assertThat(afterLogout.has("#loginLink")).isTrue();
    }

    @Test
    void theAccountPageListsTheLoginsAndLogsOutEverywhere(LibertyServer server) {
        String username = Accounts.register(server, "roamer");
        WebClient first = Accounts.logIn(server, username);
        WebClient second = Accounts.logIn(server, username);
        assertThat(second.get("/user/account").document().select("#logins tr.login")).hasSize(2);

        Page everywhere = second.get("/user/account").form("everywhereForm").press("logOutEverywhere");

        assertThat(everywhere.text("#loginEnded")).startsWith("You logged out everywhere");
        Accounts.assertLoggedOut(second, "the session that logged out everywhere");
        Accounts.assertLoggedOut(first, "the other session");
        WebClient again = Accounts.logIn(server, username);
        assertThat(again.get("/user/account").document().select("#logins tr.login")).hasSize(1);
    }

    @Test
    void loginGetsANewSessionIdAndLogoutEndsTheOldOne(LibertyServer server) {
        String username = Accounts.register(server, "dave");
        WebClient browser = Accounts.logIn(server, username);
        String first = browser.cookie("JSESSIONID").orElseThrow();

        // Logging in again over an existing session (as after a planted session id) issues a new id,
        // and the old id is worth nothing afterwards.
        Page home = browser.get("/user/login").form("loginForm")
                .set("username", username).set("password", Accounts.PASSWORD).press("login");
        assertThat(home.text("#currentUser")).contains(username);
        String second = browser.cookie("JSESSIONID").orElseThrow();
        assertThat(sessionId(second)).isNotEqualTo(sessionId(first));
        WebClient planted = new WebClient(server.baseUri());
        planted.copyCookiesFrom(browser);
        planted.setCookie("JSESSIONID", first);
        assertThat(planted.get("/").has("#currentUser")).as("the session id from before the login").isFalse();

        WebClient replay = new WebClient(server.baseUri());
        replay.copyCookiesFrom(browser);
        assertThat(replay.get("/").text("#currentUser")).as("same cookies, another client").contains(username);

        browser.get("/").form("logoutForm").press("logout");
        assertThat(replay.get("/").has("#currentUser")).as("the cookies from before the logout").isFalse();
        assertThat(replay.get("/note/add").path()).startsWith("/user/login");
    }

    @Test
    void aPasswordChangeEndsTheUsersOtherSessionsAtTheirNextRequest(LibertyServer server) {
        String username = Accounts.register(server, "gina");
        WebClient changing = Accounts.logIn(server, username);
        WebClient other = Accounts.logIn(server, username);
        assertThat(other.get("/").has("#currentUser")).isTrue();

        String newPassword = "another long passphrase";
        Page changed = Accounts.changePassword(changing, Accounts.PASSWORD, newPassword, newPassword);

        assertThat(changed.text("#saved")).startsWith("Your password is changed.");
        assertThat(changing.get("/note/add").title()).as("the changing session").isEqualTo("Add a Note");
        Page ended = other.get("/");
        assertThat(ended.has("#currentUser")).as("the other session, at once on an instance alone").isFalse();
        assertThat(ended.text("#loginEnded")).startsWith("Your password was changed, or you logged out everywhere, since you logged in here");
        assertThat(Accounts.logInAttempt(new WebClient(server.baseUri()), username, newPassword).text("#currentUser"))
                .contains("Display " + username);
    }

    @Test
    void theEmailAddressIsChangedWithTheCurrentPasswordAndShownToItsOwnerOnly(LibertyServer server) {
        var owner = Accounts.newUser(server, "mail");
        String key = Notes.uniqueKey("by-mail");
        Notes.create(owner.client(), key, "Written by a user with an address", "");

        Page noPassword = Accounts.changeEmail(owner.client(), " Mail.Owner@Example.ORG ", "");
        assertThat(Forms.fieldError(noPassword, "emailPassword")).isEqualTo("Please enter your current password.");
        assertThat(noPassword.form("emailForm").fields()).as("what was typed stays")
                .containsEntry("emailForm:email", " Mail.Owner@Example.ORG ");
        Page wrong = Accounts.changeEmail(owner.client(), "mail.owner@example.org", "not the password");
        assertThat(Forms.fieldError(wrong, "emailPassword")).isEqualTo("This is not your current password.");
        server.awaitLog("email_change outcome=failure user=\"" + owner.username() + "\"", Duration.ofSeconds(10));
        Page invalid = Accounts.changeEmail(owner.client(), "mail.owner@localhost", Accounts.PASSWORD);
        assertThat(Forms.fieldError(invalid, "email")).isEqualTo("This is not an e-mail address.");
        // Well-formed (labels of at most 63 characters), but 255 characters in all.
        String tooLongAddress = "a".repeat(60) + "@" + ("b".repeat(60) + ".").repeat(3) + "example.org";
        Page tooLong = Accounts.changeEmail(owner.client(), tooLongAddress, Accounts.PASSWORD);
        assertThat(Forms.fieldError(tooLong, "email")).isEqualTo("An e-mail address is at most 254 characters long.");
        assertThat(owner.client().get("/user/account").form("emailForm").fields()).containsEntry("emailForm:email", "");

        Page saved = Accounts.changeEmail(owner.client(), " Mail.Owner@Example.ORG ", Accounts.PASSWORD);
        assertThat(saved.path()).isEqualTo("/user/account?saved=email");
        assertThat(saved.text("#saved")).isEqualTo("Your e-mail address is saved.");
        assertThat(saved.form("emailForm").fields()).as("trimmed, the domain in lower case")
                .containsEntry("emailForm:email", "Mail.Owner@example.org")
                .containsEntry("emailForm:emailPassword", "");
        server.awaitLog("email_change outcome=success user=\"" + owner.username() + "\"", Duration.ofSeconds(10));
        assertThat(server.log()).doesNotContain("Mail.Owner@example.org");
        for (String elsewhere : new String[] {"/", "/note/view?key=" + key, "/api/notes/" + key}) {
            assertThat(new WebClient(server.baseUri()).get(elsewhere).body()).as(elsewhere).doesNotContainIgnoringCase("mail.owner@");
            assertThat(owner.client().get(elsewhere).body()).as(elsewhere + ", to the owner").doesNotContainIgnoringCase("mail.owner@");
        }

        Page cleared = Accounts.changeEmail(owner.client(), "  ", Accounts.PASSWORD);
        assertThat(cleared.text("#saved")).isEqualTo("Your e-mail address is removed.");
        assertThat(cleared.form("emailForm").fields()).containsEntry("emailForm:email", "");
    }

    @Test
    void wrongPasswordStaysOnTheLoginPageWithAMessage(LibertyServer server) {
        String username = Accounts.register(server, "erin");
        Page page = new WebClient(server.baseUri()).get("/user/login").form("loginForm")
                .set("username", username)
                .set("password", "not the password")
                .press("login");
        assertThat(page.title()).isEqualTo("Login to Notes");
        assertThat(page.text("#messages")).isEqualTo("Wrong username or password.");
        assertThat(page.has("#currentUser")).isFalse();
        assertThat(page.form("loginForm").fields()).containsEntry("loginForm:password", "");

        Page unknown = new WebClient(server.baseUri()).get("/user/login").form("loginForm")
                .set("username", "nobody-" + username)
                .set("password", Accounts.PASSWORD)
                .press("login");
        assertThat(unknown.text("#messages")).isEqualTo("Wrong username or password.");
    }

    @Test
    void registrationErrorsAppearNextToTheFieldsAndKeepWhatWasTyped(LibertyServer server) {
        String taken = Accounts.register(server, "frank");
        WebClient browser = new WebClient(server.baseUri());

        Page duplicate = browser.get("/user/register").form("registerForm")
                .set("username", taken)
                .set("displayName", "Another Frank")
                .set("password", Accounts.PASSWORD)
                .set("passwordAgain", Accounts.PASSWORD)
                .press("register");
        assertThat(duplicate.path()).isEqualTo("/user/register");
        assertThat(Forms.fieldError(duplicate, "username")).isEqualTo("The username '" + taken + "' is taken. Please choose another.");
        assertThat(duplicate.form("registerForm").fields()).containsEntry("registerForm:displayName", "Another Frank");

        Page invalid = browser.get("/user/register").form("registerForm")
                .set("username", "a b")
                .set("displayName", "")
                .set("email", "not-an-address")
                .set("password", "short")
                .set("passwordAgain", "short")
                .press("register");
        assertThat(Forms.fieldError(invalid, "username")).isEqualTo("A username is 3 to 40 letters, digits or the characters . _ -");
        assertThat(Forms.fieldError(invalid, "displayName")).isEqualTo("Please enter the name others will see.");
        assertThat(Forms.fieldError(invalid, "email")).isEqualTo("This is not an e-mail address.");
        assertThat(Forms.fieldError(invalid, "password")).isEqualTo("A password is 12 to 128 characters long.");
        assertThat(invalid.form("registerForm").fields()).containsEntry("registerForm:username", "a b");

        Page mismatch = browser.get("/user/register").form("registerForm")
                .set("username", Accounts.uniqueName("gina"))
                .set("displayName", "Gina")
                .set("password", Accounts.PASSWORD)
                .set("passwordAgain", Accounts.PASSWORD + "!")
                .press("register");
        assertThat(Forms.fieldError(mismatch, "passwordAgain")).isEqualTo("The two passwords differ.");
    }

    @Test
    void registrationRefusesShortAndCommonlyBreachedPasswordsNextToTheField(LibertyServer server) {
        WebClient browser = new WebClient(server.baseUri());
        String username = Accounts.uniqueName("ivy");

        // Eleven characters: long enough before, one short now.
        Page tooShort = register(browser, username, "Ivy Short", "elevenchars");
        assertThat(tooShort.path()).isEqualTo("/user/register");
        assertThat(Forms.fieldError(tooShort, "password")).isEqualTo("A password is 12 to 128 characters long.");
        assertThat(tooShort.form("registerForm").fields())
                .containsEntry("registerForm:username", username)
                .containsEntry("registerForm:displayName", "Ivy Short")
                .containsEntry("registerForm:password", "");

        // Long enough, but among the breached passwords attackers try first, in any case.
        for (String breached : new String[] {"password1234", "QwertyUiop123"}) {
            Page common = register(browser, username, "Ivy Common", breached);
            assertThat(common.path()).as(breached).isEqualTo("/user/register");
            assertThat(Forms.fieldError(common, "password")).as(breached).isEqualTo("This password is one of the most"
                    + " common in breached password lists, so it would be guessed early. Please choose another.");
            assertThat(common.form("registerForm").fields()).as(breached)
                    .containsEntry("registerForm:username", username)
                    .containsEntry("registerForm:displayName", "Ivy Common");
        }
        assertThat(Accounts.logInAttempt(new WebClient(server.baseUri()), username, "password1234").text("#messages"))
                .as("no account was made").isEqualTo("Wrong username or password.");

        Page accepted = register(browser, username, "Ivy", "twelve chars");
        assertThat(accepted.path()).isEqualTo("/user/login?registered=" + username);
        assertThat(Accounts.logInAttempt(new WebClient(server.baseUri()), username, "twelve chars").text("#currentUser"))
                .isEqualTo("Logged in as Ivy");
    }

    @Test
    void aLoginStartsAFreshSessionWithNothingOfTheOneBefore(LibertyServer server) {
        String alice = Accounts.register(server, "alice");
        String bob = Accounts.register(server, "bob");
        WebClient browser = Accounts.logIn(server, alice);
        String key = Notes.uniqueKey("read-by-alice");
        Notes.create(browser, key, "Read by Alice", "text");
        assertThat(Notes.recentlyViewed(browser)).containsExactly("Read by Alice");
        WebClient aliceBefore = new WebClient(server.baseUri());
        aliceBefore.copyCookiesFrom(browser);

        // Bob logs in on the same browser without Alice logging out: he sees nothing of her session.
        Page home = Accounts.logInAttempt(browser, bob, Accounts.PASSWORD);
        assertThat(home.text("#currentUser")).isEqualTo("Logged in as Display " + bob);
        assertThat(Notes.recentlyViewed(browser)).as("what Alice viewed, after Bob's login").isEmpty();
        assertThat(browser.cookie("JSESSIONID").map(AccountIT::sessionId))
                .isNotEqualTo(aliceBefore.cookie("JSESSIONID").map(AccountIT::sessionId));

        Page oldSession = aliceBefore.get("/");
        assertThat(oldSession.has("#currentUser")).as("Alice's session, ended by the login over it").isFalse();
        assertThat(oldSession.has("#recentlyViewed")).isFalse();
    }

    @Test
    void loginReturnsToTheRequestedPageButNeverToAnotherSite(LibertyServer server) {
        String username = Accounts.register(server, "hank");
        WebClient browser = new WebClient(server.baseUri());
        Page login = browser.get("/note/add");
        assertThat(login.path()).isEqualTo("/user/login?next=%2Fnote%2Fadd");
        Page addNote = login.form("loginForm").set("username", username).set("password", Accounts.PASSWORD).press("login");
        assertThat(addNote.path()).isEqualTo("/note/add");
        assertThat(addNote.title()).isEqualTo("Add a Note");

        WebClient other = new WebClient(server.baseUri());
        Page outside = other.get("/user/login?next=//evil.example/x").form("loginForm")
                .set("username", username).set("password", Accounts.PASSWORD)
                .pressRaw("login");
        assertThat(outside.location()).isEqualTo(server.baseUri().toString());
    }

    @Test
    void seededFirstUserCanLogIn(LibertyServer server) {
        Page home = new WebClient(server.baseUri()).get("/user/login").form("loginForm")
                .set("username", NotesServer.ADMINISTRATOR)
                .set("password", NotesServer.ADMINISTRATOR_PASSWORD)
                .press("login");
        assertThat(home.text("#currentUser")).isEqualTo("Logged in as admin");
    }

    private static Page register(WebClient browser, String username, String displayName, String password) {
        return browser.get("/user/register").form("registerForm")
                .set("username", username)
                .set("displayName", displayName)
                .set("password", password)
                .set("passwordAgain", password)
                .press("register");
    }

    /** The session id without Liberty's clone suffix. */
    private static String sessionId(String cookie) {
        int colon = cookie.indexOf(':');
        return colon < 0 ? cookie : cookie.substring(0, colon);
    }
}
