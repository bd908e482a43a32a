package dev.notes.user;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * One login of a user as the account page lists it: when the password was checked, from which
 * address, in which browser (its {@code User-Agent}, cut short and made printable). {@code id} is
 * the login's own random id ({@link SignedInUser#loginId}), never the session id.
 */
public record ActiveLogin(String id, Instant startedAt, String address, String browser) {

    /** Longer user agents are cut: the page shows them, and Redis keeps them. */
    public static final int BROWSER_MAX = 200;
    static final int ADDRESS_MAX = 64;

    /** Bounded and printable, whatever the client sent. */
    public static ActiveLogin of(String id, Instant startedAt, String address, String userAgent) {
        return new ActiveLogin(id, startedAt, printable(address, ADDRESS_MAX), printable(userAgent, BROWSER_MAX));
    }

    /** {@code user}'s login, started by {@code request}: its client address and browser. */
    public static ActiveLogin of(SignedInUser user, HttpServletRequest request) {
        return of(user.loginId(), user.loggedInAt(), request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    /** {@code startedAt} in milliseconds, the address and the browser, tab-separated (neither holds a tab). */
    public String encode() {
        return startedAt.toEpochMilli() + "\t" + address + "\t" + browser;
    }

    /** What {@link #encode} wrote, or empty for anything else (a value of another version, say). */
    public static Optional<ActiveLogin> decode(String id, String text) {
        String[] parts = text == null ? new String[0] : text.split("\t", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(id, Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1], parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String printable(String text, int max) {
        if (text == null || text.isBlank()) {
            return "unknown";
        }
        StringBuilder clean = new StringBuilder();
        text.codePoints().limit(max).forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return clean.toString().strip();
    }
}
