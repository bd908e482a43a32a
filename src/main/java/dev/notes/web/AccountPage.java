package dev.notes.web;

import dev.notes.oidc.OidcProvider;
import dev.notes.throttle.PasswordChecks;
import dev.notes.user.ActiveLogin;
import dev.notes.user.AuthenticationLog;
import dev.notes.user.CredentialCheck;
import dev.notes.user.DisplayName;
import dev.notes.user.EmailAddress;
import dev.notes.user.LoginIndex;
import dev.notes.user.NewPassword;
import dev.notes.user.Registration;
import dev.notes.user.SessionAuthenticationMechanism;
import dev.notes.user.SignedInUser;
import dev.notes.user.User;
import dev.notes.user.UserService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * "Your account" ({@code /user/account}, logged-in users only): a new display name, with the rules
 * of registration, an e-mail address (shown here only, to its owner; {@link EmailAddress}) and a
 * new password. Changing the e-mail address asks for the current password too, for an account that
 * has one (re-authentication before a sensitive change), checked and counted like the password
 * change's. The current password is checked the way a login is
 * ({@link CredentialCheck}: throttled, bounded, failures counted); the new one follows the rules of
 * registration ({@link NewPassword}). Once it is set, every other login of the user ends on every
 * instance at its next request (the session epoch, {@code dev.notes.user.SessionEpochs}), while
 * this one goes on in a fresh session, under a new id. Each change goes to the
 * {@code AuthenticationLog}; a bad input gets its message next to its field and keeps everything
 * typed but the passwords.
 * <p>
 * A user who logs in through the OpenID provider has no password here: the page says that it is
 * the provider's, in place of the password form.
 * <p>
 * The page lists the user's logins ({@link LoginIndex}: when, from which address, in which
 * browser), and "Log out everywhere" ends all of them, this one too, on every instance.
 */
