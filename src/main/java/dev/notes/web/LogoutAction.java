package dev.notes.web;

import dev.notes.oidc.OidcLogin;
import dev.notes.oidc.OidcProvider;
import dev.notes.user.AuthenticationLog;
import dev.notes.user.ExternalLogin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;

/**
 * Logout, from the header's form (a POST with the view state, so no other site can log a user out).
 * Invalidating the session ends the login wherever the session is shared. Logged in the
 * {@code AuthenticationLog} when there was a login to end.
 * <p>
 * A login made through an OpenID provider that advertises an end-session endpoint ends there too
 * (RP-initiated logout): the browser goes to the provider with the login's ID token as
 * {@code id_token_hint}, and the provider sends it back to the home page. The login at Notes is
 * over before that, whatever the provider does.
 */
@Named
@RequestScoped
public class LogoutAction {

    @Inject
    private OidcLogin oidcLogin;

    @Inject
    private OidcProvider provider;

    public void logout() throws ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String idToken = idTokenOf(request);
        logOut(request);
        Optional<URI> atProvider = oidcLogin.endSessionUrl(idToken, provider.addressOf("/", request));
        if (atProvider.isEmpty()) {
            Pages.redirect("/");
            return;
        }
        try {
            external.redirect(atProvider.get().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ID token kept by a login through a provider with an end-session endpoint, if this is one. */
    private static String idTokenOf(HttpServletRequest request) {
        try {
            HttpSession session = request.getSession(false);
            return session != null && session.getAttribute(ExternalLogin.ID_TOKEN_ATTRIBUTE) instanceof String token
                    ? token : null;
        } catch (RuntimeException sessionGoneOrStoreAway) {
            return null;
        }
    }

    /** Ends the request's login and session (the API's {@code DELETE /api/session} too), and logs it. */
    static void logOut(HttpServletRequest request) throws ServletException {
        String username = request.getRemoteUser();
        endSession(request);
        if (username != null) {
            AuthenticationLog.loggedOut(username, request.getRemoteAddr());
        }
    }

    /** Logs the request's caller out and invalidates the session, on every instance that shares it. */
    static void endSession(HttpServletRequest request) throws ServletException {
        // Take the session first: after logout() Liberty may refuse to hand it out (SESN0008E).
        HttpSession session = request.getSession(false);
        request.logout();
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // Liberty's logout() invalidates the session itself.
            }
        }
    }
}
