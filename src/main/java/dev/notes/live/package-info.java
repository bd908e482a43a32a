/**
 * Live updates: committed domain events reach every browser that shows what changed, over the
 * WebSocket endpoint {@code /live} (protocol: {@code docs/live-protocol.md}).
 * <p>
 * {@link dev.notes.live.CommittedEventRelay} observes events after commit and hands them to the
 * {@link dev.notes.live.EventPublisher} port, which numbers them and brings them to the
 * {@link dev.notes.live.LiveDelivery} of every instance (in-process on a single instance). The
 * delivery fans each event out to the connections subscribed to its topics ({@code home},
 * {@code note:<key>}), each connection with its own bounded, serialised send queue. A {@code home}
 * snapshot is the subscriber's page of the list, named by a page cursor in the subscription; the
 * browser places each note event on its page or only counts it. Since every event passes the
 * delivery of every instance, the delivery also tells the {@link dev.notes.note.NoteCount} when a
 * note was created or deleted, or events may have been missed, and fires
 * {@link dev.notes.event.ContentChanged} for every event and resync, so that rendered pages kept
 * elsewhere (the web layer's page cache) are forgotten without this package knowing of them.
 * <p>
 * Snapshots (a note's carries its newest 50 comments and their count) are built once per instance
 * for all the subscribers that ask at the same last event id, and kept briefly
 * ({@link dev.notes.live.SnapshotCache}); a resync forgets them.
 * <p>
 * Hostile clients are bounded by {@link dev.notes.platform.Settings.Live}: the
 * {@link dev.notes.live.LiveAdmissionFilter} caps the sockets per client address before the
 * handshake ({@link dev.notes.live.ClientSockets} counts them until they close, and holds off for a
 * while an address one of whose sockets flooded, its handshakes refused late); each connection's
 * messages are rate-limited (a token bucket, {@code MessageBudget}), its topics capped and counted
 * once, and its snapshots built only for a socket that is open and has not had that topic's
 * snapshot already.
 * <p>
 * When the instance stops ({@link dev.notes.platform.ShutdownBegun}, on SIGTERM) every socket is
 * closed with 1001, "going away", on which pages reconnect at once to another instance, and the
 * admission filter refuses new handshakes with 503.
 * <p>
 * What passes is counted for Prometheus ({@link dev.notes.live.LiveMetrics}: events published,
 * received and queued for sockets, resyncs, sockets closed for a full queue or flooding), and the
 * open connections and their subscriptions are gauges of the {@link dev.notes.live.LiveDelivery};
 * no figure names a topic or a user.
 */
package dev.notes.live;
