package dev.notes.cluster;

import dev.notes.platform.Settings;
import dev.notes.platform.Times;
import dev.notes.user.ActiveLogin;
import dev.notes.user.LoginIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.RMap;
import org.redisson.client.codec.StringCodec;

/**
 * The {@link LoginIndex} of a cluster: one Redis hash per user ({@value #KEY_PREFIX}{@code <username>}),
 * login id → {@link ActiveLogin#encode}, so every instance lists and ends the same logins. The hash
 * expires a session lifetime after its newest login: a login whose end no instance saw (one killed)
 * is dropped from the list once older than that, and so is the whole hash.
 * <p>
 * The index only lists logins: if Redis fails it, the login, logout or page goes on (the sessions
 * themselves are in the same Redis, so the login had its own failure to report), and a warning is logged.
 */
@ApplicationScoped
@Typed(RedisLoginIndex.class)
public class RedisLoginIndex implements LoginIndex {

    static final String KEY_PREFIX = "notes:logins:";

    private static final Logger LOG = Logger.getLogger(RedisLoginIndex.class.getName());

    @Inject
    private RedisConnection redis;

    @Inject
    private Settings settings;

    @Override
    public void add(String username, ActiveLogin login) {
        try {
            RMap<String, String> logins = logins(username);
            logins.fastPut(login.id(), login.encode());
            logins.expire(settings.sessionLifetime());
            if (logins.size() > MAX_PER_USER) {
                List<ActiveLogin> all = decode(logins.readAllMap());
                all.subList(0, MAX_PER_USER).clear();
                logins.fastRemove(all.stream().map(ActiveLogin::id).toArray(String[]::new));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not list a login of " + username + " in Redis", e);
        }
    }

    @Override
    public void remove(String username, String loginId) {
        try {
            logins(username).fastRemove(loginId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove an ended login of " + username + " from Redis's list", e);
        }
    }

    @Override
    public List<ActiveLogin> of(String username) {
        RMap<String, String> logins = logins(username);
        Instant oldest = Times.now().minus(settings.sessionLifetime());
        List<ActiveLogin> all = decode(logins.readAllMap());
        List<ActiveLogin> expired = all.stream().filter(login -> !login.startedAt().isAfter(oldest)).toList();
        if (!expired.isEmpty()) {
            logins.fastRemove(expired.stream().map(ActiveLogin::id).toArray(String[]::new));
            all.removeAll(expired);
        }
        return all;
    }

    @Override
    public void removeAll(String username) {
        logins(username).delete();
    }

    private RMap<String, String> logins(String username) {
        return redis.client().getMap(KEY_PREFIX + username, StringCodec.INSTANCE);
    }

    /** Newest first; entries that do not decode (written by another version) are left out. */
    private static List<ActiveLogin> decode(Map<String, String> entries) {
        List<ActiveLogin> logins = new ArrayList<>();
        entries.forEach((id, text) -> ActiveLogin.decode(id, text).ifPresent(logins::add));
        logins.sort(Comparator.comparing(ActiveLogin::startedAt).reversed().thenComparing(ActiveLogin::id));
        return logins;
    }
}
