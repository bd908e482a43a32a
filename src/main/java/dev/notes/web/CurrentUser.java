package dev.notes.web;

import dev.notes.user.Caller;
import dev.notes.user.SessionAuthenticationMechanism;
import dev.notes.user.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is asking, for the pages: the header, showing only the actions allowed, and the quotas. The
 * services take the author of a change from the same {@link Caller} themselves.
 */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    private Caller caller;

    @Inject
    private HttpServletRequest request;

    /** The logged-in username, or null for an anonymous reader. */
    public String getUsername() {
        return caller.username().orElse(null);
    }

    public boolean isLoggedIn() {
        return getUsername() != null;
    }

    public String getDisplayName() {
        SignedInUser user = SessionAuthenticationMechanism.signedInUser(request);
        return user != null ? user.displayName() : getUsername();
    }

    /**
     * Whether to say "your session has ended": this request ended a login (older than the session
     * lifetime, or from before a password change), or it was sent to the login page because of that.
     */
    public boolean isLoginEnded() {
        return request.getAttribute(SessionAuthenticationMechanism.LOGIN_ENDED) != null
                || request.getParameter(SessionAuthenticationMechanism.ENDED_PARAMETER) != null;
    }

    /** Whether the login ended because the user's password was changed since: the page says so. */
    public boolean isLoginEndedByPasswordChange() {
        return loginEndedBy(SessionAuthenticationMechanism.ENDED_BY_PASSWORD_CHANGE);
    }

    /** Whether this browser's login ended by its own "Log out everywhere": the page says so. */
    public boolean isLoginEndedEverywhere() {
        return loginEndedBy(SessionAuthenticationMechanism.ENDED_EVERYWHERE);
    }

    /** Whether the login ended because an administrator disabled the account: the page says so. */
    public boolean isLoginEndedByDisabling() {
        return loginEndedBy(SessionAuthenticationMechanism.ENDED_BY_DISABLING);
    }

    private boolean loginEndedBy(String reason) {
        return reason.equals(request.getAttribute(SessionAuthenticationMechanism.LOGIN_ENDED))
                || reason.equals(request.getParameter(SessionAuthenticationMechanism.ENDED_PARAMETER));
    }

    /** Whether the caller logged in as an administrator: the pages then offer moderation. */
    public boolean isAdministrator() {
        return caller.isAdministrator();
    }

    public boolean is(String username) {
        return username != null && username.equals(getUsername());
    }
}
