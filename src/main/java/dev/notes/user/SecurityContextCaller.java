package dev.notes.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/**
 * The {@link Caller} as Jakarta Security knows it: the caller principal that
 * {@link SessionAuthenticationMechanism} established for the current request from the login kept
 * in the session. Application-scoped: the security context answers for the request in progress.
 */
@ApplicationScoped
public class SecurityContextCaller implements Caller {

    @Inject
    private SecurityContext securityContext;

    @Override
    public Optional<String> username() {
        return Optional.ofNullable(securityContext.getCallerPrincipal()).map(Principal::getName);
    }

    @Override
    public boolean isAdministrator() {
        return securityContext.isCallerInRole(SignedInUser.ADMINISTRATOR_GROUP);
    }
}
