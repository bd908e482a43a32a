package dev.notes.user;

import dev.notes.oidc.ExternalIdentity;
import dev.notes.oidc.OidcCallback;
import dev.notes.oidc.OidcLogin;
import dev.notes.oidc.OidcLoginAttempt;
import dev.notes.oidc.OidcLoginException;
import dev.notes.oidc.OidcProblem;
import dev.notes.platform.Times;
import dev.notes.throttle.CountersUnavailableException;
import dev.notes.throttle.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The login through the OpenID provider, as {@link SessionAuthenticationMechanism} runs it when the
 * callback page hands it an {@link OidcCallback}: the same steps as a password login around the
 * protocol ({@link OidcLogin}). Refused unchecked while the client's address has used up its failed
 * logins ({@link LoginThrottle#addressRefusal}); the login begun in this session is taken out of it
 * (one use); the provider's answer is checked; the local user found or created
 * ({@link ExternalAccounts}), refused when disabled; then the same {@link SignedInUser} in a fresh
 * session as after a password, listed in the {@link LoginIndex}, and a line in the
 * {@link AuthenticationLog} with {@code method=oidc}. A failure counts against the address (not
 * when the provider is away: that is nobody's guess) and is logged with its reason.
 */
@ApplicationScoped
public class ExternalLogin {

    /** Request attribute: the page to show after the login, as it was when the login began. */
    public static final String NEXT = "dev.notes.user.externalLoginNext";

    /** Request attribute: the {@link OidcProblem} that logged nobody in. */
    public static final String PROBLEM = "dev.notes.user.externalLoginProblem";

    /**
     * Session attribute: the ID token of a login through a provider that offers RP-initiated
     * logout, sent back to it as {@code id_token_hint} when the user logs out.
     */
    public static final String ID_TOKEN_ATTRIBUTE = "notes.oidc.t";

    private static final Logger LOG = Logger.getLogger(ExternalLogin.class.getName());

    private static final Set<OidcProblem> NOT_COUNTED = Set.of(OidcProblem.UNAVAILABLE, OidcProblem.THROTTLED,
            OidcProblem.NO_USERNAME);

    @Inject
    private OidcLogin oidc;

    @Inject
    private ExternalAccounts accounts;

    @Inject
    private LoginThrottle throttle;

    @Inject
    private LoginIndex logins;

    AuthenticationStatus logIn(OidcCallback callback, HttpServletRequest request, HttpMessageContext context) {
        String address = request.getRemoteAddr();
        String username = null;
        try {
            Optional<Duration> refusal = throttle.addressRefusal(address);
            if (refusal.isPresent()) {
                request.setAttribute(SessionAuthenticationMechanism.LOGIN_THROTTLED, refusal.get());
                throw new OidcLoginException(OidcProblem.THROTTLED, "too many failed logins from the address");
            }
            OidcLoginAttempt attempt = takeAttempt(request);
            if (request.getAttribute(SessionAuthenticationMechanism.SESSION_STORE_FAILED) != null) {
                AuthenticationLog.externalLoginFailed(OidcProblem.UNAVAILABLE, null, address);
                return AuthenticationStatus.SEND_FAILURE;
            }
            ExternalIdentity identity = oidc.complete(attempt, callback);
            User user = accounts.findOrCreate(identity);
            username = user.getUsername();
            if (user.isDisabled()) {
                throw new OidcLoginException(OidcProblem.DISABLED, "the account is disabled");
            }
            Set<String> groups = user.isAdministrator()
                    ? Set.of(SignedInUser.USER_GROUP, SignedInUser.ADMINISTRATOR_GROUP) : Set.of(SignedInUser.USER_GROUP);
            SignedInUser login = new SignedInUser(username, user.getDisplayName(), groups, Times.now(),
                    user.getSessionEpoch(), UUID.randomUUID().toString());
            if (!SessionAuthenticationMechanism.keepLogin(request, login) || !keepIdToken(request, identity)) {
                AuthenticationLog.externalLoginFailed(OidcProblem.UNAVAILABLE, username, address);
                return AuthenticationStatus.SEND_FAILURE;
            }
            logins.add(username, ActiveLogin.of(login, request));
            AuthenticationLog.externalLoginSucceeded(username, address);
            request.setAttribute(NEXT, attempt.next());
            return context.notifyContainerAboutLogin(username, groups);
        } catch (OidcLoginException e) {
            LOG.log(Level.FINE, "Login through the OpenID provider failed: " + e.getMessage(), e);
            request.setAttribute(PROBLEM, e.problem());
            AuthenticationLog.externalLoginFailed(e.problem(), username, address);
            if (!NOT_COUNTED.contains(e.problem())) {
                countFailure(address);
            }
            return AuthenticationStatus.SEND_FAILURE;
        } catch (CountersUnavailableException redisAway) {
            LOG.log(Level.FINE, "Login through the OpenID provider not tried: the throttling counters are away", redisAway);
            request.setAttribute(SessionAuthenticationMechanism.LOGIN_UNAVAILABLE, Boolean.TRUE);
            AuthenticationLog.externalLoginFailed(OidcProblem.UNAVAILABLE, username, address);
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    /** The login begun in the request's session, taken out of it: a callback is answered once. */
    private static OidcLoginAttempt takeAttempt(HttpServletRequest request) {
        try {
            HttpSession session = request.getSession(false);
            if (session == null || !(session.getAttribute(OidcLoginAttempt.SESSION_ATTRIBUTE)
                    instanceof OidcLoginAttempt attempt)) {
                return null;
            }
            session.removeAttribute(OidcLoginAttempt.SESSION_ATTRIBUTE);
            return attempt;
        } catch (IllegalStateException invalidated) {
            return null;
        } catch (RuntimeException sessionStoreAway) {
            request.setAttribute(SessionAuthenticationMechanism.SESSION_STORE_FAILED, Boolean.TRUE);
            LOG.log(Level.FINE, "The HTTP session store failed", sessionStoreAway);
            return null;
        }
    }

    /** Keeps the ID token in the new session when the provider is to be told of the logout. */
    private static boolean keepIdToken(HttpServletRequest request, ExternalIdentity identity) {
        if (identity.idToken() == null) {
            return true;
        }
        try {
            request.getSession().setAttribute(ID_TOKEN_ATTRIBUTE, identity.idToken());
            return true;
        } catch (RuntimeException sessionStoreAway) {
            request.setAttribute(SessionAuthenticationMechanism.SESSION_STORE_FAILED, Boolean.TRUE);
            return false;
        }
    }

    private void countFailure(String address) {
        try {
            throttle.failedFromAddress(address);
        } catch (CountersUnavailableException redisAway) {
            LOG.log(Level.FINE, "A failed login through the OpenID provider was not counted: the counters are away",
                    redisAway);
        }
    }
}
