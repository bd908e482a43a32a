package dev.notes.cluster;

import dev.notes.event.DomainEvent;
import dev.notes.live.EventPublisher;
import dev.notes.live.LiveDelivery;
import dev.notes.live.LiveEvent;
import dev.notes.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.RScript;
import org.redisson.api.listener.StatusListener;
import org.redisson.client.codec.StringCodec;

/**
 * The cluster's publisher: every committed change goes to one Redis channel, and every instance,
 * the originating one included, delivers what it receives to its own browsers. So each browser
 * gets each event exactly once, whichever instance made the change.
 * <p>
 * Numbering and publishing are one Lua script (INCR, then PUBLISH; in Redis Cluster SPUBLISH on a
 * sharded channel, the counter in the channel's hash slot), so ids follow the order in which Redis
 * relays the events. Plain pub/sub loses what is published while an instance is
 * disconnected; instead of replaying, instances then tell their browsers to resubscribe, and the
 * fresh snapshots contain everything: on every (re)subscription to the channel, and whenever an id
 * is skipped.
 * <p>
 * Anyone who can write to Redis can publish on the channel, so what arrives is checked before it
 * reaches a browser ({@link EventCodec#decode}: shape, limits, and with {@code NOTES_EVENT_SECRET}
 * the signature); an id that would skip some is believed only up to Redis's own count; and resyncs
 * are at least {@link #MIN_RESYNC_INTERVAL} apart ({@link ResyncPacing}). What fails is dropped,
 * counted ({@link #droppedEvents}, shown by the readiness check) and logged at most once a minute.
 */
@ApplicationScoped
@Typed(RedisEventPublisher.class)
public class RedisEventPublisher implements EventPublisher {

    static final String CHANNEL = "notes:events";
    static final String LAST_ID_KEY = "notes:events:last-id";

    /** Formatted with the publish command ({@link RedisConnection#publishCommand}). */
    private static final String PUBLISH_SCRIPT = """
            local id = redis.call('INCR', KEYS[1])
            redis.call('%s', KEYS[2], id .. '|' .. ARGV[1])
            return id
            """;
    /** Browsers spread their resubscriptions over 5 s (live-socket.js): one resync is over well before the next. */
    static final Duration MIN_RESYNC_INTERVAL = Duration.ofSeconds(10);
    private static final Duration DROPPED_LOG_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(RedisEventPublisher.class.getName());

    @Inject
    private RedisConnection redis;

    @Inject
    private LiveDelivery delivery;

    @Inject
    private ClusterMode mode;

    @Inject
    private Settings settings;

    private final EventSequence received = new EventSequence();
    private final DroppedEvents dropped = new DroppedEvents("event", DROPPED_LOG_INTERVAL);
    private final ResyncPacing resyncs = new ResyncPacing(MIN_RESYNC_INTERVAL);
    private Optional<EventSigner> signer;
    private volatile boolean stopped;

    @PostConstruct
    void readSecret() {
        signer = EventSigner.configured(settings);
    }

    void subscribeOnStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (mode.isRedis()) {
            subscribe();
        }
    }

    private void subscribe() {
        redis.listen(redis.channel(CHANNEL), (channel, message) -> receive(message), new StatusListener() {
            @Override
            public void onSubscribe(String channel) {
                LOG.info("Subscribed to the Redis channel " + channel + "; browsers resynchronise.");
                resynchronise();
            }

            @Override
            public void onUnsubscribe(String channel) {
                LOG.warning("Lost the Redis channel " + channel + "; Redisson resubscribes when Redis is back.");
            }
        });
    }

    @Override
    public void publish(DomainEvent event) {
        try {
            redis.client().getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE,
                    PUBLISH_SCRIPT.formatted(redis.publishCommand()), RScript.ReturnType.LONG,
                    List.of(lastIdKey(), redis.channel(CHANNEL)), EventCodec.payload(event, signer));
        } catch (RuntimeException e) {
            // The change is committed; browsers see it at their next snapshot (after Redis returns,
            // every instance resubscribes and has its browsers resynchronise).
            LOG.log(Level.WARNING, "Could not publish a live event to Redis; browsers catch up when it is back", e);
        }
    }

    private void receive(String message) {
        LiveEvent event;
        try {
            event = EventCodec.decode(message, signer, Instant.now());
        } catch (EventCodec.InvalidEventException e) {
            drop(e.getMessage());
            return;
        }
        if (received.isFirstOrAhead(event.id()) && !publishedSoFar(event.id())) {
            drop("id " + event.id() + " beyond the count of events Redis has numbered");
            return;
        }
        boolean gap = received.arrivedWithGap(event.id());
        delivery.deliver(event);
        if (gap) {
            // Events were published while this instance was not listening.
            resynchronise();
        }
    }

    /** Whether Redis has numbered {@code id} already (the publish script counts before it publishes). */
    private boolean publishedSoFar(long id) {
        try {
            return id <= redis.client().getAtomicLong(lastIdKey()).get();
        } catch (RuntimeException redisAway) {
            // Unverifiable: dropped. The next event that arrives is checked again; a resubscription resyncs.
            return false;
        }
    }

    /** The key that numbers the events; in Redis Cluster in the channel's slot ({@link RedisConnection#keyBeside}). */
    String lastIdKey() {
        return redis.keyBeside(LAST_ID_KEY, redis.channel(CHANNEL));
    }

    private void drop(String reason) {
        dropped.drop(reason, System.nanoTime()).ifPresent(LOG::warning);
    }

    /** How many messages on the channel were dropped as no valid event since start. */
    public long droppedEvents() {
        return dropped.total();
    }

    /** Resynchronises the browsers now, or at the end of the interval since the last resync. */
    private void resynchronise() {
        resyncs.request(System.nanoTime()).ifPresent(delayNanos -> {
            if (delayNanos == 0) {
                delivery.resynchronise();
                return;
            }
            CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS).execute(() -> {
                resyncs.deferredRuns(System.nanoTime());
                if (!stopped) {
                    delivery.resynchronise();
                }
            });
        });
    }

    @Override
    public long lastEventId() {
        try {
            return redis.client().getAtomicLong(lastIdKey()).get();
        } catch (RuntimeException redisAway) {
            return received.highest();
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
    }
}
