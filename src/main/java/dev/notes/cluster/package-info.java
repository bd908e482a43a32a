/**
 * Running as many identical instances: which mode this instance is in ({@code NOTES_CLUSTER}), and
 * what it takes from Redis. HTTP sessions are Liberty's business (the session cache configured in
 * {@code liberty/config/cluster-redis.xml}); this package holds the application's side.
 */
package dev.notes.cluster;
