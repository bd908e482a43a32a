package dev.notes.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Stopping without failing anyone: on SIGTERM (Kubernetes, Docker, {@code kill}) the instance first
 * reports not ready ({@link ShutdownReadinessCheck}) and tells the application ({@link ShutdownBegun}:
 * the live sockets are closed with 1001, "going away", and their pages reconnect at once to another
 * instance), keeps serving for {@code SHUTDOWN_DRAIN} while load balancers take it out, and only then
 * lets the JVM shut down: Liberty's stop stops accepting connections, finishes the requests in
 * flight (its quiesce, at most 30 s) and stops the application.
 * <p>
 * Why a signal handler: Liberty stops listening as soon as its stop begins, and an application
 * hears of the stop only afterwards (its contexts are destroyed after the quiesce), so nothing but
 * the signal itself comes early enough for a readiness check to answer DOWN. The handler takes the
 * JVM's place for SIGTERM and hands the signal on to it after the drain; a second SIGTERM is handed
 * on at once. {@code sun.misc.Signal} is the JDK's supported way for this ({@code jdk.unsupported}).
 * {@code server stop} goes through Liberty's command port, not a signal, and stops at once as before.
 */
@ApplicationScoped
public class GracefulShutdown {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());
    private static final Signal TERM = new Signal("TERM");
    /** What a process ended by SIGTERM exits with (128 + 15), as the JVM's own handler does. */
    private static final int TERMINATED_EXIT_STATUS = 143;

    private final AtomicBoolean begun = new AtomicBoolean();
    private Duration drain;
    private Event<ShutdownBegun> shutdownBegun;
    /** The JVM's handler, which runs the shutdown hooks (Liberty's stop among them); null if not installed. */
    private SignalHandler previous;
    private SignalHandler own;

    GracefulShutdown() {
        // for the container's proxy
    }

    @Inject
    GracefulShutdown(Settings settings, Event<ShutdownBegun> shutdownBegun) {
        this.drain = settings.shutdownDrain();
        this.shutdownBegun = shutdownBegun;
    }

    void installOnStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        own = this::terminated;
        SignalHandler before = Signal.handle(TERM, own);
        if (before == SignalHandler.SIG_IGN) {
            // The JVM was told to leave SIGTERM alone (-Xrs, or an ignoring parent): so do we.
            Signal.handle(TERM, before);
            LOG.warning("SIGTERM is ignored in this JVM: no graceful shutdown on it.");
            return;
        }
        previous = before;
    }

    /** True from SIGTERM on. */
    public boolean hasBegun() {
        return begun.get();
    }

    /** Runs on a thread of its own, which the JVM starts for the signal. */
    private void terminated(Signal signal) {
        if (!begun.compareAndSet(false, true)) {
            handOn(signal);
            return;
        }
        LOG.info("SIGTERM: not ready from now on, live sockets closed with 1001; Liberty stops accepting"
                + " connections in " + drain.toMillis() + " ms, then finishes the requests in flight (at most 30 s).");
        try {
            shutdownBegun.fire(new ShutdownBegun(drain));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not prepare every part of the application for the shutdown", e);
        }
        try {
            Thread.sleep(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handOn(signal);
    }

    private void handOn(Signal signal) {
        if (previous == null || previous == SignalHandler.SIG_DFL) {
            Runtime.getRuntime().exit(TERMINATED_EXIT_STATUS);
        } else {
            previous.handle(signal);
        }
    }

    /** The application stops (a redeployment, or the JVM's shutdown): SIGTERM is the JVM's again. */
    @PreDestroy
    void uninstall() {
        if (previous != null && !begun.get()) {
            Signal.handle(TERM, previous);
        }
    }
}
