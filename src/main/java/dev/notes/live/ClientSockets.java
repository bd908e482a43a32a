package dev.notes.live;

import dev.notes.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The open sockets of each client address on this instance, capped at
 * {@link Settings.Live#socketsPerAddress()}. A socket holds a {@link Slot} from before its
 * handshake until it closes; an address without sockets has no entry.
 */
@ApplicationScoped
public class ClientSockets {

    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private int perAddress;

    ClientSockets() {
        // for the container's proxy
    }

    @Inject
    ClientSockets(Settings settings) {
        this.perAddress = settings.live().socketsPerAddress();
    }

    /** One socket's place in its address's count; released once, however often it is called. */
    final class Slot {

        private final String address;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String address) {
            this.address = address;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(address, (a, count) -> count > 1 ? count - 1 : null);
            }
        }
    }

    /** A slot for one more socket from this address; empty when the address has its share. */
    Optional<Slot> reserve(String address) {
        boolean[] granted = {false};
        open.compute(address, (a, count) -> {
            int current = count == null ? 0 : count;
            if (current >= perAddress) {
                return count;
            }
            granted[0] = true;
            return current + 1;
        });
        return granted[0] ? Optional.of(new Slot(address)) : Optional.empty();
    }

    int perAddress() {
        return perAddress;
    }

    /** The open sockets of an address. */
    int count(String address) {
        return open.getOrDefault(address, 0);
    }

    /** How many addresses have open sockets. */
    int addresses() {
        return open.size();
    }
}
