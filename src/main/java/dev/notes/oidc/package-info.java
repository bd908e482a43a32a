/**
 * OpenID Connect login with one provider, the protocol side: discovery of the provider
 * ({@link dev.notes.oidc.OidcProvider}, at the first login, with a timeout, kept once read, so that a
 * provider that is down at start-up stops nothing), the authorization code flow with PKCE (S256)
 * and a fresh {@code state} and {@code nonce} per login ({@link dev.notes.oidc.OidcLogin}, kept in
 * the HTTP session as an {@link dev.notes.oidc.OidcLoginAttempt} so that the provider may send the
 * browser back to any instance), the code exchange with the client secret, and the validation of
 * the ID token: issuer, audience (the client id), signature from the provider's JWKS (fetched again
 * when the provider rotates its keys), expiry with a minute of clock skew, and the nonce. The
 * result is an {@link dev.notes.oidc.ExternalIdentity}; a failure an
 * {@link dev.notes.oidc.OidcLoginException} saying which {@link dev.notes.oidc.OidcProblem}. Also the
 * provider's end-session URL for RP-initiated logout, and the addresses of Notes' pages given to
 * the provider (the callback, the page after logout): under {@code OIDC_APP_URL} when set, otherwise
 * where the request came in.
 * <p>
 * Built on Nimbus {@code oauth2-oidc-sdk}, the library under most Java OpenID clients. Not Jakarta
 * Security's {@code @OpenIdAuthenticationMechanismDefinition}: Liberty allows one
 * {@code HttpAuthenticationMechanism} per module, and Notes has one already, which keeps every
 * login in the HTTP session shared by the instances ({@code dev.notes.user.SessionAuthenticationMechanism});
 * a second mechanism would be refused, and Liberty's own OpenID client keeps its login in cookies
 * of its own. So the existing mechanism takes both paths, and what happens to the identity (the
 * local user, the session, the log) is the user domain's ({@code dev.notes.user.ExternalLogin}).
 * Configured by the {@code OIDC_*} settings ({@code dev.notes.platform.Settings.Oidc}); without them
 * nothing here is used.
 */
package dev.notes.oidc;
