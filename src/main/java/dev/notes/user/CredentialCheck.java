package dev.notes.user;

import dev.notes.throttle.CountersUnavailableException;
import dev.notes.throttle.LoginThrottle;
import dev.notes.throttle.PasswordChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks a username and password the one way this application checks any: {@link LoginThrottle}
 * may refuse first (too many failures for the account or from the address), the hash runs within
 * {@link PasswordChecks}' bound, a failure is counted, and every outcome but success goes to the
 * {@link AuthenticationLog} under what the check was for. A login and the current password asked
 * before a password change share the counts, so the account page is no way around the throttle.
 */
@ApplicationScoped
public class CredentialCheck {

    private static final Logger LOG = Logger.getLogger(CredentialCheck.class.getName());

    public enum Status {
        VALID,
        /** Wrong username or password. */
        INVALID,
        /** Refused unchecked: too many failures; {@link Outcome#retryAfter} says how long. */
        THROTTLED,
        /** Not tried: the counters' store is away or every password check slot stayed busy. */
        UNAVAILABLE
    }

    /** {@code result} is set when valid, {@code retryAfter} when throttled. */
    public record Outcome(Status status, CredentialValidationResult result, Duration retryAfter) {

        static Outcome of(Status status) {
            return new Outcome(status, null, null);
        }
    }

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private LoginThrottle throttle;

    @Inject
    private PasswordChecks passwordChecks;

    /** Checks {@code credential}, presented from {@code address} (the client, or the one a trusted proxy forwarded). */
    public Outcome check(AuthenticationLog.PasswordCheck purpose, Credential credential, String address) {
        String typed = credential instanceof UsernamePasswordCredential login ? login.getCaller() : null;
        // Counted under the name the account would have, so "Alice " and "alice" share one count.
        String username = Registration.normalise(typed);
        try {
            Optional<Duration> refusal = throttle.refusal(username, address);
            if (refusal.isPresent()) {
                AuthenticationLog.checkThrottled(purpose, typed, address, refusal.get());
                return new Outcome(Status.THROTTLED, null, refusal.get());
            }
            Optional<CredentialValidationResult> checked = passwordChecks.run(() -> identityStores.validate(credential));
            if (checked.isEmpty()) {
                LOG.warning(() -> "Password check from " + address + " not tried: every password check slot stayed busy");
                AuthenticationLog.checkUnavailable(purpose, typed, address);
                return Outcome.of(Status.UNAVAILABLE);
            }
            if (checked.get().getStatus() != CredentialValidationResult.Status.VALID) {
                AuthenticationLog.checkFailed(purpose, typed, address);
                throttle.failed(username, address);
                return Outcome.of(Status.INVALID);
            }
            return new Outcome(Status.VALID, checked.get(), null);
        } catch (CountersUnavailableException redisAway) {
            // The same Redis holds the sessions, so a login could not be kept anyway.
            LOG.log(Level.FINE, "Password not checked: the throttling counters are away", redisAway);
            AuthenticationLog.checkUnavailable(purpose, typed, address);
            return Outcome.of(Status.UNAVAILABLE);
        }
    }
}
