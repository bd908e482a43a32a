/**
 * Live updates: committed domain events reach every browser that shows what changed, over the
 * WebSocket endpoint {@code /live} (protocol: {@code docs/live-protocol.md}).
 * <p>
 * {@link dev.notes.live.CommittedEventRelay} observes events after commit and hands them to the
 * {@link dev.notes.live.EventPublisher} port, which numbers them and brings them to the
 * {@link dev.notes.live.LiveDelivery} of every instance (in-process on a single instance). The
 * delivery fans each event out to the connections subscribed to its topics ({@code home},
 * {@code note:<key>}), each connection with its own bounded, serialised send queue.
 */
package dev.notes.live;
