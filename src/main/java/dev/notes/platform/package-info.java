/**
 * What the application needs from its surroundings, belonging to no single domain: its settings
 * ({@link dev.notes.platform.Settings}, every configuration value typed and checked at start-up,
 * among them the Faces view state keys, whose rules {@link dev.notes.platform.FacesKeys} holds), the database
 * schema (Flyway migrations applied at start-up, before any request: the shared scripts and those
 * of the {@link dev.notes.platform.DatabaseDialect} in use) and the MicroProfile Health
 * checks that a load balancer or Kubernetes asks before sending traffic (their details only with
 * {@code NOTES_HEALTH_DETAILS}, {@link dev.notes.platform.Settings.Disclosure}).
 */
package dev.notes.platform;
