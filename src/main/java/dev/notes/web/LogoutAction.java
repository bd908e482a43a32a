package dev.notes.web;

import dev.notes.user.AuthenticationLog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Logout, from the header's form (a POST with the view state, so no other site can log a user out).
 * Invalidating the session ends the login wherever the session is shared. Logged in the
 * {@code AuthenticationLog} when there was a login to end.
 */
@Named
@RequestScoped
public class LogoutAction {

    public void logout() throws ServletException {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance()
                .getExternalContext().getRequest();
        String username = request.getRemoteUser();
        endSession(request);
        if (username != null) {
            AuthenticationLog.loggedOut(username, request.getRemoteAddr());
        }
        Pages.redirect("/");
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
