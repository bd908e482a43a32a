package dev.notes.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

class LiveConnectionTest {

    @Test
    void oneSendIsInFlightAtATimeAndTheRestFollowInOrder() {
        FakeSocket socket = FakeSocket.held();
        LiveConnection connection = socket.connection(100, 1_000_000);
        for (int i = 0; i < 5; i++) {
            connection.send("m" + i);
        }
        assertThat(socket.sent()).containsExactly("m0");
        for (int i = 0; i < 5; i++) {
            assertThat(socket.complete(true)).isTrue();
        }
        assertThat(socket.complete(true)).as("nothing left in flight").isFalse();
        assertThat(socket.sent()).containsExactly("m0", "m1", "m2", "m3", "m4");
        assertThat(socket.mostInFlight()).isEqualTo(1);
        assertThat(socket.isClosedByServer()).isFalse();
    }

    @Test
    void aClientThatFallsTooManyMessagesBehindIsClosedAndSentNothingMore() {
        FakeSocket socket = FakeSocket.held();
        PlainCounters counters = new PlainCounters();
        LiveConnection connection = socket.connection(3, 1_000_000, new LiveMetrics(counters));
        connection.send("in flight");
        connection.send("q1");
        connection.send("q2");
        connection.send("q3");
        assertThat(socket.isClosedByServer()).isFalse();

        connection.send("one too many");

        assertThat(socket.awaitClose().getCloseCode().getCode()).isEqualTo(LiveConnection.CLOSE_TOO_SLOW);
        socket.complete(true);
        connection.send("after the close");
        assertThat(socket.sent()).containsExactly("in flight");
        assertThat(connection.isClosing()).isTrue();
        assertThat(counters.count("notes.live.sockets.closed", new Tag("reason", "too_slow"))).as("counted once").isEqualTo(1);
    }

    @Test
    void theQueuedCharactersAreBoundedToo() {
        FakeSocket socket = FakeSocket.held();
        LiveConnection connection = socket.connection(100, 10);
        connection.send("x".repeat(8)); // in flight: no longer counted as queued
        connection.send("y".repeat(6));
        connection.send("z".repeat(4));
        assertThat(socket.isClosedByServer()).isFalse();

        connection.send("!");

        assertThat(socket.awaitClose().getCloseCode().getCode()).isEqualTo(LiveConnection.CLOSE_TOO_SLOW);
    }

    @Test
    void aCloseAfterTheQueueSendsWhatIsQueuedFirstAndNothingQueuedLater() {
        FakeSocket socket = FakeSocket.held();
        LiveConnection connection = socket.connection(100, 1_000_000);
        connection.send("pong");
        connection.send("error: too many messages");

        connection.closeAfterQueued(LiveConnection.CLOSE_TOO_MANY_MESSAGES, "too many messages");
        connection.send("queued after the close was asked for");

        assertThat(connection.isClosing()).isTrue();
        assertThat(socket.complete(true)).isTrue();
        assertThat(socket.complete(true)).isTrue();
        assertThat(socket.awaitClose().getCloseCode().getCode()).isEqualTo(LiveConnection.CLOSE_TOO_MANY_MESSAGES);
        assertThat(socket.sent()).containsExactly("pong", "error: too many messages");
    }

    @Test
    void aCloseAfterAnEmptyQueueClosesAtOnce() {
        FakeSocket socket = FakeSocket.held();
        LiveConnection connection = socket.connection(100, 1_000_000);

        connection.closeAfterQueued(LiveConnection.CLOSE_TOO_MANY_MESSAGES, "too many messages");

        assertThat(socket.awaitClose().getCloseCode().getCode()).isEqualTo(LiveConnection.CLOSE_TOO_MANY_MESSAGES);
        assertThat(socket.sent()).isEmpty();
    }

    @Test
    void aFailedSendClosesTheConnection() {
        FakeSocket socket = FakeSocket.held();
        LiveConnection connection = socket.connection(100, 1_000_000);
        connection.send("a");
        connection.send("b");

        socket.complete(false);

        assertThat(socket.awaitClose().getCloseCode().getCode()).isEqualTo(1011);
        assertThat(socket.complete(true)).isFalse();
        assertThat(socket.sent()).containsExactly("a");
    }

    @Test
    void closingTwiceSendsOneClose() {
        FakeSocket socket = FakeSocket.held();
        LiveConnection connection = socket.connection(100, 1_000_000);
        connection.closeQuietly(LiveConnection.CLOSE_LOGGED_OUT, "logged out");
        connection.closeQuietly(LiveConnection.CLOSE_TOO_SLOW, "too slow");
        assertThat(socket.awaitClose().getCloseCode().getCode()).isEqualTo(LiveConnection.CLOSE_LOGGED_OUT);
    }

    @Test
    void concurrentSendersNeverHaveTwoSendsInFlightAndLoseNothing() throws InterruptedException {
        int senders = 4;
        int perSender = 100;
        FakeSocket socket = FakeSocket.held();
        LiveConnection connection = socket.connection(senders * perSender, 10_000_000);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(senders);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            for (int s = 0; s < senders; s++) {
                String name = "s" + s + "-";
                pool.execute(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                        for (int i = 0; i < perSender; i++) {
                            connection.send(name + i);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            }
            start.countDown();
            // The client reads while the senders send, then until nothing is in flight.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                boolean sendersDone = done.getCount() == 0;
                if (!socket.complete(true) && sendersDone) {
                    break;
                }
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        List<String> sent = socket.sent();
        assertThat(sent).hasSize(senders * perSender).doesNotHaveDuplicates();
        assertThat(socket.mostInFlight()).isEqualTo(1);
        for (int s = 0; s < senders; s++) {
            String name = "s" + s + "-";
            List<String> ofSender = new ArrayList<>(sent.stream().filter(m -> m.startsWith(name)).toList());
            assertThat(ofSender).as("each sender's messages in its order")
                    .isEqualTo(java.util.stream.IntStream.range(0, perSender).mapToObj(i -> name + i).toList());
        }
    }

    @Test
    void aTopicsSnapshotIsClaimedOnceUntilItIsForgottenOrResynchronised() {
        FakeSocket socket = FakeSocket.completingAtOnce();
        LiveConnection connection = socket.connection(100, 1_000_000);
        assertThat(connection.claimSnapshot("home")).isTrue();
        assertThat(connection.claimSnapshot("home")).isFalse();
        assertThat(connection.claimSnapshot("note:a")).isTrue();

        connection.forgetSnapshot("home");
        assertThat(connection.claimSnapshot("home")).isTrue();

        connection.resync("{\"type\":\"resync\"}");
        assertThat(socket.sent()).containsExactly("{\"type\":\"resync\"}");
        assertThat(connection.claimSnapshot("home")).isTrue();
        assertThat(connection.claimSnapshot("home")).isFalse();
        assertThat(connection.claimSnapshot("note:a")).isTrue();
    }

    @Test
    void noSnapshotIsClaimedForAClosingSocket() {
        FakeSocket closedByServer = FakeSocket.held();
        LiveConnection closing = closedByServer.connection(100, 1_000_000);
        closing.closeQuietly(LiveConnection.CLOSE_TOO_SLOW, "too slow");
        assertThat(closing.claimSnapshot("home")).isFalse();

        FakeSocket goneClient = FakeSocket.held();
        LiveConnection gone = goneClient.connection(100, 1_000_000);
        goneClient.dropByClient();
        assertThat(gone.isClosing()).isTrue();
        assertThat(gone.claimSnapshot("home")).isFalse();
    }
}
