package dev.notes.it.arquillian;

import java.util.UUID;

/**
 * Names no other test uses: all test classes of a run share one server and one database and may
 * run in any order, so no test may rely on a key or username being free unless it made it up.
 */
final class Unique {

    private Unique() {
    }

    /** {@code prefix} followed by a random suffix; valid as a note key and as a username. */
    static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
