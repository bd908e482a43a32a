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
        logOut((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
        Pages.redirect("/");
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