@Named
@RequestScoped
public class AccountPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String NAME_FORM = "nameForm";
    static final String PASSWORD_FORM = "passwordForm";
    static final String EMAIL_FORM = "emailForm";
    static final String WRONG_PASSWORD = "This is not your current password.";

    @Inject
    private UserService users;

    @Inject
    private CredentialCheck credentials;

    @Inject
    private PasswordChecks passwordChecks;

    @Inject
    private transient LoginIndex logins;

    @Inject
    private HttpServletRequest request;

    @Inject
    private transient OidcProvider provider;

    @Inject
    private transient Validator validator;

    @DisplayName
    private String displayName;

    @NotNull(message = "Please enter your current password.")
    @Size(max = Registration.PASSWORD_MAX, message = "A password is at most {max} characters long.")
    private String currentPassword;

    @NewPassword
    private String newPassword;

    /** Bounded here; the rules ({@link EmailAddress}) are checked once it is trimmed. */
    @Size(max = 1000, message = "An e-mail address is at most " + Registration.EMAIL_MAX + " characters long.")
    private String email;

    @Size(max = Registration.PASSWORD_MAX, message = "A password is at most {max} characters long.")
    private String emailPassword;

    /** The account as stored, read once per request: the e-mail address and whether it has a password. */
    private transient User account;

    private String newPasswordAgain;

    private List<ActiveLogin> activeLogins;

    @PostConstruct
    void showCurrentValues() {
        SignedInUser login = SessionAuthenticationMechanism.signedInUser(request);
        displayName = login != null ? login.displayName() : null;
        email = account().map(User::getEmail).orElse(null);
    }

    private Optional<User> account() {
        if (account == null) {
            SignedInUser login = SessionAuthenticationMechanism.signedInUser(request);
            account = login == null ? null : users.find(login.username()).orElse(null);
        }
        return Optional.ofNullable(account);
    }

    /** Whether the account logs in with a password here: only then is it asked for before a change. */
    public boolean isPasswordAccount() {
        return account().map(User::hasPassword).orElse(false);
    }

    /**
     * A new e-mail address, or none (an empty field). Checked against the rules before the password,
     * so that a typing mistake costs no password check; the password, for an account that has one,
     * goes through the login's throttled path like the password change's.
     */
    public void changeEmail() {
        SignedInUser login = SessionAuthenticationMechanism.signedInUser(request);
        if (login == null || account().isEmpty()) {
            Pages.unavailable();
            return;
        }
        String normalised = Registration.normaliseEmail(email);
        Set<ConstraintViolation<Registration>> violations = validator.validateValue(Registration.class, "email", normalised);
        if (!violations.isEmpty()) {
            emailPassword = null;
            violations.forEach(v -> Pages.error(EMAIL_FORM + ":email", v.getMessage()));
            return;
        }
        if (isPasswordAccount()) {
            String typed = emailPassword;
            emailPassword = null;
            if (typed == null || typed.isEmpty()) {
                Pages.error(EMAIL_FORM + ":emailPassword", "Please enter your current password.");
                return;
            }
            if (!currentPasswordAccepted(AuthenticationLog.PasswordCheck.EMAIL_CHANGE, login.username(), typed,
                    EMAIL_FORM + ":emailPassword")) {
                return;
            }
        }
        try {
            users.changeEmail(normalised);
        } catch (ConstraintViolationException e) {
            e.getConstraintViolations().forEach(v -> Pages.error(EMAIL_FORM + ":email", v.getMessage()));
            return;
        }
        AuthenticationLog.emailChanged(login.username(), request.getRemoteAddr());
        Pages.redirect("/user/account?saved=" + (normalised == null ? "emailCleared" : "email"));
    }

    public void changeDisplayName() {
        SignedInUser login = SessionAuthenticationMechanism.signedInUser(request);
        if (login == null) {
            Pages.unavailable();
            return;
        }
        String saved;
        try {
            saved = users.changeDisplayName(displayName).getDisplayName();
        } catch (ConstraintViolationException e) {
            e.getConstraintViolations().forEach(v -> Pages.error(NAME_FORM + ":displayName", v.getMessage()));
            return;
        }
        // The header of this session shows it at once; other sessions of the user at their next login.
        try {
            request.getSession().setAttribute(SignedInUser.SESSION_ATTRIBUTE, login.withDisplayName(saved));
        } catch (RuntimeException sessionStoreAway) {
            Pages.unavailable();
            return;
        }
        AuthenticationLog.displayNameChanged(login.username(), request.getRemoteAddr());
        Pages.redirect("/user/account?saved=name");
    }

    public void changePassword() {
        SignedInUser login = SessionAuthenticationMechanism.signedInUser(request);
        if (login == null) {
            Pages.unavailable();
            return;
        }
        if (!Objects.equals(newPassword, newPasswordAgain)) {
            forgetPasswords();
            Pages.error(PASSWORD_FORM + ":newPasswordAgain", "The two new passwords differ.");
            return;
        }
        String address = request.getRemoteAddr();
        if (!currentPasswordAccepted(AuthenticationLog.PasswordCheck.PASSWORD_CHANGE, login.username(), currentPassword,
                PASSWORD_FORM + ":currentPassword")) {
            forgetPasswords();
            return;
        }
        Optional<Long> epoch;
        try {
            // Hashing the new password costs what checking one does: within the same bound.
            epoch = passwordChecks.run(() -> users.changePassword(newPassword));
        } catch (ConstraintViolationException e) {
            forgetPasswords();
            e.getConstraintViolations().forEach(v -> Pages.error(PASSWORD_FORM + ":newPassword", v.getMessage()));
            return;
        }
        SignedInUser renewed = epoch.map(login::withSessionEpoch).orElse(null);
        if (renewed == null || !SessionAuthenticationMechanism.keepLogin(request, renewed)) {
            Pages.unavailable();
            return;
        }
        // The old session's end took the login off the list; it goes on in the fresh one.
        logins.add(login.username(), ActiveLogin.of(renewed, request));
        AuthenticationLog.passwordChanged(login.username(), address);
        Pages.redirect("/user/account?saved=password");
    }

    /**
     * Checks {@code password} as the current password of {@code username} the way a login is checked
     * ({@link CredentialCheck}); when it is not accepted, says why (next to {@code fieldId}, or as a
     * throttled or unavailable answer) and returns false.
     */
    private boolean currentPasswordAccepted(AuthenticationLog.PasswordCheck purpose, String username, String password,
                                            String fieldId) {
        return currentPasswordAccepted(credentials, request, purpose, username, password, fieldId);
    }

    /** As above, for the other pages that ask for the current password ({@link DeleteAccountPage}). */
    static boolean currentPasswordAccepted(CredentialCheck credentials, HttpServletRequest request,
                                           AuthenticationLog.PasswordCheck purpose, String username, String password,
                                           String fieldId) {
        CredentialCheck.Outcome checked = credentials.check(purpose,
                new UsernamePasswordCredential(username, new Password(password)), request.getRemoteAddr());
        switch (checked.status()) {
            case THROTTLED -> Pages.tooManyRequests(null, LoginPage.throttledMessage(checked.retryAfter()),
                    checked.retryAfter());
            case UNAVAILABLE -> Pages.unavailable();
            case INVALID -> Pages.error(fieldId, WRONG_PASSWORD);
            case VALID -> {
                return true;
            }
        }
        return false;
    }

    /** Whether the caller logs in through the OpenID provider, and so has no password to change here. */
    public boolean isExternalAccount() {
        return account().map(User::isExternal).orElse(false);
    }

    /** The OpenID provider's name, as on the login page's button. */
    public String getProviderName() {
        return provider.name().orElse("an external identity provider");
    }

    /** The user's logins, newest first (read once per request). */
    public List<ActiveLogin> getLogins() {
        if (activeLogins == null) {
            SignedInUser login = SessionAuthenticationMechanism.signedInUser(request);
            activeLogins = login == null ? List.of() : logins.of(login.username());
        }
        return activeLogins;
    }

    /** Whether {@code login} is the one this request comes with. */
    public boolean isThisLogin(ActiveLogin login) {
        SignedInUser current = SessionAuthenticationMechanism.signedInUser(request);
        return current != null && login.id().equals(current.loginId());
    }

    /**
     * Ends every login of the user on every instance (a new session epoch), empties their list, and
     * ends this session too; the login page then says so.
     */
    public void logOutEverywhere() throws ServletException {
        SignedInUser login = SessionAuthenticationMechanism.signedInUser(request);
        if (login == null) {
            Pages.unavailable();
            return;
        }
        users.endEveryLogin();
        logins.removeAll(login.username());
        LogoutAction.endSession(request);
        AuthenticationLog.loggedOutEverywhere(login.username(), request.getRemoteAddr());
        Pages.redirect("/user/login?" + SessionAuthenticationMechanism.ENDED_PARAMETER + "="
                + SessionAuthenticationMechanism.ENDED_EVERYWHERE);
    }

    /** Passwords are never shown again, not even the ones just typed. */
    private void forgetPasswords() {
        currentPassword = null;
        newPassword = null;
        newPasswordAgain = null;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getEmailPassword() {
        return emailPassword;
    }

    public void setEmailPassword(String emailPassword) {
        this.emailPassword = emailPassword;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getNewPasswordAgain() {
        return newPasswordAgain;
    }

    public void setNewPasswordAgain(String newPasswordAgain) {
        this.newPasswordAgain = newPasswordAgain;
    }
}
