package dev.notes.web;

import dev.notes.user.AccountContent;
import dev.notes.user.AccountDeletionRefusedException;
import dev.notes.user.AuthenticationLog;
import dev.notes.user.CredentialCheck;
import dev.notes.user.LoginIndex;
import dev.notes.user.Registration;
import dev.notes.user.SessionAuthenticationMechanism;
import dev.notes.user.SignedInUser;
import dev.notes.user.User;
import dev.notes.user.UserService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Optional;

/**
 * "Delete your account" ({@code /user/delete}, logged-in users only): says before anything happens
 * what goes with the account, counted (its notes with every comment on them, its comments on other
 * people's notes; the username becomes free), and asks to confirm with the current password (checked
 * and counted like a login) or, for an account without a password, by typing the username. Then
 * {@link UserService#deleteAccount} deletes it all in one transaction, the user's list of logins is
 * emptied, this session ends (every other one ends at its next request, on every instance), the
 * audit log has a line, and the home page says it is done. The last administrator is refused, with
 * the reason, before anything is asked.
 */
@Named
@RequestScoped
public class DeleteAccountPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String FORM = "deleteForm";
    static final String USERNAME_DIFFERS = "This is not your username. Type it exactly as shown above to confirm.";

    @Inject
    private UserService users;

    @Inject
    private CredentialCheck credentials;

    @Inject
    private transient LoginIndex logins;

    @Inject
    private HttpServletRequest request;

    @Size(max = Registration.PASSWORD_MAX, message = "A password is at most {max} characters long.")
    private String currentPassword;

    @Size(max = Registration.USERNAME_MAX, message = "A username is at most {max} characters long.")
    private String typedUsername;

    private transient AccountContent.Counts counts;
    private String refusal;
    private transient Boolean passwordAccount;

    /** What goes with the account, counted now; null when the deletion is refused ({@link #getRefusal}). */
    public AccountContent.Counts getCounts() {
        if (counts == null && refusal == null) {
            try {
                counts = users.deletionOfCaller();
            } catch (AccountDeletionRefusedException e) {
                refusal = e.getMessage();
            }
        }
        return counts;
    }

    /** Why the account cannot be deleted now, or null. */
    public String getRefusal() {
        getCounts();
        return refusal;
    }

    /** Whether the account has a password, which then confirms; otherwise the typed username does. */
    public boolean isPasswordAccount() {
        if (passwordAccount == null) {
            SignedInUser login = SessionAuthenticationMechanism.signedInUser(request);
            passwordAccount = login != null && users.find(login.username()).map(User::hasPassword).orElse(false);
        }
        return passwordAccount;
    }

    public void delete() throws ServletException {
        SignedInUser login = SessionAuthenticationMechanism.signedInUser(request);
        if (login == null) {
            Pages.unavailable();
            return;
        }
        String username = login.username();
        String address = request.getRemoteAddr();
        if (!confirmed(username, address)) {
            return;
        }
        AccountContent.Counts deleted;
        try {
            deleted = users.deleteAccount();
        } catch (AccountDeletionRefusedException e) {
            refusal = e.getMessage();
            Pages.error(null, e.getMessage());
            return;
        }
        logins.removeAll(username);
        LogoutAction.endSession(request);
        AuthenticationLog.accountDeleted(username, address, deleted);
        Pages.redirect("/?deleted=account");
    }

    /** The current password, or for an account without one the typed username; says what is wrong if not. */
    private boolean confirmed(String username, String address) {
        if (isPasswordAccount()) {
            String typed = Optional.ofNullable(currentPassword).orElse("");
            currentPassword = null;
            if (typed.isEmpty()) {
                Pages.error(FORM + ":currentPassword", "Please enter your current password.");
                return false;
            }
            return AccountPage.currentPasswordAccepted(credentials, request,
                    AuthenticationLog.PasswordCheck.ACCOUNT_DELETION, username, typed, FORM + ":currentPassword");
        }
        if (!username.equals(Registration.normalise(typedUsername))) {
            AuthenticationLog.accountDeletionUnconfirmed(username, address);
            Pages.error(FORM + ":typedUsername", USERNAME_DIFFERS);
            return false;
        }
        return true;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getTypedUsername() {
        return typedUsername;
    }

    public void setTypedUsername(String typedUsername) {
        this.typedUsername = typedUsername;
    }
}
