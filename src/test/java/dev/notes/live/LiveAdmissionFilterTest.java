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
import dev.notes.platform.GracefulShutdown;
import dev.notes.throttle.DelayedRefusals;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class LiveAdmissionFilterTest {

    private static final String ADDRESS = "198.51.100.7";

    private final ClientSockets sockets = ClientSocketsTest.capped(2);
    private final DelayedRefusals refusals = mock(DelayedRefusals.class);
    private final GracefulShutdown shutdown = mock(GracefulShutdown.class);
    private final LiveAdmissionFilter filter = new LiveAdmissionFilter(sockets, refusals, shutdown);
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
    void anAddressHeldOffAfterAFloodIsRefusedLateWithHowLongToWait() throws Exception {
        filter.doFilter(upgrade(ADDRESS), mock(HttpServletResponse.class), handshakeSucceeds());
        opened.get(0).holdOffAddress();
        HttpServletRequest again = upgrade(ADDRESS);
        HttpServletResponse refused = mock(HttpServletResponse.class);
        FilterChain chain = mock(FilterChain.class);

        filter.doFilter(again, refused, chain);

        ArgumentCaptor<DelayedRefusals.Answer> answer = ArgumentCaptor.forClass(DelayedRefusals.Answer.class);
        verify(refusals).refuse(eq(again), eq(refused), answer.capture());
        verify(chain, never()).doFilter(any(), any());
        StringWriter body = new StringWriter();
        when(refused.getWriter()).thenReturn(new PrintWriter(body));
        answer.getValue().write(refused);
        verify(refused).setStatus(429);
        verify(refused).setHeader("Retry-After", "30");
        assertThat(body.toString()).contains("closed for sending too many messages").contains("30 seconds");
        assertThat(sockets.count(ADDRESS)).as("only the first socket").isEqualTo(1);

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

    @Test
    void aStoppingInstanceRefusesHandshakesWith503AndCountsNothing() throws Exception {
        when(shutdown.hasBegun()).thenReturn(true);
        HttpServletResponse refused = mock(HttpServletResponse.class);
        FilterChain chain = mock(FilterChain.class);

        filter.doFilter(upgrade(ADDRESS), refused, chain);

        verify(refused).sendError(eq(503), anyString());
        verify(chain, never()).doFilter(any(), any());
        assertThat(sockets.count(ADDRESS)).isZero();
    }
}
