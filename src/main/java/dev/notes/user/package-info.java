/**
 * Users and login. Accounts live in the {@code users} table with PBKDF2 password hashes (Jakarta
 * Security's {@code Pbkdf2PasswordHash}); {@link dev.notes.user.UserIdentityStore} checks
 * credentials against it. {@link dev.notes.user.SessionAuthenticationMechanism} keeps the login in
 * the HTTP session rather than in Liberty's LtpaToken2 cookie, so that a session shared between
 * instances carries the login and invalidating it logs the user out everywhere.
 * <p>
 * {@link dev.notes.user.Caller} is the port through which the domain services learn who is
 * acting (a {@link dev.notes.user.NotLoggedInException} when nobody is); its adapter
 * {@link dev.notes.user.SecurityContextCaller} reads the caller principal that the mechanism
 * established from the session.
 */
package dev.notes.user;
