package dev.notes.oidc;

/**
 * Why a login through the OpenID provider did not log anyone in. Each has its own page text and
 * audit-log reason ({@link #code}); none carries anything the provider or the browser sent.
 */
public enum OidcProblem {
    /** The provider answered with an error, such as {@code access_denied} when the user declined. */
    DENIED("denied"),
    /** No login was started in this browser session, it is too old, or its {@code state} does not match. */
    STATE("state"),
    /** The code exchange failed, or the ID token is not valid (issuer, audience, signature, expiry, nonce). */
    TOKEN("token"),
    /** The provider did not answer in time, or its discovery document could not be read. */
    UNAVAILABLE("unavailable"),
    /** The account this identity is linked to is disabled by an administrator. */
    DISABLED("disabled"),
    /** Every username this identity could have is taken. */
    NO_USERNAME("no_username"),
    /** Too many failed logins from the client's address. */
    THROTTLED("throttled");

    private final String code;

    OidcProblem(String code) {
        this.code = code;
    }

    /** The reason as the audit log writes it. */
    public String code() {
        return code;
    }
}
