package dev.notes.oidc;

/**
 * Who the provider says logged in, from a validated ID token.
 *
 * @param issuer      the provider's issuer identifier
 * @param subject     the provider's stable, unique id of the user ({@code sub}); with the issuer it
 *                    is what links a local account, never the username
 * @param username    the username claim ({@code OIDC_USERNAME_CLAIM}), if the token has it, else null
 * @param displayName the display name claim ({@code OIDC_DISPLAY_NAME_CLAIM}), if the token has it, else null
 * @param idToken     the ID token as issued, kept only when the provider offers RP-initiated logout
 *                    (its {@code id_token_hint}), else null
 */
public record ExternalIdentity(String issuer, String subject, String username, String displayName,
                               String idToken) {
}
