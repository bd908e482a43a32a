package dev.notes.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveAdmissionFilterTest {

    private static final String ADDRESS = "198.51.100.7";

    private final ClientSockets sockets = ClientSocketsTest.capped(2);
    private final LiveAdmissionFilter filter = new LiveAdmissionFilter(sockets);
    private final List<ClientSockets.Slot> opened = new ArrayList<>();

    private static HttpServletRequest upgrade(String address) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getHeader("Upgrade")).thenReturn("websocket");
        when(request.getRemoteAddr()).thenReturn(address);
        return request;
    }

    /** A chain whose handshake succeeds: the container calls LiveHandshake, which claims the slot. */
    private FilterChain handshakeSucceeds() throws IOException, ServletException {
        FilterChain chain = mock(FilterChain.class);
        doAnswer(invocation -> {
            opened.add(LiveAdmissionFilter.claimSlot());
            return null;
        }).when(chain).doFilter(any(ServletRequest.class), any(ServletResponse.class));
        return chain;
    }

    @Test
    void anOpenedSocketKeepsItsSlotUntilItIsReleased() throws Exception {
        filter.doFilter(upgrade(ADDRESS), mock(HttpServletResponse.class), handshakeSucceeds());

        assertThat(opened).singleElement().isNotNull();
        assertThat(sockets.count(ADDRESS)).isEqualTo(1);
        assertThat(LiveAdmissionFilter.claimSlot()).as("handed over once, nothing left on the thread").isNull();
        opened.get(0).release();
        assertThat(sockets.count(ADDRESS)).isZero();
    }

    @Test
    void anUpgradeOverTheCapIsRefusedWith429BeforeTheHandshake() throws Exception {
        filter.doFilter(upgrade(ADDRESS), mock(HttpServletResponse.class), handshakeSucceeds());
        filter.doFilter(upgrade(ADDRESS), mock(HttpServletResponse.class), handshakeSucceeds());
        HttpServletResponse refused = mock(HttpServletResponse.class);
        FilterChain chain = mock(FilterChain.class);

        filter.doFilter(upgrade(ADDRESS), refused, chain);

        verify(refused).sendError(eq(429), anyString());
        verify(refused).setHeader("Retry-After", LiveAdmissionFilter.RETRY_AFTER_SECONDS);
        verify(chain, never()).doFilter(any(), any());
        assertThat(sockets.count(ADDRESS)).isEqualTo(2);

        FilterChain otherAddress = handshakeSucceeds();
        filter.doFilter(upgrade("203.0.113.5"), mock(HttpServletResponse.class), otherAddress);
        verify(otherAddress).doFilter(any(), any());
    }

    @Test
    void aHandshakeThatNeverReachesTheEndpointGivesItsSlotBack() throws Exception {
        FilterChain refusedOrigin = mock(FilterChain.class); // e.g. SameOriginFilter answered 403
        filter.doFilter(upgrade(ADDRESS), mock(HttpServletResponse.class), refusedOrigin);
        assertThat(sockets.count(ADDRESS)).isZero();

        FilterChain failing = mock(FilterChain.class);
        doThrow(new IOException("connection reset")).when(failing).doFilter(any(), any());
        try {
            filter.doFilter(upgrade(ADDRESS), mock(HttpServletResponse.class), failing);
        } catch (IOException expected) {
            // the container's business
        }
        assertThat(sockets.count(ADDRESS)).isZero();
        assertThat(LiveAdmissionFilter.claimSlot()).isNull();
    }

    @Test
    void requestsThatAreNoUpgradePassUncounted() throws Exception {
        HttpServletRequest plain = mock(HttpServletRequest.class);
        when(plain.getRemoteAddr()).thenReturn(ADDRESS);
        FilterChain chain = handshakeSucceeds();

        filter.doFilter(plain, mock(HttpServletResponse.class), chain);

        assertThat(opened).containsExactly((ClientSockets.Slot) null);
        assertThat(sockets.addresses()).isZero();
    }
}
