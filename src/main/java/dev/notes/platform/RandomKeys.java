package dev.notes.platform;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decoding of the secret keys the settings carry ({@link FacesKeys}, {@code NOTES_EVENT_SECRET}):
 * base64 of random bytes, refused when it is a placeholder from the examples, not base64, empty,
 * one byte repeated, or a typed phrase rather than random bytes. One set of rules for every key,
 * so that a key that would be refused for the view state is not accepted for signing events.
 * <p>
 * Base64 is the standard alphabet ({@code A-Z a-z 0-9 + /}, {@code =} padding optional, no line
 * breaks): what {@code openssl rand -base64 32} prints. Problems name the variable and never show
 * its value.
 */
final class RandomKeys {

    /**
     * Values that stood in docs/ and the examples as "fill in here" (compared without case, blanks
     * and punctuation): refused with a message saying so, rather than as mere bad base64.
     */
    private static final Set<String> PLACEHOLDERS = Set.of("changeme", "secret", "macsecret", "password",
            "replaceme", "fillin", "xxx", "todo");

    private RandomKeys() {
    }

    /**
     * The bytes of the key in {@code value}, or null after adding to {@code problems} why it is
     * not one; {@code howToMake} ends each problem's sentence.
     */
    static byte[] decode(String name, String value, String howToMake, List<String> problems) {
        if (isPlaceholder(value)) {
            problems.add(name + " is a placeholder from the examples, not a key; " + howToMake);
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            problems.add(name + " is not base64 (the standard alphabet A-Z a-z 0-9 + /, = padding, one line); "
                    + howToMake);
            return null;
        }
        if (bytes.length == 0) {
            problems.add(name + " decodes to no bytes at all; " + howToMake);
            return null;
        }
        if (allEqual(bytes)) {
            problems.add(name + " is one byte repeated, not a random key; " + howToMake);
            return null;
        }
        if (printableText(bytes)) {
            problems.add(name + " decodes to plain text, a password rather than random bytes; " + howToMake);
            return null;
        }
        return bytes;
    }

    /**
     * Whether {@code value} is one of the examples' "fill in here" words; also for secrets that are
     * not keys of ours, such as the client secret an OpenID provider issued.
     */
    static boolean isPlaceholder(String value) {
        return PLACEHOLDERS.contains(value.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
    }

    private static boolean allEqual(byte[] bytes) {
        for (byte b : bytes) {
            if (b != bytes[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every byte a printable ASCII character: a typed phrase encoded as base64. 16 random bytes are
     * all printable with a chance of (95/256)^16, about one in ten million; longer keys far less.
     */
    private static boolean printableText(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
