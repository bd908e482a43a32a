package dev.notes.cluster;

import dev.notes.platform.Settings;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the events an instance publishes on Redis and checks those it receives, with HMAC-SHA256
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
