package dev.notes.web;

import dev.notes.oidc.OidcCallback;
import dev.notes.oidc.OidcLoginAttempt;
import dev.notes.oidc.OidcProblem;
import dev.notes.oidc.OidcProvider;
import dev.notes.throttle.Waits;
import dev.notes.user.ExternalLogin;
import dev.notes.user.SessionAuthenticationMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Where the OpenID provider sends the browser back ({@code /user/oidc-callback}; a 404 when no
 * provider is configured). Hands what the provider sent, as an {@link OidcCallback}, to
 * {@link SessionAuthenticationMechanism} through {@link SecurityContext#authenticate}, as the login
 * page does with a password; then shows the page the login began on, or this page saying what
 * went wrong (never what the provider sent) with a link to try again.
 */
@Named
@RequestScoped
public class OidcCallbackPage {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private OidcProvider provider;

    private OidcProblem problem;
    private String message;

    /** The view action: finishes the login, or says why it did not happen. */
    public void complete() {
        if (!provider.isConfigured()) {
            Pages.notFound();
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        Map<String, String> parameters = external.getRequestParameterMap();
        OidcCallback callback = new OidcCallback(parameters.get("state"), parameters.get("code"),
                parameters.get("error"), parameters.get("iss"));
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(callback).newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            Pages.redirect(LoginPage.safeNext((String) request.getAttribute(ExternalLogin.NEXT)));
            return;
        }
        if (request.getAttribute(SessionAuthenticationMechanism.SESSION_STORE_FAILED) != null
                || request.getAttribute(SessionAuthenticationMechanism.LOGIN_UNAVAILABLE) != null) {
            Pages.unavailable();
            return;
        }
        problem = request.getAttribute(ExternalLogin.PROBLEM) instanceof OidcProblem known ? known : OidcProblem.TOKEN;
        message = message(problem, provider.name().orElseThrow(),
                (Duration) request.getAttribute(SessionAuthenticationMechanism.LOGIN_THROTTLED));
        external.setResponseStatus(status(problem));
        if (request.getAttribute(SessionAuthenticationMechanism.LOGIN_THROTTLED) instanceof Duration wait) {
            external.setResponseHeader("Retry-After", Long.toString(Waits.retryAfterSeconds(wait)));
        }
    }

    static String message(OidcProblem problem, String providerName, Duration wait) {
        return switch (problem) {
            case DENIED -> "The login at " + providerName + " was cancelled or refused there.";
            case STATE -> "This login was not begun in this browser, or it was begun more than "
                    + OidcLoginAttempt.LIFETIME.toMinutes() + " minutes ago, or another login was begun since.";
            case TOKEN -> "The answer from " + providerName + " could not be verified.";
            case UNAVAILABLE -> LoginPage.providerUnavailableMessage(providerName);
            case DISABLED -> "An administrator has disabled this account.";
            case NO_USERNAME -> "Every username that fits your " + providerName
                    + " account is taken here. Please ask an administrator.";
            case THROTTLED -> LoginPage.throttledMessage(wait == null ? Duration.ZERO : wait);
        };
    }

    static int status(OidcProblem problem) {
        return switch (problem) {
            case DENIED, DISABLED -> HttpServletResponse.SC_FORBIDDEN;
            case STATE, TOKEN -> HttpServletResponse.SC_BAD_REQUEST;
            case NO_USERNAME -> HttpServletResponse.SC_CONFLICT;
            case UNAVAILABLE -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            case THROTTLED -> Pages.TOO_MANY_REQUESTS;
        };
    }

    /** The reason, for the page's markup ({@code data-problem}); null before a failure. */
    public String getProblem() {
        return problem == null ? null : problem.code();
    }

    public String getMessage() {
        return message;
    }
}
