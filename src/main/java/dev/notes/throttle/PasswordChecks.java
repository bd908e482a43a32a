package dev.notes.throttle;

import dev.notes.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds the password hashing (PBKDF2, 210,000 iterations: tens of milliseconds of one core each)
 * running at once on this instance, so that a few dozen parallel logins or registrations cannot
 * take every core from the users already logged in. Work beyond the bound waits a little, then is
 * refused as "temporarily unavailable" rather than queued without end.
 */
@ApplicationScoped
public class PasswordChecks {

    /** Long enough to ride out a burst of real logins, short enough not to pile up threads. */
    static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    private Settings settings;

    private Semaphore permits;

    @PostConstruct
    void init() {
        permits = new Semaphore(settings.loginThrottle().passwordChecks(), true);
    }

    /** The work's result, or empty when no slot became free in time. */
    public <T> Optional<T> run(Supplier<T> passwordWork) {
        try {
            if (!permits.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return Optional.of(passwordWork.get());
        } finally {
            permits.release();
        }
    }
}
