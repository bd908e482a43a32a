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
            RTopic topic = client().getTopic(channel, StringCodec.INSTANCE);
            topic.addListenerAsync(String.class, messages)
                    .thenCompose(listener -> topic.addListenerAsync(status))
                    .exceptionally(failure -> {
                        retryListen(channel, messages, status, failure);
                        return null;
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
