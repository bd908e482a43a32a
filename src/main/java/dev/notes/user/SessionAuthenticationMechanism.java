package dev.notes.user;

import dev.notes.oidc.OidcCallback;
import dev.notes.platform.Settings;
import dev.notes.platform.Times;
import dev.notes.throttle.LoginThrottle;
import dev.notes.throttle.PasswordChecks;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

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
 * with {@code ended}). So does a login from before its user's last password change, on any
 * instance: its session epoch is below the user's ({@link SessionEpochs}). Every login, failure,
 * refusal and end goes to the {@link AuthenticationLog}.
 * <p>
 * The password is checked by {@link CredentialCheck}: before it, {@link LoginThrottle} may refuse
 * the attempt (too many failures for the account or from the client's address); failures are
 * counted after the check; {@link PasswordChecks} bounds how many hash at once.
 * <p>
 * A login through the OpenID provider comes the same way, its credential the provider's answer
 * ({@link OidcCallback}, from the callback page), and is run by {@link ExternalLogin}: the same
 * fresh session, {@link SignedInUser}, login index entry and log line. This mechanism takes both
 * because Liberty allows one {@code HttpAuthenticationMechanism} per module: Jakarta Security's
 * {@code @OpenIdAuthenticationMechanismDefinition} would be a second one, and would keep its login
 * in its own cookies rather than in the shared session.
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

    /**
     * Request attribute set when this request ended a login; its value says why:
     * {@link #ENDED_BY_LIFETIME}, {@link #ENDED_BY_PASSWORD_CHANGE} or {@link #ENDED_BY_DISABLING}.
     */
    public static final String LOGIN_ENDED = "dev.notes.user.loginEnded";

    /** Query parameter of the login page when a login ended, with the same value: the page says why. */
    public static final String ENDED_PARAMETER = "ended";

    /** The login was older than the absolute session lifetime. */
    public static final String ENDED_BY_LIFETIME = "lifetime";

    /** The user's password was changed after this login (in another session, or on another instance). */
    public static final String ENDED_BY_PASSWORD_CHANGE = "password";

    /** The user logged out everywhere from the account page (this session's own end). */
    public static final String ENDED_EVERYWHERE = "everywhere";

    /** An administrator disabled the account after this login ({@link Moderation#disable}). */
    public static final String ENDED_BY_DISABLING = "disabled";

    private static final Logger LOG = Logger.getLogger(SessionAuthenticationMechanism.class.getName());

    /** Liberty's session cookie when server.xml names none (SESSION_COOKIE_NAME). */
    private static final String DEFAULT_SESSION_COOKIE = "JSESSIONID";

    @Inject
    private CredentialCheck credentials;

    @Inject
    private ExternalLogin externalLogin;

    @Inject
    private UserService users;

    @Inject
    private SessionEpochs epochs;

    @Inject
    private LoginIndex logins;

    @Inject
    private Settings settings;

    @Inject
    private MetricRegistry registry;

    private Timer sessionReads;
    private Counter sessionReadFailures;

    /**
     * The session store as the application sees it: Liberty's session cache runs a Redisson client
     * of its own that no application code can time, but it loads a session from the store when the
     * request first uses it, here. Its writes, after the response, stay out of sight.
     */
    @PostConstruct
    void registerMetrics() {
        sessionReads = registry.timer(Metadata.builder().withName("notes.session.reads")
                .withDescription("Time to read the login from the HTTP session of a request that carries a session"
                        + " cookie: Liberty loads the session from its store (Redis in a cluster) at this first use")
                .withUnit(MetricUnits.SECONDS).build());
        sessionReadFailures = registry.counter(Metadata.builder().withName("notes.session.read.failures")
                .withDescription("Requests whose HTTP session could not be read (the session store, Redis, is away):"
                        + " they get the temporarily unavailable page where a login is needed").build());
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof OidcCallback callback) {
            return externalLogin.logIn(callback, request, context);
        }
        if (credential != null) {
            return logIn(credential, request, context);
        }
        SignedInUser user = readLogin(request);
        if (user != null) {
            if (user.hasOutlived(settings.sessionLifetime(), Times.now())) {
                endLogin(request, ENDED_BY_LIFETIME, () -> AuthenticationLog.lifetimeEnded(user.username(),
                        request.getRemoteAddr(), settings.sessionLifetime()));
            } else if (isOfCurrentEpoch(user, request)) {
                return context.notifyContainerAboutLogin(user.username(), user.groups());
            } else if (request.getAttribute(SESSION_STORE_FAILED) == null) {
                // Both raise the epoch; the rare end of a login may read the account to say which.
                boolean disabled = users.find(user.username()).map(User::isDisabled).orElse(false);
                endLogin(request, disabled ? ENDED_BY_DISABLING : ENDED_BY_PASSWORD_CHANGE,
                        () -> AuthenticationLog.epochEnded(user.username(), request.getRemoteAddr()));
            }
        }
        if (context.isProtected()) {
            return context.redirect(loginUrl(request));
        }
        return context.doNothing();
    }

    /** {@link #signedInUser}, timed and its failures counted when the request names a session. */
    private SignedInUser readLogin(HttpServletRequest request) {
        if (!hasSessionCookie(request)) {
            return signedInUser(request);
        }
        long start = System.nanoTime();
        SignedInUser user = signedInUser(request);
        sessionReads.update(Duration.ofNanos(System.nanoTime() - start));
        if (request.getAttribute(SESSION_STORE_FAILED) != null) {
            sessionReadFailures.inc();
        }
        return user;
    }

    /**
     * Whether the request sent a session cookie, read from the cookies themselves: Liberty's
     * {@code getRequestedSessionId()} looks the session up in its store, and throws while the store
     * (Redis) is away, which would fail the very error page that says so.
     */
    private static boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        String name = Objects.requireNonNullElse(request.getServletContext().getSessionCookieConfig().getName(),
                DEFAULT_SESSION_COOKIE);
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private AuthenticationStatus logIn(Credential credential, HttpServletRequest request, HttpMessageContext context) {
        String typed = credential instanceof UsernamePasswordCredential login ? login.getCaller() : null;
        // The client, or with a trusted proxy the address it forwarded (Liberty's remoteIp).
        String address = request.getRemoteAddr();
        // Read before the password is checked: a password change that commits meanwhile leaves this
        // login in the old epoch, ended at its next request, rather than in the new one.
        Optional<User> account = users.find(typed);
        CredentialCheck.Outcome outcome = credentials.check(AuthenticationLog.PasswordCheck.LOGIN, credential, address);
        switch (outcome.status()) {
            case THROTTLED -> {
                request.setAttribute(LOGIN_THROTTLED, outcome.retryAfter());
                return AuthenticationStatus.SEND_FAILURE;
            }
            case UNAVAILABLE -> {
                request.setAttribute(LOGIN_UNAVAILABLE, Boolean.TRUE);
                return AuthenticationStatus.SEND_FAILURE;
            }
            case INVALID -> {
                return AuthenticationStatus.SEND_FAILURE;
            }
            case VALID -> {
                // logged in below
            }
        }
        CredentialValidationResult result = outcome.result();
        String caller = result.getCallerPrincipal().getName();
        SignedInUser user = new SignedInUser(caller, account.map(User::getDisplayName).orElse(caller),
                result.getCallerGroups(), Times.now(), account.map(User::getSessionEpoch).orElse(0L),
                UUID.randomUUID().toString());
        if (!keepLogin(request, user)) {
            AuthenticationLog.checkUnavailable(AuthenticationLog.PasswordCheck.LOGIN, typed, address);
            return AuthenticationStatus.SEND_FAILURE;
        }
        logins.add(caller, ActiveLogin.of(user, request));
        AuthenticationLog.loginSucceeded(caller, address);
        return context.notifyContainerAboutLogin(caller, result.getCallerGroups());
    }

    /**
     * Keeps {@code user} as the login of a fresh session in place of the request's one, whose id
     * then is worth nothing on any instance: at login, and when a password change renews the login.
     *
     * @return false when the session store is away (the request is marked {@link #SESSION_STORE_FAILED})
     */
    public static boolean keepLogin(HttpServletRequest request, SignedInUser user) {
        try {
            freshSession(request).setAttribute(SignedInUser.SESSION_ATTRIBUTE, user);
            return true;
        } catch (RuntimeException sessionStoreAway) {
            markSessionStoreFailed(request, sessionStoreAway);
            return false;
        }
    }

    /** The visitor's session, if any, invalidated, and a new one in its place. */
    private static HttpSession freshSession(HttpServletRequest request) {
        invalidate(request.getSession(false));
        return request.getSession(true);
    }

    /**
     * Whether the login is in its user's current session epoch. When the epoch cannot be read (the
     * database is away), the request is treated like one whose session store is away: anonymous,
     * and "temporarily unavailable" where a session is needed, rather than ending a login that may
     * be valid or keeping one that may not.
     */
    private boolean isOfCurrentEpoch(SignedInUser user, HttpServletRequest request) {
        try {
            return epochs.isCurrent(user);
        } catch (RuntimeException databaseAway) {
            markSessionStoreFailed(request, databaseAway);
            return false;
        }
    }

    /**
     * Ends a login older than the session lifetime or than its user's session epoch: its session is
     * invalidated on every instance, the request marked with {@code reason}, then {@code log} records it.
     */
    private static void endLogin(HttpServletRequest request, String reason, Runnable log) {
        try {
            invalidate(request.getSession(false));
        } catch (RuntimeException sessionStoreAway) {
            markSessionStoreFailed(request, sessionStoreAway);
            return;
        }
        request.setAttribute(LOGIN_ENDED, reason);
        log.run();
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
        String ended = request.getAttribute(LOGIN_ENDED) instanceof String reason
                ? "&" + ENDED_PARAMETER + "=" + reason : "";
        return request.getContextPath() + LOGIN_PATH + "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8)
                + ended;
    }
}
