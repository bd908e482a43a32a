package dev.notes.live;

import dev.notes.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The open sockets of each client address on this instance, capped at
 * {@link Settings.Live#socketsPerAddress()}. A socket holds a {@link Slot} from before its
 * handshake until it closes; an address without sockets has no entry.
 * <p>
 * An address one of whose sockets was closed for flooding is held off: it may open no new socket
 * for {@link Settings.Live#floodHoldOff()}, so that a flooder cannot simply reconnect and flood
 * again (each new socket costs a handshake and a snapshot). Its open sockets stay open.
 */
@ApplicationScoped
public class ClientSockets {

    /**
     * Addresses held off at once, at most: each took a socket that flooded, so a real attack
     * stays far below; beyond it, new flooders are only closed, not held off.
     */
    static final int MAX_HELD_OFF = 10_000;

    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    /** Address → {@link #clock} value until which it may open no socket. */
    private final Map<String, Long> heldOffUntil = new ConcurrentHashMap<>();
    private int perAddress;
    private Duration holdOff;
    private LongSupplier clock;

    ClientSockets() {
        // for the container's proxy
    }

    @Inject
    ClientSockets(Settings settings) {
        this(settings, System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime()} */
    ClientSockets(Settings settings, LongSupplier clock) {
        this.perAddress = settings.live().socketsPerAddress();
        this.holdOff = settings.live().floodHoldOff();
        this.clock = clock;
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

        /** This socket flooded: its address may open no new socket for a while. */
        void holdOffAddress() {
            long now = clock.getAsLong();
            if (heldOffUntil.size() >= MAX_HELD_OFF) {
                heldOffUntil.values().removeIf(until -> until - now <= 0);
            }
            if (heldOffUntil.size() < MAX_HELD_OFF) {
                heldOffUntil.put(address, now + holdOff.toNanos());
            }
        }
    }

    /** How long until this address may open sockets again; empty when it may now. */
    Optional<Duration> heldOff(String address) {
        Long until = heldOffUntil.get(address);
        if (until == null) {
            return Optional.empty();
        }
        long left = until - clock.getAsLong();
        if (left <= 0) {
            heldOffUntil.remove(address, until);
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(left));
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
