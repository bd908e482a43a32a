package dev.notes.cluster;

import dev.notes.platform.Settings;
import dev.notes.user.SessionEpochAnnouncer;
import dev.notes.user.SessionEpochs;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.listener.StatusListener;

/**
 * Session epoch changes between the instances of a cluster, on a Redis channel of their own
 * ({@value #CHANNEL}): each instance announces the changes it commits, and on receipt forgets its
 * cached epoch of that user ({@link SessionEpochs#forget}), so another instance ends that user's
 * older logins at their next request instead of up to a minute later.
 * <p>
 * Pub/sub loses what is sent while an instance is disconnected, or while Redis is away: then the
 * cache's maximum age bounds the delay. What arrives is checked before it is used
 * ({@link SessionEpochMessage}, signed with {@code NOTES_EVENT_SECRET} when set); what fails is
 * dropped, counted and logged at most once a minute.
 */
@ApplicationScoped
@Typed(RedisSessionEpochAnnouncer.class)
public class RedisSessionEpochAnnouncer implements SessionEpochAnnouncer {

    static final String CHANNEL = "notes:session-epochs";

    private static final Duration DROPPED_LOG_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(RedisSessionEpochAnnouncer.class.getName());

    @Inject
    private RedisConnection redis;

    @Inject
    private SessionEpochs epochs;

    @Inject
    private ClusterMode mode;

    @Inject
    private Settings settings;

    private final DroppedEvents dropped = new DroppedEvents("session epoch", DROPPED_LOG_INTERVAL);
    private Optional<EventSigner> signer;

    @PostConstruct
    void readSecret() {
        signer = EventSigner.configured(settings);
    }

    void listenOnStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (mode.isRedis()) {
            redis.listen(redis.channel(CHANNEL), (channel, message) -> receive(message), new StatusListener() {
                @Override
                public void onSubscribe(String channel) {
                    LOG.info("Subscribed to the Redis channel " + channel + ".");
                }

                @Override
                public void onUnsubscribe(String channel) {
                    LOG.warning("Lost the Redis channel " + channel + "; until Redisson resubscribes, password changes"
                            + " elsewhere end logins here only when their cached epoch expires.");
                }
            });
        }
    }

    @Override
    public void announce(String username) {
        try {
            redis.topic(redis.channel(CHANNEL)).publish(SessionEpochMessage.encode(username, Instant.now(), signer));
        } catch (RuntimeException e) {
            // The change is committed; the other instances see it when their cached epoch expires.
            LOG.log(Level.WARNING, "Could not announce a session epoch change on Redis; the other instances see it"
                    + " when their cached epoch expires", e);
        }
    }

    private void receive(String message) {
        String username;
        try {
            username = SessionEpochMessage.decode(message, signer, Instant.now());
        } catch (EventCodec.InvalidEventException e) {
            dropped.drop(e.getMessage(), System.nanoTime()).ifPresent(LOG::warning);
            return;
        }
        epochs.forget(username);
    }
}
