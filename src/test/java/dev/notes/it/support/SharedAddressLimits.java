package dev.notes.it.support;

import java.util.Map;

/**
 * Limits for a server whose every client is this test run, all from 127.0.0.1: the many
 * registrations, logins, notes and comments of a whole test suite or the benchmark, and the
 * benchmark's thousands of live sockets, come from one address and a few accounts, as an operator would allow for a load test. The shipped defaults
 * stay as they are; the throttling itself is tested on servers of its own (HostileLoginIT,
 * HostileLiveIT).
 */
public final class SharedAddressLimits {

    private static final String UNLIMITED = "1000000";

    private SharedAddressLimits() {
    }

    public static Map<String, String> settings() {
        return Map.of(
                "REGISTRATIONS_PER_ADDRESS", UNLIMITED,
                "LOGIN_FAILURES_PER_ADDRESS", UNLIMITED,
                "NOTES_PER_ACCOUNT", UNLIMITED,
                "COMMENTS_PER_ACCOUNT", UNLIMITED,
                "LIVE_SOCKETS_PER_ADDRESS", UNLIMITED);
    }
}
