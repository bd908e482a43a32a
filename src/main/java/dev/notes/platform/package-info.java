/**
 * What the application needs from its surroundings, belonging to no single domain: its settings
 * ({@link dev.notes.platform.Settings}, every configuration value typed and checked at start-up, secrets such as
 * {@code NOTES_EVENT_SECRET} as {@link dev.notes.platform.Settings.SecretKey}s whose text shows no
 * byte of them, the Faces view state keys by the rules {@link dev.notes.platform.FacesKeys} holds, every
 * secret key decoded and refused when it is no random key by one set of rules,
 * {@link dev.notes.platform.RandomKeys}; the OpenID provider's client secret, which is the
 * provider's text rather than a key of ours, is only refused when it is a placeholder of the
 * examples; the provider's settings come together or not at all, {@link dev.notes.platform.Settings.Oidc}),
 * the database
 * schema (Flyway migrations applied at start-up, before any request: the shared scripts and those
 * of the {@link dev.notes.platform.DatabaseDialect} in use), the MicroProfile Health
 * checks that a load balancer or Kubernetes asks before sending traffic (their details only with
 * {@code NOTES_HEALTH_DETAILS}, {@link dev.notes.platform.Settings.Disclosure}),
 * {@link dev.notes.platform.LogText}, which makes text from clients safe for a log line, and
 * {@link dev.notes.platform.LogFields}, the fields Notes adds to JSON log lines (instance, request id).
 * The graceful shutdown: on SIGTERM {@link dev.notes.platform.GracefulShutdown} turns readiness DOWN
 * ({@link dev.notes.platform.ShutdownReadinessCheck}), tells the application
 * ({@link dev.notes.platform.ShutdownBegun}: the live sockets close) and hands the signal to the JVM,
 * whose shutdown stops Liberty, only after {@code SHUTDOWN_DRAIN}.
 */
package dev.notes.platform;
