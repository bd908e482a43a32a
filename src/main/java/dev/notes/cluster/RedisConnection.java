package dev.notes.cluster;

import dev.notes.platform.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * The application's own Redisson client (the session cache has another, in Liberty's class
 * loader), configured from the same file ({@code REDISSON_CONFIG}). Created on first use, never at
 * deployment: a Redis that is down while the server starts must not stop the application.
 */
@ApplicationScoped
public class RedisConnection {

    @Inject
    private Settings settings;

    private volatile RedissonClient client;

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

    private Config config() {
        String configFile = settings.cluster().redissonConfig();
        try {
            return Config.fromYAML(new File(configFile));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Redisson configuration " + configFile, e);
        }
    }

    @PreDestroy
    void shutdown() {
        if (client != null) {
            client.shutdown();
        }
    }
}
