package dev.notes.throttle;

import java.time.Duration;

/** How long to wait, in words for a message and in seconds for {@code Retry-After}. */
public final class Waits {

    private Waits() {
    }

    /** Whole seconds, rounded up, at least 1: a client told "0" would retry at once. */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** "45 seconds", "1 minute", "15 minutes": rounded up, so the user never comes back too early. */
    public static String inWords(Duration wait) {
        long seconds = retryAfterSeconds(wait);
        if (seconds < 60) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
