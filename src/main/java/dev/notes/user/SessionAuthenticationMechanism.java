package dev.notes.user;

import jakarta.enterprise.context.ApplicationScoped;
import dev.notes.throttle.CountersUnavailableException;
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
 * (see {@code LoginPage}). On success the session id is changed, defeating session fixation.
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

    private static final Logger LOG = Logger.getLogger(SessionAuthenticationMechanism.class.getName());

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private UserService users;

    @Inject
    private LoginThrottle throttle;

    @Inject
    private PasswordChecks passwordChecks;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return logIn(credential, request, context);
        }
        SignedInUser user = signedInUser(request);
        if (user != null) {
            return context.notifyContainerAboutLogin(user.username(), user.groups());
        }
        if (context.isProtected()) {
            return context.redirect(loginUrl(request));
        }
        return context.doNothing();
    }

    private AuthenticationStatus logIn(Credential credential, HttpServletRequest request, HttpMessageContext context) {
        // Counted under the name the account would have, so "Alice " and "alice" share one count.
        String username = credential instanceof UsernamePasswordCredential login
                ? Registration.normalise(login.getCaller()) : null;
        // The client, or with a trusted proxy the address it forwarded (Liberty's remoteIp).
        String address = request.getRemoteAddr();
        CredentialValidationResult result;
        try {
            Optional<Duration> refusal = throttle.refusal(username, address);
            if (refusal.isPresent()) {
                request.setAttribute(LOGIN_THROTTLED, refusal.get());
                return AuthenticationStatus.SEND_FAILURE;
            }
            Optional<CredentialValidationResult> checked = passwordChecks.run(() -> identityStores.validate(credential));
            if (checked.isEmpty()) {
                LOG.warning(() -> "Login from " + address + " not tried: every password check slot stayed busy");
                request.setAttribute(LOGIN_UNAVAILABLE, Boolean.TRUE);
                return AuthenticationStatus.SEND_FAILURE;
            }
            result = checked.get();
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                throttle.failed(username, address);
                return AuthenticationStatus.SEND_FAILURE;
            }
        } catch (CountersUnavailableException redisAway) {
            // The same Redis holds the sessions, so a login could not be kept anyway.
            LOG.log(Level.FINE, "Login not tried: the throttling counters are away", redisAway);
            request.setAttribute(LOGIN_UNAVAILABLE, Boolean.TRUE);
            return AuthenticationStatus.SEND_FAILURE;
        }
        String caller = result.getCallerPrincipal().getName();
        String displayName = users.find(caller).map(User::getDisplayName).orElse(caller);
        try {
            HttpSession session = request.getSession();
            request.changeSessionId();
            session.setAttribute(SignedInUser.SESSION_ATTRIBUTE,
                    new SignedInUser(caller, displayName, result.getCallerGroups()));
        } catch (RuntimeException sessionStoreAway) {
            markSessionStoreFailed(request, sessionStoreAway);
            return AuthenticationStatus.SEND_FAILURE;
        }
        return context.notifyContainerAboutLogin(caller, result.getCallerGroups());
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
        return request.getContextPath() + LOGIN_PATH + "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }
}
