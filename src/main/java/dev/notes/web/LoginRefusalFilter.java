package dev.notes.web;

import dev.notes.throttle.CountersUnavailableException;
import dev.notes.throttle.DelayedRefusals;
import dev.notes.throttle.LoginThrottle;
import dev.notes.throttle.Waits;
import dev.notes.user.AuthenticationLog;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Refuses a login from a client address whose failed logins are used up
 * ({@code LOGIN_FAILURES_PER_ADDRESS}) before the login page runs: no view state is decrypted, no
 * page rendered, no password hashed, and the 429 goes out after {@link DelayedRefusals}' delay.
 * That is a credential stuffer's loop, replaying the login form without a session; made cheap and
 * slow, it no longer takes the CPU that other users' pages need. The other counts (per account, per
 * account and address) need the username from the form and stay with the login page, which keeps
 * what was typed.
 * <p>
 * Declared in web.xml right after {@link RequestSizeFilter}, both allowing asynchronous requests,
 * so that the delayed answer holds no thread.
 */
public class LoginRefusalFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The page, with "{message}" where the sentence goes; outside the web root, never served as it is. */
    static final String PAGE = "/WEB-INF/refusals/too-many-logins.html";

    @Inject
    private transient LoginThrottle throttle;

    @Inject
    private transient DelayedRefusals refusals;

    private String page;

    @Override
    public void init() {
        try (InputStream in = getServletContext().getResourceAsStream(PAGE)) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + PAGE, e);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Duration> refusal = "POST".equals(request.getMethod()) ? addressRefusal(request) : Optional.empty();
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Duration wait = refusal.get();
        // The form is not read, so the username is not known.
        AuthenticationLog.checkThrottled(AuthenticationLog.PasswordCheck.LOGIN, null, request.getRemoteAddr(), wait);
        refusals.refuse(request, response, answer -> {
            answer.setStatus(Pages.TOO_MANY_REQUESTS);
            answer.setHeader("Retry-After", Long.toString(Waits.retryAfterSeconds(wait)));
            answer.setContentType("text/html;charset=UTF-8");
            answer.getWriter().write(page.replace("{message}", LoginPage.throttledMessage(wait)));
        });
    }

    private Optional<Duration> addressRefusal(HttpServletRequest request) {
        try {
            return throttle.addressRefusal(request.getRemoteAddr());
        } catch (CountersUnavailableException storeAway) {
            // The login page answers "temporarily unavailable" by itself.
            return Optional.empty();
        }
    }
}
