package dev.notes.user;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;

/**
 * Takes a login off its user's {@link LoginIndex} when its session lets go of it, whichever way:
 * logout (Jakarta Security's clean-up removes the attribute), an invalidated session (logout
 * everywhere, an ended lifetime or epoch, a password change's fresh session), or an expired one.
 * The one place for all of them, on whichever instance the session ends.
 */
@WebListener
public class LoginIndexMaintenance implements HttpSessionAttributeListener {

    @Inject
    private LoginIndex logins;

    @Override
    public void attributeRemoved(HttpSessionBindingEvent event) {
        if (event.getValue() instanceof SignedInUser user && user.loginId() != null) {
            logins.remove(user.username(), user.loginId());
        }
    }
}
