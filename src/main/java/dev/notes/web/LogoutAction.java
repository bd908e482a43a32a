package dev.notes.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Logout, from the header's form (a POST with the view state, so no other site can log a user out).
 * Invalidating the session ends the login wherever the session is shared.
 */
@Named
@RequestScoped
public class LogoutAction {

    public void logout() throws ServletException {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance()
                .getExternalContext().getRequest();
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
        Pages.redirect("/");
    }
}
