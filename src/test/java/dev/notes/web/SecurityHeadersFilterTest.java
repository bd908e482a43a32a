package dev.notes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.security.Principal;
import java.util.Optional;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.InOrder;

class SecurityHeadersFilterTest {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types notes-server-html";

    private static final Principal CALLER = () -> "alice";

    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final FilterChain chain = mock(FilterChain.class);

    private void requestFor(String path, Principal caller) {
        when(request.getContextPath()).thenReturn("");
        when(request.getRequestURI()).thenReturn(path);
        when(request.getUserPrincipal()).thenReturn(caller);
    }

    @Test
    void theContentSecurityPolicyAllowsOnlyThisOriginAndRequiresTrustedTypes() {
        assertThat(SecurityHeadersFilter.CONTENT_SECURITY_POLICY).isEqualTo(CSP);
        assertThat(SecurityHeadersFilter.CONTENT_SECURITY_POLICY).doesNotContain("unsafe-inline", "unsafe-eval", "*");
    }

    @Test
    void withAnOpenIdProviderFormsMayAlsoLeadToItsOriginAndNowhereElse() {
        String policy = SecurityHeadersFilter.contentSecurityPolicy(
                Optional.of(URI.create("https://login.example.org:8443/realms/notes")));
        assertThat(policy).isEqualTo(CSP.replace("form-action 'self'", "form-action 'self' https://login.example.org:8443"));
        assertThat(SecurityHeadersFilter.contentSecurityPolicy(Optional.empty())).isEqualTo(CSP);
    }

    @Test
    void thePermissionsPolicyDeniesEveryFeatureItNames() {
        String[] features = SecurityHeadersFilter.PERMISSIONS_POLICY.split(", ");
        assertThat(features).allSatisfy(feature -> assertThat(feature).matches("[a-z-]+=\\(\\)"));
        assertThat(Arrays.stream(features).map(feature -> feature.substring(0, feature.indexOf('='))))
                .contains("camera", "microphone", "geolocation", "payment", "usb")
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/note/view", "/resources/js/live.js"})
    void everyResponseGetsTheHardeningHeadersBeforeTheChainRuns(String path) throws Exception {
        requestFor(path, null);

        new SecurityHeadersFilter().doFilter(request, response, chain);

        InOrder order = inOrder(response, chain);
        order.verify(response).setHeader("Content-Security-Policy", CSP);
        order.verify(response).setHeader("Permissions-Policy", SecurityHeadersFilter.PERMISSIONS_POLICY);
        order.verify(response).setHeader("Cross-Origin-Opener-Policy", "same-origin");
        order.verify(response).setHeader("Cross-Origin-Resource-Policy", "same-origin");
        order.verify(response).setHeader("X-Content-Type-Options", "nosniff");
        order.verify(response).setHeader("X-Frame-Options", "DENY");
        order.verify(response).setHeader("Referrer-Policy", "same-origin");
        order.verify(chain).doFilter(request, response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/note/view", "/note/edit.xhtml", "/api/notes/k/comments", "/user/register"})
    void aPageOrApiAnswerToALoggedInCallerIsNotStored(String path) throws Exception {
        requestFor(path, CALLER);

        new SecurityHeadersFilter().doFilter(request, response, chain);

        InOrder order = inOrder(response, chain);
        order.verify(response).setHeader("Cache-Control", "no-store");
        order.verify(chain).doFilter(request, response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/jakarta.faces.resource/faces.js", "/webjars/bootstrap/5.3.8/css/bootstrap.min.css",
            "/resources/css/notes.css", "/resources/js/live.js", "/resources/favicon.svg"})
    void aStaticFileKeepsItsCachingForALoggedInCaller(String path) throws Exception {
        requestFor(path, CALLER);

        new SecurityHeadersFilter().doFilter(request, response, chain);

        verify(response, never()).setHeader(eq("Cache-Control"), anyString());
        verify(chain).doFilter(request, response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/note/view", "/api/notes/k/comments"})
    void anAnonymousAnswerIsLeftToThePageCache(String path) throws Exception {
        requestFor(path, null);

        new SecurityHeadersFilter().doFilter(request, response, chain);

        verify(response, never()).setHeader(eq("Cache-Control"), anyString());
    }

    @Test
    void staticPathsAreRecognisedUnderAnyContextRoot() {
        when(request.getContextPath()).thenReturn("/notes");
        when(request.getRequestURI()).thenReturn("/notes/resources/js/live.js");
        assertThat(SecurityHeadersFilter.isStatic(request)).isTrue();

        when(request.getRequestURI()).thenReturn("/notes/note/view");
        assertThat(SecurityHeadersFilter.isStatic(request)).isFalse();
        when(request.getRequestURI()).thenReturn("/notes/resourcesfake");
        assertThat(SecurityHeadersFilter.isStatic(request)).isFalse();
    }
}
