package dev.notes.cluster;

import dev.notes.user.LocalSessionEpochAnnouncer;
import dev.notes.user.SessionEpochAnnouncer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** The one place that chooses how session epoch changes travel: nowhere alone, through Redis in a cluster. */
@ApplicationScoped
public class SessionEpochAnnouncers {

    @Produces
    @ApplicationScoped
    SessionEpochAnnouncer announcer(ClusterMode mode, Instance<LocalSessionEpochAnnouncer> local,
                                    Instance<RedisSessionEpochAnnouncer> redis) {
        return mode.isRedis() ? redis.get() : local.get();
    }
}
