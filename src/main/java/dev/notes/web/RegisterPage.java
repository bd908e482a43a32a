package dev.notes.web;

import dev.notes.throttle.CountersUnavailableException;
import dev.notes.throttle.PasswordChecks;
import dev.notes.throttle.QuotaExceededException;
import dev.notes.throttle.Quotas;
import dev.notes.user.AuthenticationLog;
import dev.notes.user.DuplicateUsernameException;
import dev.notes.user.Registration;
import dev.notes.user.UserService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * "Create an account": then on to the login page with the new username filled in. The password
 * rules (length, not a commonly breached one) are {@code Registration}'s; each account made, and
 * each refused for the address's quota, goes to the {@code AuthenticationLog}.
 */
@Named
@RequestScoped
public class RegisterPage {

    static final String FORM = "registerForm";

    @Inject
    private UserService users;

    @Inject
    private Quotas quotas;

    @Inject
    private PasswordChecks passwordChecks;

    @Inject
    private HttpServletRequest request;

    private final Registration registration = new Registration();
    private String passwordAgain;

    public void register() {
        if (!Objects.equals(registration.getPassword(), passwordAgain)) {
            Pages.error(FORM + ":passwordAgain", "The two passwords differ.");
            return;
        }
        // Checked here as well as in the service: an everyday mistake should not surface as an
        // exception from the transaction, which Liberty records as an FFDC incident.
        if (users.find(registration.getUsername()).isPresent()) {
            Pages.error(FORM + ":username",
                    new DuplicateUsernameException(Registration.normalise(registration.getUsername())).getMessage());
            return;
        }
        try {
            // Counted once the form is valid: what costs is the password hash of a registration.
            quotas.registration(request.getRemoteAddr());
            Optional<String> username = passwordChecks.run(() -> users.register(registration).getUsername());
            if (username.isEmpty()) {
                Pages.unavailable();
                return;
            }
            AuthenticationLog.registered(username.get(), request.getRemoteAddr());
            Pages.redirect("/user/login?registered=" + URLEncoder.encode(username.get(), StandardCharsets.UTF_8));
        } catch (QuotaExceededException e) {
            AuthenticationLog.registrationThrottled(registration.getUsername(), request.getRemoteAddr());
            Pages.tooManyRequests(null, e.getMessage(), e.retryAfter());
        } catch (CountersUnavailableException e) {
            Pages.unavailable();
        } catch (DuplicateUsernameException e) {
            Pages.error(FORM + ":username", e.getMessage());
        } catch (ConstraintViolationException e) {
            Pages.errors(FORM, e);
        }
    }

    public Registration getRegistration() {
        return registration;
    }

    public String getPasswordAgain() {
        return passwordAgain;
    }

    public void setPasswordAgain(String passwordAgain) {
        this.passwordAgain = passwordAgain;
    }
}
