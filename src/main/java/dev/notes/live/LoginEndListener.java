package dev.notes.live;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** When an HTTP session ends (logout, expiry), the sockets opened with it are closed. */
@WebListener
public class LoginEndListener implements HttpSessionListener {

    @Inject
    private LiveDelivery delivery;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        delivery.httpSessionEnded(event.getSession().getId());
    }
}
