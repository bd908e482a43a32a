/**
 * Counting what clients do, to refuse what they overdo: the {@link dev.notes.throttle.Counters}
 * port (fixed-window counters that expire on their own), its in-memory adapter for an instance
 * alone ({@link dev.notes.throttle.MemoryCounters}; the Redis adapter, shared by a cluster, is
 * {@code dev.notes.cluster.RedisCounters}), and the rules built on them: failed logins
 * ({@link dev.notes.throttle.LoginThrottle}; a failed login through the OpenID provider, which names
 * no account of ours, counts against its address only) and quotas on registrations, notes and comments
 * ({@link dev.notes.throttle.Quotas}). A refusal says when to try again
 * ({@link dev.notes.throttle.QuotaExceededException}, {@link dev.notes.throttle.LoginThrottle#refusal}); never
 * a permanent lockout. {@link dev.notes.throttle.PasswordChecks} bounds the PBKDF2 work running at once;
 * {@link dev.notes.throttle.DelayedRefusals} sends a refusal late, holding no thread, so that a client
 * retrying at once is slowed to one attempt per delay. Refused logins are counted for Prometheus by
 * the count that ran out ({@code notes_logins_throttled_total}), never by account or address.
 */
package dev.notes.throttle;
