package dev.notes.web;

import dev.notes.oidc.OidcLogin;
import dev.notes.oidc.OidcLoginAttempt;
import dev.notes.oidc.OidcLoginException;
import dev.notes.oidc.OidcProvider;
import dev.notes.throttle.Waits;
import dev.notes.user.SessionAuthenticationMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * "Login to Notes". Hands the credential to {@link SessionAuthenticationMechanism} through
 * {@link SecurityContext#authenticate}, then returns to the page that asked for the login.
 * <p>
 * When an OpenID provider is configured, a second form's button "Log in with &lt;provider&gt;"
 * begins a login there ({@link OidcLogin#begin}): the login's {@code state}, {@code nonce} and PKCE
 * verifier go into the HTTP session, where the callback page ({@link OidcCallbackPage}) finds them
 * on any instance, and the browser to the provider. A POST, because it changes state (it creates
 * a session and replaces a login begun before): like every POST it must come from a page of this
 * site ({@link SameOriginFilter}), so no other site can start logins in someone's browser. When the
 * provider cannot be reached, the page says so (503) and the password form stays.
 */
@Named
@RequestScoped
public class LoginPage {

    static final String FAILED = "Wrong username or password.";

    /** Where the provider sends the browser back: {@link OidcCallbackPage}. */
    static final String CALLBACK_PATH = "/user/oidc-callback";

    @Inject
    private SecurityContext securityContext;

    @Inject
    private OidcProvider provider;

    @Inject
    private OidcLogin oidcLogin;

    private String username;
    private String password;
    private String next;

    public void login() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        var credential = new UsernamePasswordCredential(username, new Password(password));
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getAttribute(SessionAuthenticationMechanism.SESSION_STORE_FAILED) != null
                || request.getAttribute(SessionAuthenticationMechanism.LOGIN_UNAVAILABLE) != null) {
            Pages.unavailable();
            return;
        }
        if (request.getAttribute(SessionAuthenticationMechanism.LOGIN_THROTTLED) instanceof Duration wait) {
            // The login page again, with what was typed but the password, and the wait in words.
            password = null;
            Pages.tooManyRequests(null, throttledMessage(wait), wait);
            return;
        }
        switch (status) {
            case SUCCESS -> Pages.redirect(safeNext(next));
            case SEND_CONTINUE -> FacesContext.getCurrentInstance().responseComplete();
            default -> {
                password = null;
                Pages.error(null, FAILED);
            }
        }
    }

    /** Begins a login at the OpenID provider and sends the browser there. */
    public void startExternalLogin() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (!provider.isConfigured()) {
            Pages.notFound();
            return;
        }
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        OidcLogin.Start start;
        try {
            start = oidcLogin.begin(provider.addressOf(CALLBACK_PATH, request), safeNext(next));
        } catch (OidcLoginException providerAway) {
            external.setResponseStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            Pages.error(null, providerUnavailableMessage(provider.name().orElseThrow()));
            return;
        }
        try {
            request.getSession().setAttribute(OidcLoginAttempt.SESSION_ATTRIBUTE, start.attempt());
        } catch (RuntimeException sessionStoreAway) {
            Pages.unavailable();
            return;
        }
        try {
            external.redirect(start.authorizationUrl().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String providerUnavailableMessage(String providerName) {
        return providerName + " is not answering just now. Please try again in a moment, or log in with your password.";
    }

    /** Whether to offer the button: an OpenID provider is configured. */
    public boolean isExternalLoginOffered() {
        return provider.isConfigured();
    }

    /** The name on the button. */
    public String getProviderName() {
        return provider.name().orElse(null);
    }

    static String throttledMessage(Duration wait) {
        return "Too many failed logins. Please try again in " + Waits.inWords(wait) + ".";
    }

    /**
     * Where to go after the login: only a path of this application, never another site
     * ("//evil.example" or "https://..." would make the login page an open redirect).
     */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.startsWith(SessionAuthenticationMechanism.LOGIN_PATH)
                // browsers drop tabs and newlines from URLs: "/\t/evil.example" would become "//evil.example"
                || next.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        return next;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
