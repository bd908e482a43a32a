package dev.notes.web;

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
import java.time.Duration;

/**
 * "Login to Notes". Hands the credential to {@link SessionAuthenticationMechanism} through
 * {@link SecurityContext#authenticate}, then returns to the page that asked for the login.
 */
@Named
@RequestScoped
public class LoginPage {

    static final String FAILED = "Wrong username or password.";

    @Inject
    private SecurityContext securityContext;

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
