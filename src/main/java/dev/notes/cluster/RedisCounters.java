package dev.notes.cluster;

import dev.notes.throttle.Counters;
import dev.notes.throttle.CountersUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

/**
 * Counters every instance of a cluster shares: one Redis key per counter ({@code notes:throttle:…}),
 * incremented and given its expiry by one Lua script, so a count and its window are set in one
 * atomic round trip and a key never outlives its window (Redis's memory stays bounded by what was
 * counted within one window).
 * <p>
 * Not Redisson's {@code RRateLimiter}: it is a token bucket that takes permits, whereas a failed
 * login must be counted after the fact and the limit only read before the password is checked; it
 * also keeps a configuration hash and a sorted set per limiter, one per username and address,
 * whose expiry has to be managed separately. {@code INCR} plus {@code PEXPIRE} is all a fixed
 * window needs.
 */
@ApplicationScoped
@Typed(RedisCounters.class) // offered as Counters only through ThrottleCounters
public class RedisCounters implements Counters {

    static final String PREFIX = "notes:throttle:";

    /** A key without expiry (none should exist) is given one, so that nothing counts for ever. */
    private static final String INCREMENT_SCRIPT = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then
                redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
                redis.call('PEXPIRE', KEYS[1], ARGV[1])
                ttl = tonumber(ARGV[1])
            end
            return {count, ttl}
            """;

    private static final String READ_SCRIPT = """
            local count = redis.call('GET', KEYS[1])
            if not count then
                return {0, 0}
            end
            return {tonumber(count), redis.call('PTTL', KEYS[1])}
            """;

    @Inject
    private RedisConnection redis;

    @Override
    public Count increment(String key, Duration window) {
        return run(INCREMENT_SCRIPT, RScript.Mode.READ_WRITE, key, Long.toString(window.toMillis()));
    }

    @Override
    public Count read(String key) {
        return run(READ_SCRIPT, RScript.Mode.READ_ONLY, key);
    }

    private Count run(String script, RScript.Mode mode, String key, Object... arguments) {
        List<Long> result;
        try {
            result = redis.client().getScript(StringCodec.INSTANCE)
                    .eval(mode, script, RScript.ReturnType.LIST, List.of(PREFIX + key), arguments);
        } catch (RuntimeException redisAway) {
            throw new CountersUnavailableException(redisAway);
        }
        long count = result.get(0);
        long remainingMillis = result.get(1);
        return count == 0 || remainingMillis <= 0 ? Count.NONE : new Count(count, Duration.ofMillis(remainingMillis));
    }
}
