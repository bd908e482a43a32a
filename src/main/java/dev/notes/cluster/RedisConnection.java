package dev.notes.cluster;

import dev.notes.platform.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.redisson.Redisson;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.MessageListener;
import org.redisson.api.listener.StatusListener;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * The application's own Redisson client (the session cache has another, in Liberty's class
 * loader), configured from the same file ({@code REDISSON_CONFIG}). Created on first use, never at
 * deployment: a Redis that is down while the server starts must not stop the application.
 */
@ApplicationScoped
public class RedisConnection {

    private static final long RETRY_SUBSCRIBE_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

    @Inject
    private Settings settings;

    private volatile Config config;
    private volatile RedissonClient client;
    private volatile boolean stopped;

    public RedissonClient client() {
        RedissonClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = Redisson.create(config());
                }
                current = client;
            }
        }
        return current;
    }

    /**
     * The name of this deployment's pub/sub channel {@code name}. Redis keeps keys per database but
     * channels per server: two deployments sharing one Redis server under different
     * {@code REDIS_DATABASE} indexes would otherwise hear each other's events. In database 0 (and in
     * Redis Cluster, which has no other) the name stays as it is.
     */
    public String channel(String name) {
        return name + channelSuffix(config());
    }

    /**
     * The topic of {@code channel}, carrying text. In Redis Cluster a sharded one (Redis 7's
     * {@code SPUBLISH}/{@code SSUBSCRIBE}): a plain {@code PUBLISH} is copied to every node of the
     * cluster, whereas a sharded message goes only to the nodes of the shard that owns the
     * channel's hash slot, where every instance subscribes. Elsewhere the plain topic, which every
     * Redis has.
     */
    public RTopic topic(String channel) {
        return shardedChannels(config()) ? client().getShardedTopic(channel, StringCodec.INSTANCE)
                : client().getTopic(channel, StringCodec.INSTANCE);
    }

    /**
     * The command that publishes on a channel from a Lua script: {@code SPUBLISH} where
     * {@link #topic} subscribes sharded, {@code PUBLISH} otherwise.
     */
    public String publishCommand() {
        return shardedChannels(config()) ? "SPUBLISH" : "PUBLISH";
    }

    /**
     * The name of {@code key} for a script that also publishes on {@code channel}. Redis Cluster
     * runs a script on one node, and refuses one whose keys and sharded channel hash to different
     * slots ({@code CROSSSLOT}): there the key gets the channel as its hash tag
     * ({@code notes:events:last-id{notes:events}}), so it lives in the channel's slot and still
     * begins as the ACL's key pattern ({@code ~notes:*}) expects. Elsewhere it stays as it is.
     */
    public String keyBeside(String key, String channel) {
        return keyBeside(config(), key, channel);
    }

    static String keyBeside(Config config, String key, String channel) {
        return shardedChannels(config) ? key + "{" + channel + "}" : key;
    }

    /** Sharded channels where Redis is a cluster: the one place that decides. */
    static boolean shardedChannels(Config config) {
        return config.isClusterConfig();
    }

    static String channelSuffix(Config config) {
        int database = config.isClusterConfig() ? 0
                : config.isSentinelConfig() ? config.useSentinelServers().getDatabase()
                : config.useSingleServer().getDatabase();
        return database == 0 ? "" : ":db" + database;
    }

    /**
     * Hands each text message on {@code channel} to {@code messages}, and each (re)subscription and
     * loss of it to {@code status}, for as long as the application runs. A Redis that is not there
     * yet is tried again every few seconds; once subscribed, Redisson resubscribes by itself.
     */
    public void listen(String channel, MessageListener<String> messages, StatusListener status) {
        if (stopped) {
            return;
        }
        try {
            RTopic topic = topic(channel);
            // The status listener joins a channel already subscribed, so Redisson calls its
            // onSubscribe only for later resubscriptions: this first one is announced here (a late
            // one, after Redis refused the instance at start, may have missed events).
            topic.addListenerAsync(String.class, messages)
                    .thenCompose(listener -> topic.addListenerAsync(status))
                    .whenComplete((listener, failure) -> {
                        if (failure == null) {
                            status.onSubscribe(channel);
                        } else {
                            retryListen(channel, messages, status, failure);
                        }
                    });
        } catch (RuntimeException e) {
            // Redisson connects on first use (lazyInitialization) and throws a failed first connection
            // here rather than through the future; thrown on, it would stop the deployment.
            retryListen(channel, messages, status, e);
        }
    }

    /** Redis is not there yet, or refuses this instance: says why, and tries again for as long as the application runs. */
    private void retryListen(String channel, MessageListener<String> messages, StatusListener status, Throwable failure) {
        LOG.warning("Cannot subscribe to the Redis channel " + channel + ": " + RedisProblem.describe(failure)
                + "; retrying in " + RETRY_SUBSCRIBE_SECONDS + " s.");
        CompletableFuture.delayedExecutor(RETRY_SUBSCRIBE_SECONDS, TimeUnit.SECONDS)
                .execute(() -> listen(channel, messages, status));
    }

    /**
     * The Redisson configuration the file gives, read once (the client, the channel names and the
     * start-up line all use it); reading it makes no connection. Redisson copies it into each
     * client it creates, so it stays as read.
     */
    Config config() {
        Config current = config;
        if (current == null) {
            String configFile = settings.cluster().redissonConfig();
            try {
                current = Config.fromYAML(new File(configFile));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the Redisson configuration " + configFile, e);
            }
            config = current;
        }
        return current;
    }

    @PreDestroy
    void shutdown() {
        stopped = true;
        if (client != null) {
            client.shutdown();
        }
    }
}
