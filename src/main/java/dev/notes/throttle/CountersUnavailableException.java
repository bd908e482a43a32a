package dev.notes.throttle;

/**
 * The counters' store (Redis, in a cluster) cannot be reached. Callers answer "temporarily
 * unavailable", as for the session store, which is the same Redis: never unthrottled, never a 500.
 */
public class CountersUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CountersUnavailableException(Throwable cause) {
        super("The throttling counters cannot be reached", cause);
    }
}
