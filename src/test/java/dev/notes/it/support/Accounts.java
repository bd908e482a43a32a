package dev.notes.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/** Registering and logging in through the real pages, as a person would. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery";

    private Accounts() {
    }

    /** A username no other test uses: tests share one server and never depend on each other's data. */
    public static String uniqueName(String prefix) {
        return (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(java.util.Locale.ROOT);
    }

    /** The display name {@link #register} gives a user: not their username, so tests can tell them apart. */
    public static String displayNameOf(String username) {
        return "Display " + username;
    }

    /** Registers a new user with a unique name and returns it. */
    public static String register(LibertyServer server, String prefix) {
        return register(new WebClient(server.baseUri()), prefix);
    }

    /** Registers a new user with a unique name through {@code client} (e.g. one at another address). */
    public static String register(WebClient client, String prefix) {
        String username = uniqueName(prefix);
        WebClient.Page done = client.get("/user/register").form("registerForm")
                .set("username", username)
                .set("displayName", displayNameOf(username))
                .set("password", PASSWORD)
                .set("passwordAgain", PASSWORD)
                .press("register");
        assertThat(done.path()).as("after registering %s", username).startsWith("/user/login");
        return username;
    }

    /** A client logged in as {@code username}. */
    public static WebClient logIn(LibertyServer server, String username) {
        return logIn(new WebClient(server.baseUri()), username);
    }

    /** {@code client} (e.g. one at another address), logged in as {@code username}. */
    public static WebClient logIn(WebClient client, String username) {
        WebClient.Page home = logInAttempt(client, username, PASSWORD);
        assertThat(home.text("#currentUser")).as("header after logging in as %s", username)
                .contains("Display " + username);
        return client;
    }

    /** A client logged in as the administrator the shared server seeds ({@link NotesServer#ADMINISTRATOR}). */
    public static WebClient logInAsAdministrator(LibertyServer server) {
        WebClient client = new WebClient(server.baseUri());
        WebClient.Page home = logInAttempt(client, NotesServer.ADMINISTRATOR, NotesServer.ADMINISTRATOR_PASSWORD);
        assertThat(home.has("#usersLink")).as("the administrator's header").isTrue();
        return client;
    }

    /** Submits the login form as {@code username} with {@code password}; the answer, redirects followed. */
    public static WebClient.Page logInAttempt(WebClient client, String username, String password) {
        return client.get("/user/login").form("loginForm")
                .set("username", username)
                .set("password", password)
                .press("login");
    }

    /** Presses the header's "Log out" button on the home page of {@code client}'s instance. */
    public static void logOut(WebClient client) {
        client.get("/").form("logoutForm").press("logout");
    }

    /**
     * Asserts that {@code client}'s cookies hold no login (any more): the header shows nobody, and a
     * page that needs a login sends the client to the login page.
     */
    public static void assertLoggedOut(WebClient client, String description) {
        assertThat(client.get("/").has("#currentUser")).as("%s: a user in the header", description).isFalse();
        assertThat(client.getRaw("/note/add").location()).as("%s: where /note/add sends", description)
                .contains("/user/login");
    }

    /**
     * Submits the account page's password form as {@code client}'s user: the current password, the
     * new one and its confirmation. The answer, redirects followed.
     */
    public static WebClient.Page changePassword(WebClient client, String current, String newPassword, String again) {
        return client.get("/user/account").form("passwordForm")
                .set("currentPassword", current)
                .set("newPassword", newPassword)
                .set("newPasswordAgain", again)
                .press("changePassword");
    }

    /**
     * Submits the account page's e-mail form as {@code client}'s user: the new address (blank: none)
     * and the current password. The answer, redirects followed.
     */
    public static WebClient.Page changeEmail(WebClient client, String email, String currentPassword) {
        return client.get("/user/account").form("emailForm")
                .set("email", email)
                .set("emailPassword", currentPassword)
                .press("saveEmail");
    }

    /** A new user, logged in. */
    public static User newUser(LibertyServer server, String prefix) {
        String username = register(server, prefix);
        return new User(username, logIn(server, username));
    }

    /** A logged-in user and the client (cookies) holding the login. */
    public record User(String username, WebClient client) {
    }
}
