package dev.notes.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.platform.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientSocketsTest {

    static ClientSockets capped(int perAddress) {
        return new ClientSockets(Settings.from(name ->
                Optional.ofNullable(Map.of("LIVE_SOCKETS_PER_ADDRESS", Integer.toString(perAddress)).get(name))));
    }

    private final ClientSockets sockets = capped(2);

    private final AtomicLong now = new AtomicLong(1_000);
    /** Two sockets per address, held off for 30 s after a flood, on a clock the test moves. */
    private final ClientSockets clocked = new ClientSockets(Settings.from(name -> Optional.ofNullable(
            Map.of("LIVE_SOCKETS_PER_ADDRESS", "2", "LIVE_FLOOD_HOLD_OFF", "30s").get(name))), now::get);

    @Test
    void anAddressWhoseSocketFloodedIsHeldOffForAWhileKeepingItsOpenSockets() {
        ClientSockets.Slot flooder = clocked.reserve("198.51.100.1").orElseThrow();
        clocked.reserve("198.51.100.1").orElseThrow();

        flooder.holdOffAddress();
        flooder.release();
        assertThat(clocked.heldOff("198.51.100.1")).hasValue(Duration.ofSeconds(30));
        assertThat(clocked.count("198.51.100.1")).as("the other socket stays").isEqualTo(1);
        assertThat(clocked.heldOff("203.0.113.9")).isEmpty();

        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(clocked.heldOff("198.51.100.1")).hasValue(Duration.ofSeconds(1));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(clocked.heldOff("198.51.100.1")).isEmpty();
    }

    @Test
    void heldOffAddressesAreBoundedAndTheExpiredMakeRoom() {
        for (int i = 0; i < ClientSockets.MAX_HELD_OFF; i++) {
            ClientSockets.Slot slot = clocked.reserve("flooder-" + i).orElseThrow();
            slot.holdOffAddress();
            slot.release();
        }
        ClientSockets.Slot oneMore = clocked.reserve("one-more").orElseThrow();
        oneMore.holdOffAddress();
        assertThat(clocked.heldOff("one-more")).as("full: closed, not held off").isEmpty();

        now.addAndGet(Duration.ofSeconds(31).toNanos());
        oneMore.holdOffAddress();
        assertThat(clocked.heldOff("one-more")).as("the expired made room").isPresent();
        assertThat(clocked.heldOff("flooder-0")).isEmpty();
    }

    @Test
    void anAddressGetsItsShareAndOthersTheirs() {
        assertThat(sockets.reserve("198.51.100.1")).isPresent();
        assertThat(sockets.reserve("198.51.100.1")).isPresent();
        assertThat(sockets.reserve("198.51.100.1")).isEmpty();
        assertThat(sockets.reserve("203.0.113.9")).isPresent();
        assertThat(sockets.count("198.51.100.1")).isEqualTo(2);
    }

    @Test
    void aReleasedSlotFreesItsPlaceOnceHoweverOftenItIsReleased() {
        ClientSockets.Slot first = sockets.reserve("198.51.100.1").orElseThrow();
        ClientSockets.Slot second = sockets.reserve("198.51.100.1").orElseThrow();

        first.release();
        first.release();

        assertThat(sockets.count("198.51.100.1")).isEqualTo(1);
        assertThat(sockets.reserve("198.51.100.1")).isPresent();
        assertThat(sockets.reserve("198.51.100.1")).isEmpty();
        second.release();
        assertThat(sockets.count("198.51.100.1")).isEqualTo(1);
    }

    @Test
    void anAddressWithoutSocketsLeavesNoEntry() {
        sockets.reserve("198.51.100.1").orElseThrow().release();
        sockets.reserve("203.0.113.9").orElseThrow().release();
        assertThat(sockets.addresses()).isZero();
    }

    @Test
    void concurrentReservationsNeverExceedTheCapAndAllReleasesBalance() throws Exception {
        ClientSockets shared = capped(10);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger mostHeld = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    List<ClientSockets.Slot> held = new ArrayList<>();
                    for (int i = 0; i < 2_000; i++) {
                        shared.reserve("198.51.100.1").ifPresent(held::add);
                        mostHeld.accumulateAndGet(shared.count("198.51.100.1"), Math::max);
                        if (held.size() > 3 || i % 3 == 0) {
                            held.forEach(slot -> {
                                slot.release();
                                slot.release();
                            });
                            held.clear();
                        }
                    }
                    held.forEach(ClientSockets.Slot::release);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> done : work) {
                done.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(mostHeld.get()).isBetween(1, 10);
        assertThat(shared.count("198.51.100.1")).isZero();
        assertThat(shared.addresses()).isZero();
    }
}
