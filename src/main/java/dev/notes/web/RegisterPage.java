package dev.notes.web;

import dev.notes.user.DuplicateUsernameException;
import dev.notes.user.Registration;
import dev.notes.user.UserService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** "Create an account": then on to the login page with the new username filled in. */
@Named
@RequestScoped
public class RegisterPage {

    static final String FORM = "registerForm";

    @Inject
    private UserService users;

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
            String username = users.register(registration).getUsername();
            Pages.redirect("/user/login?registered=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
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
