package dev.notes.throttle;

import dev.notes.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * How much one account or one client address may create per window: registrations per address
 * (each costs a password hash, and accounts are what the other limits count), notes, comments and
 * previews of a note's text per account. Every attempt counts, accepted or not, so a client that ignores the refusal gains
 * nothing by retrying; the window ends on its own.
 */
@ApplicationScoped
public class Quotas {

    private static final Logger LOG = Logger.getLogger(Quotas.class.getName());

    /** A preview every two seconds for ten minutes on end. */
    static final Settings.Limit PREVIEWS_PER_ACCOUNT = new Settings.Limit(300, Duration.ofMinutes(10));

    @Inject
    private Counters counters;

    @Inject
    private Settings settings;

    /** Counts a registration from {@code address}. */
    public void registration(String address) {
        take("register|" + address, settings.quotas().registrationsPerAddress(),
                "Too many accounts were created from your network address recently",
                "registrations from " + address);
    }

    /** Counts a note created by {@code username}. */
    public void note(String username) {
        take("note|" + username, settings.quotas().notesPerAccount(),
                "You have created the most notes allowed in a while", "notes by " + username);
    }

    /** Counts a comment added by {@code username}. */
    public void comment(String username) {
        take("comment|" + username, settings.quotas().commentsPerAccount(),
                "You have added the most comments allowed in a while", "comments by " + username);
    }

    /**
     * Counts a preview of a note's text asked for by {@code username}: one a click, each up to tens
     * of milliseconds of CPU for the longest text. A fixed limit, far above what a writer clicks.
     */
    public void preview(String username) {
        take("preview|" + username, PREVIEWS_PER_ACCOUNT, "You have asked for the most previews allowed in a while",
                "previews by " + username);
    }

    /**
     * @throws QuotaExceededException once the window holds more than the limit
     * @throws CountersUnavailableException when the counters' store is away
     */
    private void take(String key, Settings.Limit limit, String refusal, String what) {
        Counters.Count count = counters.increment(key, limit.window());
        if (count.value() > limit.max()) {
            if (count.value() == limit.max() + 1) {
                LOG.warning(() -> "Quota reached: " + what + " (" + limit.max() + " per " + limit.window() + ")");
            }
            throw new QuotaExceededException(refusal + ". Please try again in " + Waits.inWords(count.remaining()) + ".",
                    count.remaining());
        }
    }
}
