/**
 * Live updates: turns committed domain events into what browsers see change without reloading.
 * Today it records each committed change in the server log; the WebSocket delivery hangs off the
 * same after-commit observation.
 */
package dev.notes.live;
