package dev.notes.cluster;

import java.util.List;
import java.util.function.Function;
import org.redisson.config.NameMapper;

/**
 * Short Redis names for Liberty's two session caches, named in the Redisson files
 * ({@code nameMapper} in {@code liberty/config/redisson*.yaml}).
 *
 * <p>Liberty names the caches {@code com.ibm.ws.session.meta.<application>} and
 * {@code com.ibm.ws.session.attr.<application>}, the application being the virtual host and the
 * context root, percent-encoded ({@code default_host%2F} for Notes). Redisson's JCache puts that
 * name, whole, into every key of every command (the hash, {@code jcache_timeout_set:{name}}, the
 * event channels): up to nine times in one request. Here the fixed part becomes a three-character
 * prefix, the default host included, and the rest stays as it is, so the mapping reverses without
 * any state and every application still gets caches of its own. No other Redis name in Notes
 * begins with any of the short prefixes; every other name passes through unchanged.
 *
 * <p>Liberty's session cache loads this class from the {@code redisson} library, not from the
 * WAR: it is built into {@code notes-redisson-session.jar} (see the pom), which the library holds.
 */
public final class SessionCacheNames implements NameMapper {

    private record Prefix(String liberty, String redis) {
    }

    /** The default host's first, so that it wins over the general prefix of its kind. */
    private static final List<Prefix> PREFIXES = List.of(
            new Prefix("com.ibm.ws.session.meta.default_host%2F", "sm/"),
            new Prefix("com.ibm.ws.session.attr.default_host%2F", "sa/"),
            new Prefix("com.ibm.ws.session.meta.", "sm:"),
            new Prefix("com.ibm.ws.session.attr.", "sa:"));

    @Override
    public String map(String name) {
        return swapPrefix(name, Prefix::liberty, Prefix::redis);
    }

    @Override
    public String unmap(String name) {
        return swapPrefix(name, Prefix::redis, Prefix::liberty);
    }

    private static String swapPrefix(String name, Function<Prefix, String> from, Function<Prefix, String> to) {
        for (Prefix prefix : PREFIXES) {
            if (name.startsWith(from.apply(prefix))) {
                return to.apply(prefix) + name.substring(from.apply(prefix).length());
            }
        }
        return name;
    }
}
