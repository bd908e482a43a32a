package dev.notes.user;

import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Ends other logins of a user everywhere, although Liberty's session cache cannot find a user's
 * sessions: each user has a session epoch (a column of {@code users}), each login carries the
 * epoch it started in ({@link SignedInUser#sessionEpoch}), and a login below its user's current
 * epoch is ended at its next request on any instance ({@link SessionAuthenticationMechanism}).
 * Changing the password raises the epoch.
 * <p>
 * The current epochs are read through an instance-local cache ({@link SessionEpochCache}, at most
 * {@value #MAX_USERS} users, each for at most {@link #MAX_AGE}), so a page view costs no database
 * or Redis round trip. When a change commits, this instance forgets its entry and the
 * {@link SessionEpochAnnouncer} tells the others to forget theirs; an announcement that is lost
 * (Redis away, an instance disconnected) delays the end of the other logins by at most
 * {@link #MAX_AGE}.
 */
@ApplicationScoped
public class SessionEpochs {

    /** A few megabytes at most: an entry is a username and a number. */
    static final int MAX_USERS = 50_000;

    /** How long a lost announcement can leave a login alive that should have ended. */
    static final Duration MAX_AGE = Duration.ofSeconds(60);

    @Inject
    private UserService users;

    @Inject
    private SessionEpochAnnouncer announcer;

    private final SessionEpochCache cache = new SessionEpochCache(MAX_USERS, MAX_AGE, Ticker.systemTicker());

    /**
     * Whether {@code login} is in its user's current epoch (or a later one, read fresh at its login
     * while this instance still caches an older one).
     *
     * @throws jakarta.persistence.PersistenceException when the epoch must be read and the database is away
     */
    public boolean isCurrent(SignedInUser login) {
        return login.sessionEpoch() >= cache.current(login.username(), users::sessionEpoch);
    }

    /** Drops what this instance knows of {@code username}'s epoch: it is read again when next needed. */
    public void forget(String username) {
        cache.forget(username);
    }

    void onAdvanced(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEpochAdvanced advanced) {
        forget(advanced.username());
        announcer.announce(advanced.username());
    }
}
