package dev.notes.user;

import dev.notes.oidc.OidcProblem;
import dev.notes.platform.LogText;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The authentication events, one line each, under the logger {@value #LOGGER} so that operators
 * can route or keep them apart (in Liberty's JSON logs its {@code module} field): logins that
 * succeeded, failed, were refused after too many failures or could not be tried; the same for the
 * current password asked before a password change, an e-mail change or an account deletion; password,
 * e-mail and display name changes; account deletions; logouts;
 * logins ended by the absolute session lifetime or by a password change elsewhere; registrations
 * and refused registrations.
 * <p>
 * Each line reads {@code <event> outcome=<outcome> user="<name>" address="<client>"}: the username
 * as typed and the client address as Liberty gives it (behind a trusted proxy the forwarded one,
 * taken from a header), both made safe by {@link LogText}, since either may hold anything, a forged
 * line break included. Never a
 * password or a session id. Successes are INFO, failures and refusals WARNING.
 * <p>
 * A login line ends with how the user logged in: {@code method=password} (the form, the API) or
 * {@code method=oidc} (through the OpenID provider). A failed login through the provider adds
 * {@code reason=<why>} ({@link OidcProblem#code}) and never anything the provider or the browser
 * sent: no token, code or state.
 */
public final class AuthenticationLog {

    /** The logger's name: not a class, so that it stays put when the code moves. */
    public static final String LOGGER = "dev.notes.audit";

    private static final Logger LOG = Logger.getLogger(LOGGER);

    private AuthenticationLog() {
    }

    /** What a password was checked for: each is its own event in the log. */
    public enum PasswordCheck {
        LOGIN("login"),
        /** The current password, asked for before a new one is set. */
        PASSWORD_CHANGE("password_change"),
        /** The current password, asked for before the e-mail address is changed. */
        EMAIL_CHANGE("email_change"),
        /** The current password, asked for before the account is deleted. */
        ACCOUNT_DELETION("account_deletion");

        private final String event;

        PasswordCheck(String event) {
            this.event = event;
        }
    }

    public static void loginSucceeded(String username, String address) {
        write(Level.INFO, "login", "success", username, address, " method=password");
    }

    /** A login through the OpenID provider. */
    public static void externalLoginSucceeded(String username, String address) {
        write(Level.INFO, "login", "success", username, address, " method=oidc");
    }

    /**
     * A login through the OpenID provider that logged nobody in; {@code username} is the local
     * user's when the identity was known (a disabled account), else null.
     */
    public static void externalLoginFailed(OidcProblem problem, String username, String address) {
        String outcome = switch (problem) {
            case THROTTLED -> "throttled";
            case DISABLED -> "disabled";
            case UNAVAILABLE -> "unavailable";
            default -> "failure";
        };
        write(Level.WARNING, "login", outcome, username, address, " method=oidc reason=" + problem.code());
    }

    public static void checkFailed(PasswordCheck check, String username, String address) {
        write(Level.WARNING, check.event, "failure", username, address, "");
    }

    /** Refused unchecked: too many failures; {@code username} is null when refused before the form was read. */
    public static void checkThrottled(PasswordCheck check, String username, String address, Duration wait) {
        write(Level.WARNING, check.event, "throttled", username, address, " retry_after=" + wait.toSeconds() + "s");
    }

    /** Not tried: the session or counters' store is away, or every password check slot stayed busy. */
    public static void checkUnavailable(PasswordCheck check, String username, String address) {
        write(Level.WARNING, check.event, "unavailable", username, address, "");
    }

    /** A new password set, every other login of the user ended. */
    public static void passwordChanged(String username, String address) {
        write(Level.INFO, "password_change", "success", username, address, "");
    }

    public static void displayNameChanged(String username, String address) {
        write(Level.INFO, "display_name_change", "success", username, address, "");
    }

    /** A new e-mail address, or none; the address itself is personal data and stays out of the log. */
    public static void emailChanged(String username, String address) {
        write(Level.INFO, "email_change", "success", username, address, "");
    }

    /**
     * The user deleted their account, with what went with it; every login of it ended on every
     * instance, and the username is free again.
     */
    public static void accountDeleted(String username, String address, AccountContent.Counts deleted) {
        write(Level.INFO, "account_deletion", "success", username, address, " notes=" + deleted.notes()
                + " comments_on_their_notes=" + deleted.commentsOnTheirNotes()
                + " comments_on_other_notes=" + deleted.commentsOnOtherNotes());
    }

    /** Refused: the typed username, asked of an account without a password, was not the account's. */
    public static void accountDeletionUnconfirmed(String username, String address) {
        write(Level.WARNING, "account_deletion", "failure", username, address, "");
    }

    public static void loggedOut(String username, String address) {
        write(Level.INFO, "logout", "success", username, address, "");
    }

    /** The user ended every login of theirs, on every instance, from the account page. */
    public static void loggedOutEverywhere(String username, String address) {
        write(Level.INFO, "logout_everywhere", "success", username, address, "");
    }

    /** A login older than the absolute session lifetime, ended at its next request. */
    public static void lifetimeEnded(String username, String address, Duration lifetime) {
        write(Level.INFO, "session_end", "lifetime", username, address, " lifetime=" + lifetime.toSeconds() + "s");
    }

    /**
     * A login from before its user's session epoch rose ({@link SessionEpochs}: a password change,
     * a logout everywhere, a disabled account), ended at its next request.
     */
    public static void epochEnded(String username, String address) {
        write(Level.INFO, "session_end", "epoch", username, address, "");
    }

    public static void registered(String username, String address) {
        write(Level.INFO, "registration", "success", username, address, "");
    }

    /**
     * The right password of a disabled account: refused as a wrong one (the failure, with the
     * address, follows), and said here, so that an operator sees the attempt for what it was.
     */
    public static void disabledAccountRefused(String username) {
        write(Level.WARNING, "login", "disabled", username, null, "");
    }

    /** Refused: the address's quota of registrations is used up. */
    public static void registrationThrottled(String username, String address) {
        write(Level.WARNING, "registration", "throttled", username, address, "");
    }

    private static void write(Level level, String event, String outcome, String username, String address,
                              String detail) {
        if (LOG.isLoggable(level)) {
            LOG.log(level, event + " outcome=" + outcome + " user=" + LogText.quoted(username)
                    + " address=" + LogText.quoted(address) + detail);
        }
    }
}
