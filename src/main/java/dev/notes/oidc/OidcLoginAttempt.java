package dev.notes.oidc;

import java.io.Serializable;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A login begun at the provider and not yet finished, kept in the HTTP session under
 * {@link #SESSION_ATTRIBUTE} between the redirect to the provider and its return: in a cluster
 * the session store carries it to whichever instance the provider sends the browser back to.
 * Immutable and small (the session cache stores what a request sets, nothing changed in place).
 * One per session: a login begun in another tab replaces it, and that tab's return then fails the
 * {@code state} check, to be tried again.
 *
 * @param state        the {@code state} sent to the provider, to be returned unchanged (RFC 6749 10.12)
 * @param nonce        the {@code nonce} the ID token must carry (OpenID Connect Core 3.1.2.1)
 * @param codeVerifier the PKCE secret whose S256 challenge went to the provider (RFC 7636)
 * @param redirectUri  where the provider returns the browser; the code exchange repeats it
 * @param next         the page of this application to show after the login
 * @param startedAt    when the login began; older than {@link #LIFETIME}, it is refused
 */
public record OidcLoginAttempt(String state, String nonce, String codeVerifier, String redirectUri, String next,
                               Instant startedAt) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String SESSION_ATTRIBUTE = "notes.oidc.a";

    /** Long enough to type a password and answer a second factor at the provider; short for a stolen code. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    /** Whether {@code returnedState} is this attempt's and the attempt is still young enough at {@code now}. */
    public boolean matches(String returnedState, Instant now) {
        return returnedState != null
                && MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                        returnedState.getBytes(StandardCharsets.UTF_8))
                && !now.isBefore(startedAt)
                && now.isBefore(startedAt.plus(LIFETIME));
    }
}
