package dev.notes.user;

import dev.notes.platform.Settings;
import dev.notes.platform.Times;
import dev.notes.throttle.CountersUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import dev.notes.throttle.LoginThrottle;
import dev.notes.throttle.PasswordChecks;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the login in the HTTP session and re-establishes the caller from it on every request.
 * <p>
 * Why not the built-in form mechanism or {@code @AutoApplySession}: on Liberty both ride on the
 * LtpaToken2 single sign-on cookie, which another instance cannot map back to our users without a
 * server registry, and which still authenticates after logout when replayed to another instance.
 * The HTTP session, by contrast, is shared by the session cache and invalidated everywhere at once.
 * <p>
 * A login is a programmatic {@code SecurityContext.authenticate} call carrying the credential
 * (see {@code LoginPage}). On success the visitor's session, if any, is invalidated and a new one
 * created: a new id defeats session fixation, and nothing an earlier visitor of this browser left
 * in the session (recently viewed notes) is carried into the login. Invalidating rather than
 * changing the id and clearing attributes: the session store removes the old session on every
 * instance at once, and Faces keeps its view state on the client, so no page state is lost.
 * <p>
 * A login lasts at most {@code SESSION_LIFETIME}, however busy ({@link SignedInUser#loggedInAt}):
 * the first request after that, on any instance, invalidates the session and goes on as anonymous,
 * marked {@link #LOGIN_ENDED} so that the page says why (a protected page sends to the login page
 * with {@code ended}). Every login, failure, refusal and lifetime end goes to the {@link AuthenticationLog}.
 * <p>
 * Before any password is checked, {@link LoginThrottle} may refuse the attempt (too many failures
 * for the account or from the client's address); failures are counted after the check. Password
 * checks run through {@link PasswordChecks}, which bounds how many hash at once.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String LOGIN_PATH = "/user/login";

    /**
     * Request attribute set when the HTTP session could not be read or created: in a cluster, the
     * session store (Redis) is away. The request then goes on as anonymous, and whatever needs a
     * login answers "temporarily unavailable" (see {@code dev.notes.web.UnavailableFilter}).
     */
    public static final String SESSION_STORE_FAILED = "dev.notes.user.sessionStoreFailed";

    /** Request attribute: the login was refused unchecked, too many failures; the value is the {@link Duration} to wait. */
    public static final String LOGIN_THROTTLED = "dev.notes.user.loginThrottled";

    /**
     * Request attribute set when the login could not be tried: the counters' store is away, or
     * every password-check slot stayed busy. The login page answers "temporarily unavailable".
     */
    public static final String LOGIN_UNAVAILABLE = "dev.notes.user.loginUnavailable";

    /** Request attribute set when this request ended a login older than the session lifetime. */
    public static final String LOGIN_ENDED = "dev.notes.user.loginEnded";

    /** Query parameter of the login page when a login ended: the page says so. */
    public static final String ENDED_PARAMETER = "ended";

    private static final Logger LOG = Logger.getLogger(SessionAuthenticationMechanism.class.getName());

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private UserService users;

    @Inject
    private LoginThrottle throttle;

    @Inject
    private PasswordChecks passwordChecks;

    @Inject
    private Settings settings;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return logIn(credential, request, context);
        }
        SignedInUser user = signedInUser(request);
        if (user != null) {
            if (!user.hasOutlived(settings.sessionLifetime(), Times.now())) {
                return context.notifyContainerAboutLogin(user.username(), user.groups());
            }
            endLogin(user, request);
        }
        if (context.isProtected()) {
            return context.redirect(loginUrl(request));
        }
        return context.doNothing();
    }

    private AuthenticationStatus logIn(Credential credential, HttpServletRequest request, HttpMessageContext context) {
        String typed = credential instanceof UsernamePasswordCredential login ? login.getCaller() : null;
        // Counted under the name the account would have, so "Alice " and "alice" share one count.
        String username = Registration.normalise(typed);
        // The client, or with a trusted proxy the address it forwarded (Liberty's remoteIp).
        String address = request.getRemoteAddr();
        CredentialValidationResult result;
        try {
            Optional<Duration> refusal = throttle.refusal(username, address);
            if (refusal.isPresent()) {
                AuthenticationLog.loginThrottled(typed, address, refusal.get());
                request.setAttribute(LOGIN_THROTTLED, refusal.get());
                return AuthenticationStatus.SEND_FAILURE;
            }
            Optional<CredentialValidationResult> checked = passwordChecks.run(() -> identityStores.validate(credential));
            if (checked.isEmpty()) {
                LOG.warning(() -> "Login from " + address + " not tried: every password check slot stayed busy");
                AuthenticationLog.loginUnavailable(typed, address);
                request.setAttribute(LOGIN_UNAVAILABLE, Boolean.TRUE);
                return AuthenticationStatus.SEND_FAILURE;
            }
            result = checked.get();
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                AuthenticationLog.loginFailed(typed, address);
                throttle.failed(username, address);
                return AuthenticationStatus.SEND_FAILURE;
            }
        } catch (CountersUnavailableException redisAway) {
            // The same Redis holds the sessions, so a login could not be kept anyway.
            LOG.log(Level.FINE, "Login not tried: the throttling counters are away", redisAway);
            AuthenticationLog.loginUnavailable(typed, address);
            request.setAttribute(LOGIN_UNAVAILABLE, Boolean.TRUE);
            return AuthenticationStatus.SEND_FAILURE;
        }
        String caller = result.getCallerPrincipal().getName();
        String displayName = users.find(caller).map(User::getDisplayName).orElse(caller);
        try {
            freshSession(request).setAttribute(SignedInUser.SESSION_ATTRIBUTE,
                    new SignedInUser(caller, displayName, result.getCallerGroups(), Times.now()));
        } catch (RuntimeException sessionStoreAway) {
            markSessionStoreFailed(request, sessionStoreAway);
            AuthenticationLog.loginUnavailable(typed, address);
            return AuthenticationStatus.SEND_FAILURE;
        }
        AuthenticationLog.loginSucceeded(caller, address);
        return context.notifyContainerAboutLogin(caller, result.getCallerGroups());
    }

    /** The visitor's session, if any, invalidated, and a new one in its place. */
    private static HttpSession freshSession(HttpServletRequest request) {
        invalidate(request.getSession(false));
        return request.getSession(true);
    }

    /** Ends a login older than the session lifetime: its session is invalidated on every instance. */
    private void endLogin(SignedInUser user, HttpServletRequest request) {
        try {
            invalidate(request.getSession(false));
        } catch (RuntimeException sessionStoreAway) {
            markSessionStoreFailed(request, sessionStoreAway);
            return;
        }
        request.setAttribute(LOGIN_ENDED, Boolean.TRUE);
        AuthenticationLog.lifetimeEnded(user.username(), request.getRemoteAddr(), settings.sessionLifetime());
    }

    private static void invalidate(HttpSession session) {
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // ended by another request meanwhile: nothing left to end
            }
        }
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.removeAttribute(SignedInUser.SESSION_ATTRIBUTE);
            } catch (IllegalStateException alreadyInvalidated) {
                // nothing left to clean
            }
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /** The login kept in the request's session, if any; none while the session store is away. */
    public static SignedInUser signedInUser(HttpServletRequest request) {
        if (request.getAttribute(SESSION_STORE_FAILED) != null) {
            return null;
        }
        try {
            HttpSession session = request.getSession(false);
            return session != null && session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) instanceof SignedInUser user
                    ? user : null;
        } catch (IllegalStateException invalidated) {
            return null;
        } catch (RuntimeException sessionStoreAway) {
            markSessionStoreFailed(request, sessionStoreAway);
            return null;
        }
    }

    private static void markSessionStoreFailed(HttpServletRequest request, RuntimeException cause) {
        request.setAttribute(SESSION_STORE_FAILED, Boolean.TRUE);
        LOG.log(Level.FINE, "The HTTP session store failed", cause);
    }

    private static String loginUrl(HttpServletRequest request) {
        String target = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            target += "?" + request.getQueryString();
        }
        String ended = request.getAttribute(LOGIN_ENDED) != null ? "&" + ENDED_PARAMETER : "";
        return request.getContextPath() + LOGIN_PATH + "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8)
                + ended;
    }
}
