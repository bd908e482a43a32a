package dev.notes.cluster;

import dev.notes.platform.Settings;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the messages an instance publishes on Redis (live events, session epoch changes) and checks
 * those it receives ({@link #seal}, {@link #open}, {@link #requireRecent}), with HMAC-SHA256
 * under the key every instance of the cluster shares ({@code NOTES_EVENT_SECRET}). Whoever can
 * write to Redis but lacks the key can then make no instance show a change nobody made.
 * <p>
 * A signature is the HMAC of the encoded event's exact UTF-8 bytes, in unpadded base64url
 * ({@link #SIGNATURE_CHARS} characters). It does not cover the id, which Redis assigns in the same
 * script that publishes; the receiver checks ids against Redis's own count instead (see
 * {@link RedisEventPublisher}).
 */
final class EventSigner {

    static final String ALGORITHM = "HmacSHA256";
    /** 32 bytes of HMAC-SHA256 in unpadded base64. */
    static final int SIGNATURE_CHARS = 43;
    /**
     * How far a signed message's time may lie from the receiver's: a captured signed message
     * replayed later is refused. Generous, for clocks that disagree and a Redis that was paused.
     */
    static final Duration MAX_SIGNED_AGE = Duration.ofMinutes(5);

    private static final Base64.Encoder TEXT = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    EventSigner(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        mac(); // a key the provider refuses fails here, at start-up, not on the first event
    }

    /** The cluster's signer, if {@code NOTES_EVENT_SECRET} is set. */
    static Optional<EventSigner> configured(Settings settings) {
        return settings.cluster().eventSecret().map(secret -> new EventSigner(secret.bytes()));
    }

    String sign(String encodedEvent) {
        return TEXT.encodeToString(mac().doFinal(encodedEvent.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code <signature>|<payload>}: a payload as a signing instance sends it. */
    String seal(String payload) {
        return sign(payload) + "|" + payload;
    }

    /**
     * The payload of {@code <signature>|<payload>}, when the signature is this key's.
     *
     * @throws EventCodec.InvalidEventException when it is not signed, or not by this key
     */
    String open(String sealed) {
        if (sealed.length() <= SIGNATURE_CHARS || sealed.charAt(SIGNATURE_CHARS) != '|') {
            throw new EventCodec.InvalidEventException("not signed");
        }
        String payload = sealed.substring(SIGNATURE_CHARS + 1);
        if (!verify(payload, sealed.substring(0, SIGNATURE_CHARS))) {
            throw new EventCodec.InvalidEventException("signature does not match");
        }
        return payload;
    }

    /**
     * Refuses a signed {@code what} dated further than {@link #MAX_SIGNED_AGE} from {@code now}: a
     * signature proves who wrote a message, not that it is new.
     *
     * @throws EventCodec.InvalidEventException naming the date
     */
    static void requireRecent(String what, Instant dated, Instant now) {
        if (Duration.between(dated, now).abs().compareTo(MAX_SIGNED_AGE) > 0) {
            throw new EventCodec.InvalidEventException("signed " + what + " dated " + dated
                    + ", too far from now (a replay?)");
        }
    }

    /**
     * Whether {@code signature} is this key's for {@code encodedEvent}, compared as text in
     * constant time: only the one spelling {@link #sign} gives passes (base64 decoders ignore the
     * spare bits of the last character, which would let several spellings pass).
     */
    boolean verify(String encodedEvent, String signature) {
        return MessageDigest.isEqual(sign(encodedEvent).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** A Mac is not thread-safe and cheap to make: one per use. */
    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }
}
