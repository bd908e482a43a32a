package dev.notes.cluster;

import dev.notes.user.LoginIndex;
import dev.notes.user.MemoryLoginIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** The one place that chooses where the list of each user's logins lives: in memory alone, in Redis in a cluster. */
@ApplicationScoped
public class LoginIndexes {

    @Produces
    @ApplicationScoped
    LoginIndex index(ClusterMode mode, Instance<MemoryLoginIndex> memory, Instance<RedisLoginIndex> redis) {
        return mode.isRedis() ? redis.get() : memory.get();
    }
}
