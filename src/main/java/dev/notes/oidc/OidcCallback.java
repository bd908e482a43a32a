package dev.notes.oidc;

import jakarta.security.enterprise.credential.Credential;

/**
 * What the provider sent back to the callback page, handed to the authentication mechanism as a
 * credential the way the login form hands over a username and password. Each value is as the
 * browser sent it, unchecked, or null.
 *
 * @param state  the {@code state} parameter
 * @param code   the authorization code, on success
 * @param error  the OAuth error code, on failure (such as {@code access_denied})
 * @param issuer the {@code iss} parameter (RFC 9207), when the provider sends it
 */
public record OidcCallback(String state, String code, String error, String issuer) implements Credential {

    /** Longest value taken from the browser: longer ones are cut, so they fail the checks cheaply. */
    static final int VALUE_MAX = 4096;

    public OidcCallback {
        state = bounded(state);
        code = bounded(code);
        error = bounded(error);
        issuer = bounded(issuer);
    }

    private static String bounded(String value) {
        return value == null || value.length() <= VALUE_MAX ? value : value.substring(0, VALUE_MAX);
    }
}
