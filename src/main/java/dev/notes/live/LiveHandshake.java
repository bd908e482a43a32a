package dev.notes.live;

import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.security.Principal;

/**
 * Takes the user from the handshake's HTTP request (the login mechanism has run for it), never from
 * anything the client sends later, and the socket's place in its client address's count from
 * {@link LiveAdmissionFilter}. The {@code Origin} check happens before this, in
 * {@code SameOriginFilter}, which refuses cross-site upgrade requests.
 */
public class LiveHandshake extends ServerEndpointConfig.Configurator {

    static final String USERNAME = "dev.notes.live.username";
    static final String HTTP_SESSION_ID = "dev.notes.live.httpSessionId";
    static final String SLOT = "dev.notes.live.slot";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        // WebSocket 2.1 gives each handshake its own copy of the user properties; set or clear each
        // so nothing of an earlier handshake can linger.
        Principal principal = request.getUserPrincipal();
        put(config, USERNAME, principal == null ? null : principal.getName());
        put(config, HTTP_SESSION_ID, request.getHttpSession() instanceof HttpSession session ? session.getId() : null);
        put(config, SLOT, LiveAdmissionFilter.claimSlot());
    }

    private static void put(ServerEndpointConfig config, String key, Object value) {
        if (value == null) {
            config.getUserProperties().remove(key);
        } else {
            config.getUserProperties().put(key, value);
        }
    }
}
