package dev.notes.user;

import dev.notes.oidc.ExternalIdentity;
import dev.notes.oidc.OidcLoginException;
import dev.notes.oidc.OidcProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The local user of an identity at the OpenID provider: found by the provider's issuer and
 * subject, or created at its first login under the first free name {@link ExternalUsername} gives
 * (never an existing account: see there why). Each creation is a transaction of its own, so that
 * losing a race for a name, or to a first login of the same identity on another instance, just
 * moves on to the next name or to the user that won.
 */
@ApplicationScoped
public class ExternalAccounts {

    @Inject
    private UserService users;

    /**
     * The user linked to {@code identity}, created now if there is none.
     *
     * @throws OidcLoginException {@link OidcProblem#NO_USERNAME} when every name is taken,
     *                            {@link OidcProblem#TOKEN} when issuer or subject are longer than any provider's
     */
    public User findOrCreate(ExternalIdentity identity) throws OidcLoginException {
        if (identity.issuer().length() > User.EXTERNAL_ISSUER_MAX
                || identity.subject().length() > User.EXTERNAL_SUBJECT_MAX) {
            throw new OidcLoginException(OidcProblem.TOKEN, "the ID token's issuer or subject is too long");
        }
        Optional<User> linked = users.findExternal(identity.issuer(), identity.subject());
        if (linked.isPresent()) {
            return linked.get();
        }
        for (String username : ExternalUsername.candidates(identity.username(), identity.subject())) {
            if (users.find(username).isPresent()) {
                continue;
            }
            try {
                return users.registerExternal(username, displayName(identity.displayName(), username),
                        identity.issuer(), identity.subject());
            } catch (DuplicateUsernameException takenMeanwhile) {
                linked = users.findExternal(identity.issuer(), identity.subject());
                if (linked.isPresent()) {
                    return linked.get();
                }
            }
        }
        throw new OidcLoginException(OidcProblem.NO_USERNAME, "every username from "
                + ExternalUsername.candidates(identity.username(), identity.subject()).get(0) + " on is taken");
    }

    /** The display name claim within registration's rules (no control characters, at most 100), else the username. */
    static String displayName(String claim, String username) {
        if (claim == null) {
            return username;
        }
        String name = claim.replaceAll("\\p{Cntrl}", " ").strip();
        if (name.length() > Registration.DISPLAY_NAME_MAX) {
            name = name.substring(0, Registration.DISPLAY_NAME_MAX).strip();
        }
        return name.isEmpty() ? username : name;
    }
}
