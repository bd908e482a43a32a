package dev.notes.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.notes.event.CommentEvent;
import dev.notes.event.ContentChanged;
import dev.notes.event.NoteEvent;
import dev.notes.note.NoteCount;
import dev.notes.platform.Settings;
import dev.notes.platform.ShutdownBegun;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-11-29T14:05:31Z");

    @SuppressWarnings("unchecked")
    private final Event<ContentChanged> contentChanged = mock(Event.class);
    private final PlainCounters counters = new PlainCounters();
    private final LiveDelivery delivery = new LiveDelivery(
            Settings.from(name -> Optional.ofNullable(Map.of("LIVE_MAX_TOPICS", "3").get(name))), new SnapshotCache(),
            new NoteCount(), contentChanged, new LiveMetrics(counters));
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    private static LiveEvent noteUpdated(long id, String key) {
        return new LiveEvent(id, new NoteEvent(NoteEvent.Kind.UPDATED, key, "Title " + key, "body", "alice", NOW));
    }

    private static LiveEvent commentAdded(long id, String key) {
        return new LiveEvent(id, new CommentEvent(CommentEvent.Kind.ADDED, key, 7, "bob", "Bob", "hi", NOW, "bob", NOW));
    }

    private LiveConnection connected(FakeSocket socket) {
        LiveConnection connection = socket.connection(1000, 10_000_000);
        delivery.add(connection);
        return connection;
    }

    @Test
    void anEventReachesTheSubscribersOfItsTopicsOnly() {
        FakeSocket home = FakeSocket.completingAtOnce();
        FakeSocket page = FakeSocket.completingAtOnce();
        FakeSocket other = FakeSocket.completingAtOnce();
        delivery.subscribe(connected(home), "home");
        delivery.subscribe(connected(page), "note:a");
        delivery.subscribe(connected(other), "note:b");

        delivery.deliver(noteUpdated(1, "a"));
        delivery.deliver(commentAdded(2, "a"));

        assertThat(home.sent()).singleElement().asString().contains("\"topic\":\"home\"", "\"id\":1");
        assertThat(page.sent()).hasSize(2).allSatisfy(m -> assertThat(m).contains("\"topic\":\"note:a\""));
        assertThat(other.sent()).isEmpty();
    }

    @Test
    void theFiguresCountEventsReceivedMessagesQueuedPerSocketAndTheSocketsAndSubscriptionsOpen() {
        LiveConnection both = connected(FakeSocket.completingAtOnce());
        delivery.subscribe(both, "home");
        delivery.subscribe(both, "note:a");
        delivery.subscribe(connected(FakeSocket.completingAtOnce()), "note:a");
        connected(FakeSocket.completingAtOnce());

        delivery.deliver(noteUpdated(1, "a"));
        delivery.deliver(commentAdded(2, "b"));

        assertThat(counters.count("notes.live.events.received")).isEqualTo(2);
        assertThat(counters.count("notes.live.events.delivered")).as("home 1, note:a 2, note:b none").isEqualTo(3);
        assertThat(delivery.connectionCount()).isEqualTo(3);
        assertThat(delivery.subscriptionCount()).isEqualTo(3);
        delivery.remove(both);
        assertThat(delivery.connectionCount()).isEqualTo(2);
        assertThat(delivery.subscriptionCount()).isEqualTo(1);
        assertThat(counters.count("notes.live.sockets.closed", new Tag("reason", "too_slow"))).isZero();
    }

    @Test
    void anEventIsEncodedOncePerTopicForAllItsSubscribers() {
        List<FakeSocket> sockets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            FakeSocket socket = FakeSocket.completingAtOnce();
            sockets.add(socket);
            delivery.subscribe(connected(socket), "note:a");
        }

        delivery.deliver(noteUpdated(1, "a"));

        String first = sockets.get(0).sent().get(0);
        for (FakeSocket socket : sockets) {
            assertThat(socket.sent()).singleElement().isSameAs(first);
        }
    }

    @Test
    void aConnectionHoldsAtMostTheConfiguredTopicsAndAHeldOneCountsOnce() {
        LiveConnection connection = connected(FakeSocket.completingAtOnce());
        assertThat(delivery.maxTopics()).isEqualTo(3);
        for (String topic : List.of("home", "note:a", "note:b")) {
            assertThat(delivery.subscribe(connection, topic)).isEqualTo(LiveDelivery.Subscription.SUBSCRIBED);
        }
        assertThat(delivery.subscribe(connection, "note:a")).isEqualTo(LiveDelivery.Subscription.SUBSCRIBED);
        assertThat(delivery.subscribe(connection, "note:c")).isEqualTo(LiveDelivery.Subscription.TOO_MANY_TOPICS);
        assertThat(connection.topics()).containsExactlyInAnyOrder("home", "note:a", "note:b");

        delivery.unsubscribe(connection, "note:b");
        assertThat(delivery.subscribe(connection, "note:c")).isEqualTo(LiveDelivery.Subscription.SUBSCRIBED);
    }

    @Test
    void unsubscribedAndRemovedConnectionsGetNothingAndLeaveNoTopicBehind() {
        FakeSocket leaving = FakeSocket.completingAtOnce();
        FakeSocket closing = FakeSocket.completingAtOnce();
        LiveConnection unsubscribes = connected(leaving);
        LiveConnection removed = connected(closing);
        delivery.subscribe(unsubscribes, "note:a");
        delivery.subscribe(removed, "note:a");
        delivery.subscribe(removed, "home");

        delivery.unsubscribe(unsubscribes, "note:a");
        delivery.remove(removed);
        delivery.deliver(noteUpdated(1, "a"));

        assertThat(leaving.sent()).isEmpty();
        assertThat(closing.sent()).isEmpty();
        assertThat(delivery.topicCount()).isZero();
    }

    @Test
    void aSubscriptionRacingTheRemovalOfItsConnectionLeavesNothingBehind() throws Exception {
        for (int round = 0; round < 200; round++) {
            LiveConnection connection = connected(FakeSocket.completingAtOnce());
            CountDownLatch start = new CountDownLatch(1);
            Future<?> subscriber = pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                for (String topic : List.of("home", "note:a", "note:b")) {
                    delivery.subscribe(connection, topic);
                }
                return null;
            });
            Future<?> remover = pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                delivery.remove(connection);
                return null;
            });
            start.countDown();
            subscriber.get(10, TimeUnit.SECONDS);
            remover.get(10, TimeUnit.SECONDS);
            assertThat(delivery.topicCount()).as("round %d", round).isZero();
        }
    }

    @Test
    void concurrentSubscribersEachGetEveryEventOfTheirTopicOnce() throws Exception {
        int clients = 40;
        List<FakeSocket> sockets = new ArrayList<>();
        List<LiveConnection> connections = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            FakeSocket socket = FakeSocket.completingAtOnce();
            sockets.add(socket);
            connections.add(connected(socket));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            work.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                for (int i = offset; i < clients; i += 4) {
                    delivery.subscribe(connections.get(i), "note:a");
                    delivery.subscribe(connections.get(i), "note:scratch");
                    delivery.unsubscribe(connections.get(i), "note:scratch");
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> done : work) {
            done.get(10, TimeUnit.SECONDS);
        }

        delivery.deliver(commentAdded(1, "a"));
        delivery.deliver(commentAdded(2, "scratch"));

        for (FakeSocket socket : sockets) {
            assertThat(socket.sent()).singleElement().asString().contains("\"id\":1");
        }
        connections.forEach(delivery::remove);
        assertThat(delivery.topicCount()).isZero();
    }

    @Test
    void resynchronisingTellsEveryConnectionAndAllowsFreshSnapshots() {
        FakeSocket first = FakeSocket.completingAtOnce();
        FakeSocket second = FakeSocket.completingAtOnce();
        LiveConnection subscribed = connected(first);
        connected(second);
        delivery.subscribe(subscribed, "home");
        assertThat(subscribed.claimSnapshot("home")).isTrue();
        assertThat(subscribed.claimSnapshot("home")).isFalse();

        delivery.resynchronise();

        assertThat(counters.count("notes.live.resyncs")).isEqualTo(1);
        assertThat(first.sent()).containsExactly("{\"type\":\"resync\"}");
        assertThat(second.sent()).containsExactly("{\"type\":\"resync\"}");
        assertThat(subscribed.claimSnapshot("home")).isTrue();
    }

    @Test
    void everyEventAndEveryResyncTellThatContentChanged() {
        delivery.deliver(noteUpdated(1, "nobody-reads-it"));
        delivery.deliver(commentAdded(2, "nobody-reads-it"));
        delivery.resynchronise();

        verify(contentChanged, times(3)).fire(new ContentChanged());
    }

    @Test
    void theEndOfAnHttpSessionClosesItsSocketsOnly() {
        FakeSocket mine = FakeSocket.completingAtOnce();
        FakeSocket others = FakeSocket.completingAtOnce();
        LiveConnection connection = connected(mine);
        LiveConnection another = connected(others);

        delivery.httpSessionEnded(connection.httpSessionId());

        assertThat(mine.awaitClose().getCloseCode().getCode()).isEqualTo(LiveConnection.CLOSE_LOGGED_OUT);
        assertThat(another.isClosing()).isFalse();
    }

    @Test
    void aStoppingInstanceClosesEverySocketWithGoingAwayAndEachLaterOneAsItComes() {
        FakeSocket first = FakeSocket.completingAtOnce();
        FakeSocket second = FakeSocket.completingAtOnce();
        connected(first);
        connected(second);

        delivery.goingAway(new ShutdownBegun(Duration.ofSeconds(5)));
        FakeSocket late = FakeSocket.completingAtOnce();
        connected(late);

        for (FakeSocket socket : List.of(first, second, late)) {
            assertThat(socket.awaitClose().getCloseCode().getCode()).isEqualTo(1001);
        }
    }
}
