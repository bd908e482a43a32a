package dev.notes.user;

import dev.notes.platform.Settings;
import dev.notes.platform.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link LoginIndex} of an instance that runs alone: in memory, beside the sessions it lists.
 * Each user's entries are changed under the map's lock for that user; entries older than the
 * session lifetime are dropped whenever the user's entries are touched.
 */
@ApplicationScoped
@Typed(MemoryLoginIndex.class)
public class MemoryLoginIndex implements LoginIndex {

    private static final Comparator<ActiveLogin> NEWEST_FIRST =
            Comparator.comparing(ActiveLogin::startedAt).reversed().thenComparing(ActiveLogin::id);

    private final Map<String, Map<String, ActiveLogin>> byUser = new ConcurrentHashMap<>();
    private Duration lifetime;

    @Inject
    MemoryLoginIndex(Settings settings) {
        this(settings.sessionLifetime());
    }

    MemoryLoginIndex(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** For CDI's proxy. */
    protected MemoryLoginIndex() {
    }

    @Override
    public void add(String username, ActiveLogin login) {
        byUser.compute(username, (name, logins) -> {
            Map<String, ActiveLogin> kept = logins == null ? new HashMap<>() : logins;
            kept.put(login.id(), login);
            dropExpired(kept, Times.now());
            while (kept.size() > MAX_PER_USER) {
                kept.values().stream().min(Comparator.comparing(ActiveLogin::startedAt))
                        .ifPresent(oldest -> kept.remove(oldest.id()));
            }
            return kept;
        });
    }

    @Override
    public void remove(String username, String loginId) {
        byUser.computeIfPresent(username, (name, logins) -> {
            logins.remove(loginId);
            return logins.isEmpty() ? null : logins;
        });
    }

    @Override
    public List<ActiveLogin> of(String username) {
        List<ActiveLogin> logins = new ArrayList<>();
        byUser.computeIfPresent(username, (name, kept) -> {
            dropExpired(kept, Times.now());
            logins.addAll(kept.values());
            return kept.isEmpty() ? null : kept;
        });
        logins.sort(NEWEST_FIRST);
        return logins;
    }

    @Override
    public void removeAll(String username) {
        byUser.remove(username);
    }

    private void dropExpired(Map<String, ActiveLogin> logins, Instant now) {
        logins.values().removeIf(login -> !now.isBefore(login.startedAt().plus(lifetime)));
    }
}
