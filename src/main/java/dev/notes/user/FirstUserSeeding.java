package dev.notes.user;

import dev.notes.platform.SchemaMigration;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates a first account at start-up when {@code NOTES_ADMIN_USER} and {@code NOTES_ADMIN_PASSWORD}
 * are configured and no such user exists yet. Nothing is seeded otherwise: there is no built-in password.
 */
@ApplicationScoped
public class FirstUserSeeding {

    private static final Logger LOG = Logger.getLogger(FirstUserSeeding.class.getName());

    @Inject
    private UserService users;

    @Inject
    @ConfigProperty(name = "NOTES_ADMIN_USER")
    private Optional<String> username;

    @Inject
    @ConfigProperty(name = "NOTES_ADMIN_PASSWORD")
    private Optional<String> password;

    @Inject
    @ConfigProperty(name = "NOTES_ADMIN_NAME")
    private Optional<String> displayName;

    void seedOnStart(@Observes @Priority(SchemaMigration.PRIORITY + 1) @Initialized(ApplicationScoped.class) Object ignored) {
        if (username.isEmpty() || password.isEmpty()) {
            return;
        }
        if (users.find(username.get()).isPresent()) {
            LOG.info(() -> "First user '" + username.get() + "' exists already; not seeding.");
            return;
        }
        try {
            users.register(new Registration(username.get(), displayName.orElse(username.get()), null, password.get()));
            LOG.info(() -> "Seeded the first user '" + Registration.normalise(username.get()) + "'.");
        } catch (ConstraintViolationException e) {
            LOG.severe(() -> "NOTES_ADMIN_USER/NOTES_ADMIN_PASSWORD are not a valid account, not seeded: "
                    + e.getConstraintViolations().stream().map(v -> v.getMessage()).toList());
        } catch (DuplicateUsernameException raceWithAnotherInstance) {
            LOG.info(() -> "First user '" + username.get() + "' was seeded by another instance.");
        }
    }
}
