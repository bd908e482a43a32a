package dev.notes.platform;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The two keys that MyFaces encrypts ({@value #ALGORITHM}) and signs ({@value #MAC_ALGORITHM}) the
 * client-side view state with, from {@code NOTES_FACES_SECRET} and {@code NOTES_FACES_MAC_SECRET}.
 * Whoever holds them can forge a view state that MyFaces deserialises, so they are checked before
 * MyFaces gets them: both set or neither (and both in a cluster, whose instances must share them),
 * base64 of random bytes ({@link RandomKeys}: what MyFaces decodes with {@link Base64#getDecoder()})
 * of a length AES and a strong HMAC take. Error messages name the variable and never show its value.
 */
public final class FacesKeys {

    public static final String SECRET = "NOTES_FACES_SECRET";
    public static final String MAC_SECRET = "NOTES_FACES_MAC_SECRET";

    /** The cipher MyFaces is told to use (its default since 4.0, set explicitly so the key lengths below hold). */
    public static final String ALGORITHM = "AES";
    /** The MAC MyFaces is told to use (its default since 3.0, likewise set explicitly). */
    public static final String MAC_ALGORITHM = "HmacSHA256";

    /** AES-128, -192 and -256. */
    static final Set<Integer> SECRET_LENGTHS = Set.of(16, 24, 32);
    /** An HMAC-SHA256 key as long as its output, as RFC 2104 recommends. */
    static final int MAC_SECRET_MIN_LENGTH = 32;

    private static final String HOW_TO_MAKE = "make each key with 'openssl rand -base64 32' (the same pair on"
            + " every instance) and pass it through the environment or a secret store";

    private final byte[] secret;
    private final byte[] macSecret;

    private FacesKeys(byte[] secret, byte[] macSecret) {
        this.secret = secret;
        this.macSecret = macSecret;
    }

    /**
     * The keys from the two values as set (blank counts as unset), or none when neither is set and
     * the instance runs alone (MyFaces then makes random ones at each start). Every problem found is
     * added to {@code problems}, as a sentence naming the variable.
     */
    static Optional<FacesKeys> read(Optional<String> secretValue, Optional<String> macSecretValue,
                                    boolean clustered, List<String> problems) {
        if (secretValue.isEmpty() && macSecretValue.isEmpty()) {
            if (clustered) {
                problems.add("NOTES_CLUSTER=redis needs " + SECRET + " and " + MAC_SECRET + ", the same on every"
                        + " instance, or a form rendered by one instance fails on another: " + HOW_TO_MAKE);
            }
            return Optional.empty();
        }
        if (secretValue.isEmpty() || macSecretValue.isEmpty()) {
            String set = secretValue.isPresent() ? SECRET : MAC_SECRET;
            String missing = secretValue.isPresent() ? MAC_SECRET : SECRET;
            problems.add(set + " is set but " + missing + " is not: set both or neither; " + HOW_TO_MAKE);
            return Optional.empty();
        }
        int before = problems.size();
        byte[] secret = RandomKeys.decode(SECRET, secretValue.get(), HOW_TO_MAKE, problems);
        byte[] macSecret = RandomKeys.decode(MAC_SECRET, macSecretValue.get(), HOW_TO_MAKE, problems);
        if (secret != null && !SECRET_LENGTHS.contains(secret.length)) {
            problems.add(SECRET + " decodes to " + secret.length + " bytes, but an AES key has 16, 24 or 32; "
                    + HOW_TO_MAKE);
        }
        if (macSecret != null && macSecret.length < MAC_SECRET_MIN_LENGTH) {
            problems.add(MAC_SECRET + " decodes to " + macSecret.length + " bytes, fewer than the "
                    + MAC_SECRET_MIN_LENGTH + " an " + MAC_ALGORITHM + " key needs; " + HOW_TO_MAKE);
        }
        if (secret != null && macSecret != null && Arrays.equals(secret, macSecret)) {
            problems.add(SECRET + " and " + MAC_SECRET + " are the same key: each needs its own; " + HOW_TO_MAKE);
        }
        return problems.size() == before ? Optional.of(new FacesKeys(secret, macSecret)) : Optional.empty();
    }

    /** The cipher key, base64 as MyFaces' {@code org.apache.myfaces.SECRET} takes it. */
    public String secretBase64() {
        return Base64.getEncoder().encodeToString(secret);
    }

    /** The MAC key, base64 as MyFaces' {@code org.apache.myfaces.MAC_SECRET} takes it. */
    public String macSecretBase64() {
        return Base64.getEncoder().encodeToString(macSecret);
    }

    /** The key lengths only: the keys themselves never reach a log. */
    @Override
    public String toString() {
        return "FacesKeys[" + ALGORITHM + " " + secret.length * 8 + " bits, " + MAC_ALGORITHM + " "
                + macSecret.length * 8 + " bits]";
    }
}
