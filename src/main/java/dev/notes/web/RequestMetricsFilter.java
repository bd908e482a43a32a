package dev.notes.web;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Counts and times every request the application serves, as the timer {@code notes.http.requests}
 * (Prometheus: {@code notes_http_requests_seconds_count}, {@code _sum} and {@code _bucket}), tagged
 * with its {@link Route} and its status class ({@code 2xx} … {@code 5xx}): a bounded set of series
 * whatever paths clients send. The first filter in web.xml, so refusals by the filters after it
 * are counted and timed too; a request that went asynchronous (a refusal answered late) is timed
 * until its answer completes. What Liberty does after the filters (writing the session to its
 * store) is outside it.
 */
public class RequestMetricsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    @Inject
    private transient MetricRegistry registry;

    /** Route × status class → its timer, made at the first such request (so unused pairs show no series). */
    private final transient AtomicReferenceArray<Timer> timers =
            new AtomicReferenceArray<>(Route.values().length * STATUS_CLASSES.length);

    private final transient Metadata metadata = Metadata.builder().withName("notes.http.requests")
            .withDescription("Requests served by the application, by page or API route and status class")
            .withUnit(MetricUnits.SECONDS).build();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        Route route = Route.of(request.getRequestURI().substring(request.getContextPath().length()));
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Completion(route, start), request, response);
            } else {
                record(route, response.getStatus(), start);
            }
        }
    }

    private void record(Route route, int status, long start) {
        int statusClass = Math.min(Math.max(status / 100, 1), STATUS_CLASSES.length) - 1;
        int index = route.ordinal() * STATUS_CLASSES.length + statusClass;
        Timer timer = timers.get(index);
        if (timer == null) {
            timer = registry.timer(metadata, new Tag("route", route.label()), new Tag("status", STATUS_CLASSES[statusClass]));
            timers.set(index, timer);
        }
        timer.update(Duration.ofNanos(System.nanoTime() - start));
    }

    /** Times an asynchronous request until its answer is complete. */
    private final class Completion implements AsyncListener {

        private final Route route;
        private final long start;

        Completion(Route route, long start) {
            this.route = route;
            this.start = start;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            record(route, ((HttpServletResponse) event.getSuppliedResponse()).getStatus(), start);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // the same request, still timed from its start
        }
    }
}
