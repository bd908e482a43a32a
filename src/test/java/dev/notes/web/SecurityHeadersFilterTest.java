package dev.notes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.InOrder;

class SecurityHeadersFilterTest {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Test
    void theContentSecurityPolicyAllowsOnlyThisOrigin() {
        assertThat(SecurityHeadersFilter.CONTENT_SECURITY_POLICY).isEqualTo(CSP);
        assertThat(SecurityHeadersFilter.CONTENT_SECURITY_POLICY).doesNotContain("unsafe-inline", "unsafe-eval", "*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void setsTheHeadersBeforeCallingTheChain(String method) throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        HttpServletResponse response = mock(HttpServletResponse.class);
        FilterChain chain = mock(FilterChain.class);
        when(request.getMethod()).thenReturn(method);

        new SecurityHeadersFilter().doFilter(request, response, chain);

        InOrder order = inOrder(response, chain);
        order.verify(response).setHeader("Content-Security-Policy", CSP);
        order.verify(response).setHeader("X-Content-Type-Options", "nosniff");
        order.verify(response).setHeader("X-Frame-Options", "DENY");
        order.verify(response).setHeader("Referrer-Policy", "same-origin");
        order.verify(chain).doFilter(request, response);
        verifyNoMoreInteractions(response, chain);
    }

    @Test
    void theChainIsCalledExactlyOnce() throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        HttpServletResponse response = mock(HttpServletResponse.class);
        FilterChain chain = mock(FilterChain.class);

        new SecurityHeadersFilter().doFilter(request, response, chain);

        verify(chain).doFilter(request, response);
    }
}
