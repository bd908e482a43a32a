package dev.notes.live;

import dev.notes.platform.GracefulShutdown;
import dev.notes.throttle.DelayedRefusals;
import dev.notes.throttle.Waits;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Caps the open sockets per client address before the WebSocket handshake: an upgrade request
 * from an address that has its share gets 429 and costs nothing more. So does one from an address
 * held off after flooding ({@link ClientSockets#heldOff}), answered late through
 * {@link DelayedRefusals}: a flooder's reconnect loop slows to one attempt per delay. The address is the
 * servlet request's, which Liberty's {@code remoteIp} takes from a trusted proxy's forwarded
 * header; a WebSocket handshake request has none of its own.
 * <p>
 * The slot reserved here reaches the endpoint through {@link LiveHandshake}, which the container
 * calls on this request's thread, inside {@code chain.doFilter}; a handshake that does not get
 * that far (refused origin, no valid upgrade) leaves the slot here, and it is released.
 * <p>
 * While the instance stops ({@link GracefulShutdown}) every handshake gets 503: the pages it just
 * closed reconnect at once, and a load balancer that still sends one here passes it on to another
 * instance (nginx: {@code proxy_next_upstream http_503}) or the page retries.
 */
@WebFilter(urlPatterns = "/live", asyncSupported = true)
public class LiveAdmissionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LiveAdmissionFilter.class.getName());
    private static final ThreadLocal<ClientSockets.Slot> HANDSHAKING = new ThreadLocal<>();
    private static final int TOO_MANY_REQUESTS = 429;
    /** Sockets of a page live as long as the page: there is no point retrying much sooner. */
    static final String RETRY_AFTER_SECONDS = "30";

    @Inject
    private transient ClientSockets sockets;

    @Inject
    private transient DelayedRefusals refusals;

    @Inject
    private transient GracefulShutdown shutdown;

    public LiveAdmissionFilter() {
        // for the container, which injects the sockets
    }

    LiveAdmissionFilter(ClientSockets sockets, DelayedRefusals refusals, GracefulShutdown shutdown) {
        this.sockets = sockets;
        this.refusals = refusals;
        this.shutdown = shutdown;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            chain.doFilter(request, response);
            return;
        }
        if (shutdown.hasBegun()) {
            response.setHeader("Retry-After", "1");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "This instance is stopping.");
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> heldOff = sockets.heldOff(address);
        if (heldOff.isPresent()) {
            refusals.refuse(request, response, answer -> {
                answer.setStatus(TOO_MANY_REQUESTS);
                answer.setHeader("Retry-After", Long.toString(Waits.retryAfterSeconds(heldOff.get())));
                answer.setContentType("text/plain;charset=UTF-8");
                answer.getWriter().write("A live connection from your address was closed for sending too many"
                        + " messages: no new one for " + Waits.inWords(heldOff.get()) + ".");
            });
            return;
        }
        Optional<ClientSockets.Slot> slot = sockets.reserve(address);
        if (slot.isEmpty()) {
            LOG.fine(() -> "Refused a live socket from " + address + ": it has " + sockets.perAddress() + " open");
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.sendError(TOO_MANY_REQUESTS, "Too many live connections from your address: at most "
                    + sockets.perAddress() + " per instance.");
            return;
        }
        HANDSHAKING.set(slot.get());
        try {
            chain.doFilter(request, response);
        } finally {
            ClientSockets.Slot unclaimed = HANDSHAKING.get();
            HANDSHAKING.remove();
            if (unclaimed != null) {
                unclaimed.release();
            }
        }
    }

    /** The slot of the handshake running on this thread, handed over once; null if there is none. */
    static ClientSockets.Slot claimSlot() {
        ClientSockets.Slot slot = HANDSHAKING.get();
        HANDSHAKING.remove();
        return slot;
    }
}
