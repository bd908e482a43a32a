package dev.notes.web;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The id that ties a request's log lines together, and to the lines of the proxy in front: the
 * proxy's {@code X-Request-Id} when it is well-formed (nginx's {@code $request_id} is 32 hex digits,
 * others send UUIDs), otherwise a new one. Well-formed means 1 to 64 letters, digits, {@code .},
 * {@code _} or {@code -}: whatever else a client sends (line breaks, quotes, control characters, a
 * megabyte) could forge or break a log line, so it is never used.
 */
final class RequestId {

    static final String HEADER = "X-Request-Id";
    static final int MAX_LENGTH = 64;

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    private RequestId() {
    }

    /** The incoming id if it is well-formed, else a new one. */
    static String of(String incoming) {
        return wellFormed(incoming).orElseGet(RequestId::newId);
    }

    static Optional<String> wellFormed(String incoming) {
        return incoming != null && WELL_FORMED.matcher(incoming).matches() ? Optional.of(incoming) : Optional.empty();
    }

    /**
     * 128 random bits in hex, like nginx's: an id only needs to be unique, not unguessable (it
     * grants nothing), so no secure random generator is spent on it.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
    }
}
