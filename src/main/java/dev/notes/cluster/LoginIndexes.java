package dev.notes.cluster;

import dev.notes.user.LoginIndex;
import dev.notes.user.DatabaseLoginIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * The one place that chooses where the list of each user's logins lives: beside the sessions it lists,
 * so it outlives what they outlive. Alone, in the application's database (the sessions are in an
 * embedded Derby and survive a restart); in a cluster, in Redis, with the sessions.
 */
@ApplicationScoped
public class LoginIndexes {

    @Produces
    @ApplicationScoped
    LoginIndex index(ClusterMode mode, Instance<DatabaseLoginIndex> database, Instance<RedisLoginIndex> redis) {
        return mode.isRedis() ? redis.get() : database.get();
    }
}
