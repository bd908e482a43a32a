package dev.notes.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * Checks usernames and passwords against the {@code users} table. Every user is in the group
 * "user", an administrator also in "administrator". A disabled account is refused like a wrong
 * password, so a guessed password learns nothing; the authentication log says why.
 */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

    @Inject
    private UserService users;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return users.authenticate(login.getCaller(), login.getPassword().getValue())
                .map(user -> new CredentialValidationResult(user.getUsername(), user.isAdministrator()
                        ? Set.of(SignedInUser.USER_GROUP, SignedInUser.ADMINISTRATOR_GROUP)
                        : Set.of(SignedInUser.USER_GROUP)))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
