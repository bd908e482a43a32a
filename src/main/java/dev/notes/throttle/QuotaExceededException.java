package dev.notes.throttle;

import java.time.Duration;

/** Refused because a quota is used up: the message is for the user, {@link #retryAfter} for the client. */
public class QuotaExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public QuotaExceededException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
