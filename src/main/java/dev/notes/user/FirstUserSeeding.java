package dev.notes.user;

import dev.notes.platform.SchemaMigration;
import dev.notes.platform.Settings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Creates a first account at start-up when {@code NOTES_ADMIN_USER} and {@code NOTES_ADMIN_PASSWORD}
 * are configured and no such user exists yet, and makes that user an administrator (also one who
 * existed already: the configuration names the administrator). Nothing is seeded otherwise: there
 * is no built-in password.
 * The password obeys the rules of every registration (12 to 128 characters, not a commonly breached
 * one): one that does not is not seeded, and the start-up log says which rule it breaks, as SEVERE.
 */
@ApplicationScoped
public class FirstUserSeeding {

    private static final Logger LOG = Logger.getLogger(FirstUserSeeding.class.getName());

    @Inject
    private UserService users;

    @Inject
    private Moderation moderation;

    @Inject
    private Settings settings;

    void seedOnStart(@Observes @Priority(SchemaMigration.PRIORITY + 1) @Initialized(ApplicationScoped.class) Object ignored) {
        Optional<String> username = settings.firstUser().username();
        Optional<String> password = settings.firstUser().password();
        Optional<String> displayName = settings.firstUser().displayName();
        if (username.isEmpty() || password.isEmpty()) {
            return;
        }
        if (users.find(username.get()).isPresent()) {
            LOG.info(() -> "First user '" + username.get() + "' exists already; not seeding.");
            moderation.makeAdministratorByConfiguration(username.get());
            return;
        }
        try {
            users.register(new Registration(username.get(), displayName.orElse(username.get()), null, password.get()));
            LOG.info(() -> "Seeded the first user '" + Registration.normalise(username.get()) + "'.");
            moderation.makeAdministratorByConfiguration(username.get());
        } catch (ConstraintViolationException e) {
            LOG.severe(() -> "NOTES_ADMIN_USER/NOTES_ADMIN_PASSWORD are not a valid account, not seeded: "
                    + e.getConstraintViolations().stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).toList());
        } catch (DuplicateUsernameException raceWithAnotherInstance) {
            LOG.info(() -> "First user '" + username.get() + "' was seeded by another instance.");
            moderation.makeAdministratorByConfiguration(username.get());
        }
    }
}
