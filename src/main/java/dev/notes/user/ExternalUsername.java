package dev.notes.user;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The usernames a first login through the OpenID provider may take, best first: the provider's
 * username claim made into one of ours (lower case, accents dropped, anything but letters, digits
 * and {@code . _ -} turned into {@code -}, 3 to 40 characters), then the same with {@code -2},
 * {@code -3}, … when it is taken. A name taken by a local account (or by another identity) is never
 * given to this one: the person behind it may not be the account's owner, and a silent merge would
 * hand them its notes. Without the claim, the provider's subject stands in.
 */
final class ExternalUsername {

    /** How many names are tried before the login is refused: "name", "name-2" … "name-20". */
    static final int CANDIDATES = 20;

    private static final int MIN = 3;

    private ExternalUsername() {
    }

    /** The names to try, in order, for the claim (or, when it is null or yields nothing, the subject). */
    static List<String> candidates(String claim, String subject) {
        String base = base(claim);
        if (base.isEmpty()) {
            base = base(subject);
        }
        if (base.length() < MIN) {
            base = base.isEmpty() ? "user" : "user-" + base;
        }
        List<String> names = new ArrayList<>(CANDIDATES);
        names.add(base);
        for (int number = 2; number <= CANDIDATES; number++) {
            String suffix = "-" + number;
            String stem = base.length() + suffix.length() > Registration.USERNAME_MAX
                    ? base.substring(0, Registration.USERNAME_MAX - suffix.length()) : base;
            names.add(stem + suffix);
        }
        return names;
    }

    /** The claim as a username, at most 40 characters; empty when nothing of it is usable. */
    static String base(String claim) {
        if (claim == null) {
            return "";
        }
        String plain = Normalizer.normalize(claim, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String name = plain.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[-.]+|[-.]+$", "");
        if (name.length() > Registration.USERNAME_MAX) {
            name = name.substring(0, Registration.USERNAME_MAX).replaceAll("[-.]+$", "");
        }
        return name;
    }
}
