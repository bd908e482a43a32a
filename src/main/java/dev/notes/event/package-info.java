/**
 * Domain events: what changed, as small immutable and serialisable records. Services fire them
 * with CDI inside their transaction; observers declare {@code during = AFTER_SUCCESS}, so they see
 * a change only once it is committed and never one that was rolled back. The live-update layer
 * hangs off these events, and, in a cluster, carries them to the other instances; as it delivers
 * each one it fires {@code ContentChanged}, for whatever keeps rendered content.
 */
package dev.notes.event;
