/**
 * Running as many identical instances: which mode this instance is in ({@code NOTES_CLUSTER}), and
 * what it takes from Redis. HTTP sessions are Liberty's business (the session cache configured in
 * {@code liberty/config/cluster-redis.xml}); this package holds the application's side: the live
 * events' publisher over a Redis channel ({@link dev.notes.cluster.RedisEventPublisher}), their wire
 * format, which also checks every received message as untrusted input
 * ({@link dev.notes.cluster.EventCodec}), their optional signatures
 * ({@link dev.notes.cluster.EventSigner}, {@code NOTES_EVENT_SECRET}), the detection of events missed
 * while disconnected ({@link dev.notes.cluster.EventSequence}), the resyncs that follow, kept apart
 * ({@link dev.notes.cluster.ResyncPacing}), and the count and bounded logging of messages dropped
 * as no valid event ({@link dev.notes.cluster.DroppedEvents}); the throttling counters every instance
 * shares ({@link dev.notes.cluster.RedisCounters}); the announcements of users' session epoch
 * changes on a channel of their own ({@link dev.notes.cluster.RedisSessionEpochAnnouncer}), checked
 * and optionally signed like the events ({@link dev.notes.cluster.SessionEpochMessage}); each user's
 * logins, listed on the account page, in a hash per user ({@link dev.notes.cluster.RedisLoginIndex}).
 * Each is chosen over its in-process twin by configuration ({@link dev.notes.cluster.EventPublishers},
 * {@link dev.notes.cluster.ThrottleCounters}, {@link dev.notes.cluster.SessionEpochAnnouncers},
 * {@link dev.notes.cluster.LoginIndexes}).
 * All of them use the application's one Redis client ({@link dev.notes.cluster.RedisConnection}), which
 * also names the channels after the database in use, since Redis keeps channels per server, and in
 * Redis Cluster makes them sharded channels, with the key a script uses beside one in its hash slot.
 * {@link dev.notes.cluster.InstanceName} is this instance's name, which
 * {@link dev.notes.cluster.InstanceNameFilter} puts on every answer, unless
 * {@code NOTES_INSTANCE_HEADER} is off, and the JSON log lines carry, and {@link dev.notes.cluster.RedisHealthCheck} reports Redis;
 * when Redis cannot be used, {@link dev.notes.cluster.RedisProblem} tells the log why in words that name
 * the setting to check (user and password, trust store, {@code rediss://}).
 * Two classes here serve Liberty's session cache rather than the application, named in the Redisson
 * files and loaded from Liberty's {@code redisson} library: how sessions are encoded, with no class
 * outside a short list accepted ({@link dev.notes.cluster.SessionCodec}), and the short Redis names
 * of the session caches ({@link dev.notes.cluster.SessionCacheNames}).
 */
package dev.notes.cluster;
