package dev.notes.throttle;

import dev.notes.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refusals answered late. A refused client that tries again at once, as an attacker's loop does,
 * would otherwise get hundreds of cheap refusals a second per connection, and their sum is not
 * cheap; held for {@code REFUSAL_DELAY}, each of its connections makes one attempt per delay. A
 * person who is refused waits that much longer for a page that says "not now" anyway.
 * <p>
 * The request waits in asynchronous mode (its timeout is the delay), so no thread is held. At most
 * {@code REFUSALS_HELD_MAX} wait at once on an instance; beyond that, refusals are answered at once
 * rather than letting held connections grow without bound.
 */
@ApplicationScoped
public class DelayedRefusals {

    /** Writes the refusal: status, headers and body. */
    @FunctionalInterface
    public interface Answer {
        void write(HttpServletResponse response) throws IOException;
    }

    private static final Logger LOG = Logger.getLogger(DelayedRefusals.class.getName());

    private final AtomicInteger held = new AtomicInteger();

    @Inject
    private Settings settings;

    public DelayedRefusals() {
        // for CDI
    }

    DelayedRefusals(Settings settings) {
        this.settings = settings;
    }

    /**
     * Answers the request with {@code answer} after the delay, or at once when too many are held or
     * the request cannot wait asynchronously (a filter or servlet before this one does not allow it).
     */
    public void refuse(HttpServletRequest request, HttpServletResponse response, Answer answer) throws IOException {
        Settings.Refusals limits = settings.refusals();
        if (!request.isAsyncSupported() || !reserve(limits.maxHeld())) {
            answer.write(response);
            return;
        }
        AsyncContext waiting;
        try {
            waiting = request.startAsync(request, response);
        } catch (IllegalStateException cannotWait) {
            held.decrementAndGet();
            answer.write(response);
            return;
        }
        waiting.setTimeout(limits.delay().toMillis());
        waiting.addListener(new Release(answer));
    }

    /** How many refusals are waiting now. */
    int held() {
        return held.get();
    }

    private boolean reserve(int max) {
        if (held.incrementAndGet() <= max) {
            return true;
        }
        held.decrementAndGet();
        return false;
    }

    /** Answers when the delay is over, and gives the place back however the wait ends. */
    private final class Release implements AsyncListener {

        private final Answer answer;

        Release(Answer answer) {
            this.answer = answer;
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            AsyncContext waiting = event.getAsyncContext();
            try {
                answer.write((HttpServletResponse) waiting.getResponse());
            } catch (IOException | RuntimeException clientGone) {
                LOG.log(Level.FINE, "A delayed refusal could not be sent", clientGone);
            } finally {
                waiting.complete();
            }
        }

        @Override
        public void onError(AsyncEvent event) {
            event.getAsyncContext().complete();
        }

        @Override
        public void onComplete(AsyncEvent event) {
            held.decrementAndGet();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // the wait started in refuse()
        }
    }
}
