package dev.notes.cluster;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session epoch change as it travels between instances: {@code <millis>|<username>}, the time it
 * was announced and whose epoch changed, preceded by {@code <signature>|} when the cluster signs
 * ({@link EventSigner}, the key of the live events). It carries no epoch: a receiver only forgets
 * what it cached and reads the epoch from the database, so a forged message can at worst cost a
 * query, never keep a login alive or end one. Checked like an event all the same: its size and
 * shape, the username's characters, and when signed the signature and a time within
 * {@link EventSigner#MAX_SIGNED_AGE} of the receiver's (no replay).
 */
final class SessionEpochMessage {

    /** Far above the longest valid message (a signature, 19 digits, a 40-character name, two bars). */
    static final int MAX_CHARS = 200;

    private static final Pattern UNSIGNED = Pattern.compile("([0-9]{1,18})\\|([a-z0-9._-]{1,40})");

    private SessionEpochMessage() {
    }

    static String encode(String username, Instant now, Optional<EventSigner> signer) {
        String payload = now.toEpochMilli() + "|" + username;
        return signer.map(s -> s.seal(payload)).orElse(payload);
    }

    /**
     * The username whose epoch changed.
     *
     * @throws EventCodec.InvalidEventException saying what is wrong with anything that is not such a message
     */
    static String decode(String message, Optional<EventSigner> signer, Instant now) {
        if (message.length() > MAX_CHARS) {
            throw new EventCodec.InvalidEventException("longer than " + MAX_CHARS + " characters");
        }
        String payload = signer.isPresent() ? signer.get().open(message) : message;
        Matcher parts = UNSIGNED.matcher(payload);
        if (!parts.matches()) {
            throw new EventCodec.InvalidEventException("not <time>|<username>");
        }
        if (signer.isPresent()) {
            EventSigner.requireRecent("message", Instant.ofEpochMilli(Long.parseLong(parts.group(1))), now);
        }
        return parts.group(2);
    }
}
