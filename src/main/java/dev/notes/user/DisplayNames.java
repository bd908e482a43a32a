package dev.notes.user;

import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The names people chose, shown as the authors of notes and comments; the username stays the
 * identity in the data, so a rename shows everywhere without rewriting a row. Read through an
 * instance-local {@link DisplayNameCache}, so a note page with twenty commenters costs at most one
 * query, and usually none.
 * <p>
 * A rename is seen at once on the instance that made it; the others see it once their entry is
 * {@link #MAX_AGE} old, as the anonymous pages they keep are (a name is not worth a message
 * between instances, a login's end is: see {@link SessionEpochs}).
 */
@ApplicationScoped
public class DisplayNames {

    /** A few megabytes at most: an entry is a username and a name of up to 100 characters. */
    static final int MAX_USERS = 50_000;

    /** How long a rename made on another instance can go unseen here. */
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    @Inject
    private UserService users;

    private final DisplayNameCache cache = new DisplayNameCache(MAX_USERS, MAX_AGE, Ticker.systemTicker());

    /** The display name of {@code username}; the username itself for an account that no longer exists. */
    public String of(String username) {
        return of(List.of(username)).get(username);
    }

    /** Each of {@code usernames} (a page's worth) with its display name. */
    public Map<String, String> of(Collection<String> usernames) {
        return cache.namesOf(usernames, users::displayNames);
    }

    void onRenamed(@Observes(during = TransactionPhase.AFTER_SUCCESS) DisplayNameChanged changed) {
        cache.forget(changed.username());
    }
}
