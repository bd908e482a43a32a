/**
 * Users and login. Accounts live in the {@code users} table with PBKDF2 password hashes (Jakarta
 * Security's {@code Pbkdf2PasswordHash}); {@link dev.notes.user.UserIdentityStore} checks
 * credentials against it. A new password ({@link dev.notes.user.Registration}, also the seeded
 * first user's, {@link dev.notes.user.FirstUserSeeding}) is 12 to 128 characters and not one of
 * the {@link dev.notes.user.CommonPasswords} bundled with the application
 * ({@link dev.notes.user.NotCommonPassword}); older accounts keep theirs.
 * {@link dev.notes.user.SessionAuthenticationMechanism} keeps the login in the HTTP session rather
 * than in Liberty's LtpaToken2 cookie, so that a session shared between instances carries the
 * login and invalidating it logs the user out everywhere; a login starts a fresh session and
 * lasts at most the absolute session lifetime ({@link dev.notes.user.SignedInUser#loggedInAt}).
 * Reading the login there is where Liberty loads a request's session from its store, so the mechanism
 * times that read and counts its failures for Prometheus ({@code notes_session_reads_seconds},
 * {@code notes_session_read_failures_total}).
 * <p>
 * Pages, the API and live updates show authors by the display name they chose, beside the username,
 * which stays the identity in the data: {@link dev.notes.user.DisplayNames} looks names up through a
 * bounded, instance-local {@link dev.notes.user.DisplayNameCache} (a rename,
 * {@link dev.notes.user.DisplayNameChanged}, is forgotten at once here and ages out elsewhere).
 * <p>
 * A logged-in user changes their own display name, e-mail address and password
 * ({@link dev.notes.user.UserService}, acting for the {@link dev.notes.user.Caller}; the rules are
 * registration's, {@link dev.notes.user.DisplayName}, {@link dev.notes.user.EmailAddress} and
 * {@link dev.notes.user.NewPassword}), and deletes their account: with it go their notes, the
 * comments on them and their comments on other notes, through the {@link dev.notes.user.AccountContent}
 * port, whose adapter lives with the comments ({@code dev.notes.comment.AuthoredContent}); the last
 * administrator is refused ({@link dev.notes.user.AccountDeletionRefusedException}). An account
 * without a password (an external login) never authenticates with one. Every password check,
 * at login or of the current password before a change, goes through
 * {@link dev.notes.user.CredentialCheck}: throttled, bounded, failures counted. A password change
 * raises the user's session epoch, which ends every other login of the user on every instance at its
 * next request ({@link dev.notes.user.SessionEpochs}: new epochs drawn from one database sequence,
 * {@link dev.notes.user.SessionEpochSequence}, so that a deleted account's logins never pass for a
 * newcomer's under the same name; the epochs read through a bounded,
 * instance-local {@link dev.notes.user.SessionEpochCache}, changes announced to the other instances
 * through the {@link dev.notes.user.SessionEpochAnnouncer} port, whose adapter alone is
 * {@link dev.notes.user.LocalSessionEpochAnnouncer} and in a cluster is in {@code dev.notes.cluster}).
 * "Log out everywhere" raises the epoch too. Each login is listed in its user's
 * {@link dev.notes.user.LoginIndex} ({@link dev.notes.user.ActiveLogin}: when, from where), a port
 * whose adapter alone is {@link dev.notes.user.DatabaseLoginIndex} (a table, {@link dev.notes.user.ListedLogin},
 * since that instance's sessions outlive a restart) and in a cluster a Redis hash per user in
 * {@code dev.notes.cluster}; {@link dev.notes.user.LoginIndexMaintenance} takes a login off
 * when its session lets go of it. Logins, failures, refusals, logouts (one or everywhere), lifetime
 * and epoch ends, password, e-mail and display name changes, account deletions and registrations are written to the
 * {@link dev.notes.user.AuthenticationLog}.
 * <p>
 * Login through an OpenID provider, when one is configured: the callback page hands the provider's
 * answer to the same mechanism (Liberty allows one {@code HttpAuthenticationMechanism} per module,
 * so the existing one takes both paths; the protocol is {@code dev.notes.oidc}'s), and
 * {@link dev.notes.user.ExternalLogin} turns a valid identity into the same {@code SignedInUser} in a
 * fresh session, listed and logged as a password login is ({@code method=oidc}), throttled by the
 * client's address. {@link dev.notes.user.ExternalAccounts} finds the local user by the provider's
 * issuer and subject, never by username, and creates one without a password at the first login,
 * under the first free name {@link dev.notes.user.ExternalUsername} derives from the username claim
 * ({@code name}, {@code name-2}, …): a local account is never taken over by an external identity of
 * the same name. Such a user has no password, so the form never logs them in, and a disabled one is
 * refused at the provider's door too.
 * <p>
 * Moderation: a user marked administrator (the one {@code NOTES_ADMIN_USER} names, seeded by
 * {@link dev.notes.user.FirstUserSeeding}, and those an administrator promotes) logs in with the
 * role {@link dev.notes.user.SignedInUser#ADMINISTRATOR_GROUP} as well, deletes any note or comment
 * (the note and comment services ask {@link dev.notes.user.Caller#isAdministrator}), and through
 * {@link dev.notes.user.Moderation} finds, promotes, disables and enables accounts; a disabled one
 * cannot log in and its session epoch rises, ending its logins everywhere. Each action is a line of
 * the {@link dev.notes.user.ModerationLog}, beside the authentication log.
 * <p>
 * {@link dev.notes.user.Caller} is the port through which the domain services learn who is
 * acting (a {@link dev.notes.user.NotLoggedInException} when nobody is); its adapter
 * {@link dev.notes.user.SecurityContextCaller} reads the caller principal that the mechanism
 * established from the session.
 */
package dev.notes.user;
