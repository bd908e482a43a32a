package dev.notes.live;

import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.security.Principal;

/**
 * Takes the user from the handshake's HTTP request (the login mechanism has run for it), never from
 * anything the client sends later. The {@code Origin} check happens before this, in
 * {@code SameOriginFilter}, which refuses cross-site upgrade requests.
 */
public class LiveHandshake extends ServerEndpointConfig.Configurator {

    static final String USERNAME = "dev.notes.live.username";
    static final String HTTP_SESSION_ID = "dev.notes.live.httpSessionId";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        // WebSocket 2.1 gives each handshake its own copy of the user properties; set or clear both
        // so nothing of an earlier handshake can linger.
        Principal principal = request.getUserPrincipal();
        put(config, USERNAME, principal == null ? null : principal.getName());
        put(config, HTTP_SESSION_ID, request.getHttpSession() instanceof HttpSession session ? session.getId() : null);
    }

    private static void put(ServerEndpointConfig config, String key, String value) {
        if (value == null) {
            config.getUserProperties().remove(key);
        } else {
            config.getUserProperties().put(key, value);
        }
    }
}
