package dev.notes.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every setting the application reads, typed and checked once at start-up. Values come from
 * MicroProfile Config, that is Liberty's {@code <variable>}s in {@code server.xml} (whose defaults
 * are the embedded single-instance setup), overridden by environment variables of the same name;
 * the README's configuration table lists them. A value that is not valid stops the deployment with
 * a message naming the variable, rather than running with a limit nobody chose.
 * <p>
 * Built from a look-up function, so unit tests construct it from a map; the application gets it
 * from {@link SettingsProducer}.
 */
public final class Settings {

    /**
     * How this instance runs: alone, or as one of many sharing Redis. {@code eventSecret}: the key
     * that signs the live events every instance publishes on Redis, if set ({@code NOTES_EVENT_SECRET}).
     */
    public record Cluster(String mode, String redisUrl, String redissonConfig, Optional<String> instanceName,
                          Optional<SecretKey> eventSecret) {

        public boolean isRedis() {
            return "redis".equals(mode);
        }
    }

    /**
     * Key material from a secret setting. Its text form names no byte of it, so a logged or printed
     * setting gives nothing away.
     */
    public static final class SecretKey {

        private final byte[] bytes;

        SecretKey(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public String toString() {
            return "SecretKey[" + bytes.length + " bytes]";
        }
    }

    /** The account created at start-up when both name and password are configured. */
    public record FirstUser(Optional<String> username, Optional<String> password, Optional<String> displayName) {
    }

    /**
     * Limits of the WebSocket endpoint {@code /live}, per connection unless named otherwise
     * ({@code docs/live-protocol.md}).
     *
     * @param maxMessageBytes   largest message a client may send
     * @param maxTopics         topics one connection may hold
     * @param queueMessages     messages a connection may fall behind before it is closed
     * @param queueChars        characters a connection may fall behind before it is closed
     * @param messagesPerMinute steady rate of client messages
     * @param messageBurst      client messages allowed at once above the steady rate
     * @param socketsPerAddress open sockets per client address on this instance
     * @param floodHoldOff      how long an address whose socket was closed for too many messages may
     *                          open no new one on this instance
     */
    public record Live(int maxMessageBytes, int maxTopics, int queueMessages, int queueChars,
                       int messagesPerMinute, int messageBurst, int socketsPerAddress, Duration floodHoldOff) {
    }

    /** One limit: at most {@code max} events per fixed window of {@code window}. */
    public record Limit(int max, Duration window) {
    }

    /**
     * Failed logins counted in one window, three ways: per account and client address together (what
     * stops one attacker guessing one password without locking the victim out), per account over
     * every address (a distributed guess), per address over every account (credential stuffing).
     * {@code passwordChecks} bounds the PBKDF2 verifications running at once on an instance.
     */
    public record LoginThrottle(Duration window, int perAccountAndAddress, int perAccount, int perAddress,
                                int passwordChecks) {
    }

    /**
     * How refusals of clients that overdo it are answered ({@code dev.notes.throttle.DelayedRefusals}):
     * after {@code delay}, with at most {@code maxHeld} waiting at once on an instance (0: at once).
     */
    public record Refusals(Duration delay, int maxHeld) {
    }

    /** Registrations per client address, and notes and comments per account, per window. */
    public record Quotas(Limit registrationsPerAddress, Limit notesPerAccount, Limit commentsPerAccount) {
    }

    /**
     * Limits on what one HTTP request may bring. {@code maxBodyBytes}: a body declared (or, sent in
     * chunks, read) beyond it is refused with 413 before the application buffers it; Liberty's own
     * {@code MessageSizeLimit} (server.xml) is a larger backstop for requests the application never
     * sees.
     */
    public record Requests(int maxBodyBytes) {
    }

    /**
     * What an instance tells anyone who asks about itself: its name in an {@code X-Notes-Instance}
     * header on every response, and the details of its health checks (database product, Redis
     * event id, error types, heap figures) beside their names and states. Both help an operator
     * and the tests, and both tell an attacker what runs inside, so deployments turn them off.
     */
    public record Disclosure(boolean instanceHeader, boolean healthDetails) {
    }

    /** HMAC-SHA256 wants a key as long as its output (RFC 2104: shorter keys weaken it). */
    public static final int EVENT_SECRET_MIN_BYTES = 32;

    /**
     * The Faces client-side view state: the keys it is encrypted and signed with (none: MyFaces makes
     * random ones at each start, which only an instance alone may do), and how long a rendered form
     * can still be posted.
     */
    public record ViewState(Optional<FacesKeys> keys, Duration lifetime) {
    }

    /**
     * OpenID Connect login with one provider ({@code dev.notes.oidc}): its issuer (discovery at
     * {@code <issuer>/.well-known/openid-configuration}), this application's client id and secret
     * there, the scopes asked for, which ID token claims give a new user's username and display
     * name, the provider's name on the login page's button, and Notes' own address as browsers reach
     * it, when set: the callback and the page after logout are given to the provider under it
     * (a proxy that ends TLS would otherwise make them http URLs of an inner host).
     */
    public record Oidc(URI issuer, String clientId, String clientSecret, String scopes, String usernameClaim,
                       String displayNameClaim, String providerName, Optional<URI> appUrl) {

        /** {@code path} (from the application's root, such as {@code /user/oidc-callback}) as the provider is to see it. */
        public Optional<String> publicUrl(String path) {
            return appUrl.map(base -> base.toString().replaceAll("/+$", "") + path);
        }

        /** Names the secret's length only, so that a logged or printed setting gives nothing away. */
        @Override
        public String toString() {
            return "Oidc[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=" + clientSecret.length()
                    + " characters, scopes=" + scopes + ", usernameClaim=" + usernameClaim + ", displayNameClaim="
                    + displayNameClaim + ", providerName=" + providerName + ", appUrl=" + appUrl + "]";
        }
    }

    /** Longest provider name the login page's button shows. */
    public static final int OIDC_PROVIDER_NAME_MAX = 40;

    private static final Pattern CLAIM_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private final Cluster cluster;
    private final FirstUser firstUser;
    private final Live live;
    private final LoginThrottle loginThrottle;
    private final Quotas quotas;
    private final Refusals refusals;
    private final int throttleMemoryKeys;
    private final Requests requests;
    private final boolean pageCache;
    private final Disclosure disclosure;
    private final Duration sessionLifetime;
    private final ViewState viewState;
    private final Duration shutdownDrain;
    private final Optional<Oidc> oidc;

    private Settings(Reader reader) {
        cluster = new Cluster(
                reader.oneOf("NOTES_CLUSTER", "none", "none", "redis"),
                reader.text("REDIS_URL", "redis://127.0.0.1:6379"),
                reader.text("REDISSON_CONFIG", "redisson.yaml"),
                reader.optional("NOTES_INSTANCE"),
                reader.secretKey("NOTES_EVENT_SECRET", EVENT_SECRET_MIN_BYTES));
        firstUser = new FirstUser(
                reader.optional("NOTES_ADMIN_USER"),
                reader.optional("NOTES_ADMIN_PASSWORD"),
                reader.optional("NOTES_ADMIN_NAME"));
        live = new Live(
                reader.integer("LIVE_MAX_MESSAGE_BYTES", 4096, 256, 1_048_576),
                reader.integer("LIVE_MAX_TOPICS", 20, 1, 1000),
                reader.integer("LIVE_QUEUE_MESSAGES", 500, 10, 100_000),
                // at least a whole note (100,000 characters) with its comments, or a subscriber
                // to a long note would be closed on every snapshot
                reader.integer("LIVE_QUEUE_CHARS", 2_000_000, 250_000, 1_000_000_000),
                reader.integer("LIVE_MESSAGES_PER_MINUTE", 60, 1, 60_000),
                reader.integer("LIVE_MESSAGE_BURST", 20, 1, 10_000),
                reader.integer("LIVE_SOCKETS_PER_ADDRESS", 200, 1, 1_000_000),
                reader.duration("LIVE_FLOOD_HOLD_OFF", Duration.ofSeconds(30)));
        loginThrottle = new LoginThrottle(
                reader.duration("LOGIN_FAILURE_WINDOW", Duration.ofMinutes(15)),
                reader.integer("LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS", 5, 1, 1_000_000),
                reader.integer("LOGIN_FAILURES_PER_ACCOUNT", 50, 1, 1_000_000),
                reader.integer("LOGIN_FAILURES_PER_ADDRESS", 100, 1, 1_000_000),
                reader.integer("PASSWORD_CHECKS_MAX", 4, 1, 1_000));
        quotas = new Quotas(
                new Limit(reader.integer("REGISTRATIONS_PER_ADDRESS", 50, 1, 1_000_000),
                        reader.duration("REGISTRATION_WINDOW", Duration.ofHours(1))),
                new Limit(reader.integer("NOTES_PER_ACCOUNT", 100, 1, 1_000_000),
                        reader.duration("NOTE_QUOTA_WINDOW", Duration.ofHours(1))),
                new Limit(reader.integer("COMMENTS_PER_ACCOUNT", 300, 1, 1_000_000),
                        reader.duration("COMMENT_QUOTA_WINDOW", Duration.ofHours(1))));
        refusals = new Refusals(
                reader.duration("REFUSAL_DELAY", Duration.ofSeconds(1)),
                reader.integer("REFUSALS_HELD_MAX", 1000, 0, 100_000));
        throttleMemoryKeys = reader.integer("THROTTLE_MEMORY_KEYS", 100_000, 100, 10_000_000);
        // 2 MiB: a 100,000-character note of 3-byte characters, form-encoded, is about 900 KB.
        requests = new Requests(reader.integer("REQUEST_MAX_BODY_BYTES", 2 * 1024 * 1024, 16 * 1024, Integer.MAX_VALUE));
        pageCache = reader.bool("NOTES_PAGE_CACHE", true);
        disclosure = new Disclosure(reader.bool("NOTES_INSTANCE_HEADER", true), reader.bool("NOTES_HEALTH_DETAILS", true));
        sessionLifetime = reader.duration("SESSION_LIFETIME", Duration.ofHours(12));
        // 12 hours, the longest a login lasts: a form outlives no login it could belong to, while a
        // tab left open through a working day (its session kept alive from other tabs) still saves.
        viewState = new ViewState(
                FacesKeys.read(reader.optional(FacesKeys.SECRET), reader.optional(FacesKeys.MAC_SECRET),
                        cluster.isRedis(), reader.problems),
                reader.wholeMinutes("NOTES_VIEW_STATE_LIFETIME", Duration.ofHours(12),
                        Duration.ofMinutes(2), Duration.ofDays(7)));
        // Between SIGTERM and Liberty's stop: readiness is DOWN, requests are still served. Up to a
        // minute, so that the drain and Liberty's quiesce (30 s) fit a grace period of 90 s.
        shutdownDrain = reader.durationAtMost("SHUTDOWN_DRAIN", Duration.ofSeconds(5), Duration.ofMinutes(1));
        oidc = readOidc(reader);
        reader.failOnProblems();
    }

    /**
     * The OpenID Connect settings when issuer, client id and client secret are all set; none when
     * none is; a problem for each one missing when only some are, since a half-configured login
     * would fail only when someone tries it.
     */
    private static Optional<Oidc> readOidc(Reader reader) {
        List<String> required = List.of("OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET");
        List<String> missing = required.stream().filter(name -> reader.optional(name).isEmpty()).toList();
        if (missing.size() == required.size()) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            reader.problems.add("OpenID Connect login needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET"
                    + " together; " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not set");
            return Optional.empty();
        }
        URI issuer = secureUrl("OIDC_ISSUER", reader.optional("OIDC_ISSUER").orElseThrow(),
                "the provider's issuer URL, such as https://login.example.org/realms/notes", reader.problems);
        Optional<URI> appUrl = reader.optional("OIDC_APP_URL").map(value -> secureUrl("OIDC_APP_URL", value,
                "the address users reach Notes at, such as https://notes.example.org", reader.problems));
        String clientSecret = reader.optional("OIDC_CLIENT_SECRET").orElseThrow();
        if (RandomKeys.isPlaceholder(clientSecret)) {
            reader.problems.add("OIDC_CLIENT_SECRET is a placeholder from the examples, not the secret the provider"
                    + " issued for this client");
        }
        String scopes = reader.text("OIDC_SCOPES", "openid profile email");
        if (!List.of(scopes.split("\\s+")).contains("openid")) {
            reader.problems.add("OIDC_SCOPES=" + scopes + " lacks openid, without which the provider issues no ID token");
        }
        String providerName = reader.text("OIDC_PROVIDER_NAME", "OpenID Connect");
        if (providerName.length() > OIDC_PROVIDER_NAME_MAX) {
            reader.problems.add("OIDC_PROVIDER_NAME is longer than " + OIDC_PROVIDER_NAME_MAX + " characters");
        }
        return Optional.of(new Oidc(issuer, reader.optional("OIDC_CLIENT_ID").orElseThrow(), clientSecret, scopes,
                claimName(reader, "OIDC_USERNAME_CLAIM", "preferred_username"),
                claimName(reader, "OIDC_DISPLAY_NAME_CLAIM", "name"), providerName, appUrl));
    }

    /**
     * An absolute https URL without query or fragment; http only on a loopback host (a provider, or
     * Notes, on the same machine, as in development and the tests), where nobody on the network can
     * read the codes and tokens.
     */
    private static URI secureUrl(String name, String value, String expectedWhat, List<String> problems) {
        String expected = name + "=" + value + " is not " + expectedWhat + " (http only for localhost or 127.0.0.1)";
        try {
            URI url = new URI(value);
            String host = url.getHost();
            boolean loopback = "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
            boolean secure = "https".equals(url.getScheme()) || "http".equals(url.getScheme()) && loopback;
            if (secure && host != null && url.getRawQuery() == null && url.getRawFragment() == null) {
                return url;
            }
        } catch (URISyntaxException notAUri) {
            // reported below
        }
        problems.add(expected);
        return null;
    }

    private static String claimName(Reader reader, String name, String defaultValue) {
        String claim = reader.text(name, defaultValue);
        if (!CLAIM_NAME.matcher(claim).matches()) {
            reader.problems.add(name + "=" + claim + " is not a claim name (letters, digits, _ . : -)");
            return defaultValue;
        }
        return claim;
    }

    /**
     * Reads every setting through {@code lookup} (a name → its value, if set).
     *
     * @throws IllegalArgumentException naming every variable whose value is not valid
     */
    public static Settings from(Function<String, Optional<String>> lookup) {
        return new Settings(new Reader(lookup));
    }

    public Cluster cluster() {
        return cluster;
    }

    public FirstUser firstUser() {
        return firstUser;
    }

    public Live live() {
        return live;
    }

    public LoginThrottle loginThrottle() {
        return loginThrottle;
    }

    public Quotas quotas() {
        return quotas;
    }

    public Refusals refusals() {
        return refusals;
    }

    /** How many counters an instance keeps in memory when alone (in a cluster they live in Redis). */
    public int throttleMemoryKeys() {
        return throttleMemoryKeys;
    }

    public Requests requests() {
        return requests;
    }

    /** Whether anonymous readers' home and note pages are served from the page cache ({@code dev.notes.web.PageCache}). */
    public boolean pageCache() {
        return pageCache;
    }

    public Disclosure disclosure() {
        return disclosure;
    }

    public ViewState viewState() {
        return viewState;
    }

    /**
     * How long a login lasts at most, however busy: the absolute session lifetime, beside Liberty's
     * idle timeout ({@code SESSION_TIMEOUT}, which only Liberty reads).
     */
    public Duration sessionLifetime() {
        return sessionLifetime;
    }

    /**
     * How long an instance that received SIGTERM goes on serving, not ready, before Liberty stops
     * accepting connections ({@link GracefulShutdown}).
     */
    public Duration shutdownDrain() {
        return shutdownDrain;
    }

    /** OpenID Connect login, when configured ({@code OIDC_ISSUER} and the rest). */
    public Optional<Oidc> oidc() {
        return oidc;
    }

    /**
     * Reads values and collects what is wrong with them, so that one start-up names every bad
     * variable at once.
     */
    private static final class Reader {

        private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

        private final Function<String, Optional<String>> lookup;
        private final List<String> problems = new ArrayList<>();

        Reader(Function<String, Optional<String>> lookup) {
            this.lookup = lookup;
        }

        Optional<String> optional(String name) {
            return lookup.apply(name).map(String::trim).filter(value -> !value.isEmpty());
        }

        String text(String name, String defaultValue) {
            return optional(name).orElse(defaultValue);
        }

        String oneOf(String name, String defaultValue, String... allowed) {
            String value = text(name, defaultValue).toLowerCase(Locale.ROOT);
            if (!List.of(allowed).contains(value)) {
                problems.add(name + "=" + value + " is not one of " + String.join(", ", allowed));
                return defaultValue;
            }
            return value;
        }

        /** "true" or "false", in any case. */
        boolean bool(String name, boolean defaultValue) {
            return Boolean.parseBoolean(oneOf(name, Boolean.toString(defaultValue), "true", "false"));
        }

        /** A whole number from {@code min} to {@code max}. */
        int integer(String name, int defaultValue, int min, int max) {
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                return defaultValue;
            }
            try {
                int number = Integer.parseInt(value.get());
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            problems.add(name + "=" + value.get() + " is not a whole number from " + min + " to " + max);
            return defaultValue;
        }

        /** Base64 of at least {@code minBytes} random bytes ({@link RandomKeys}), if set. */
        Optional<SecretKey> secretKey(String name, int minBytes) {
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            String howToMake = "make one with: openssl rand -base64 " + minBytes;
            byte[] key = RandomKeys.decode(name, value.get(), howToMake, problems);
            if (key == null) {
                return Optional.empty();
            }
            if (key.length < minBytes) {
                problems.add(name + " decodes to " + key.length + " bytes; it needs at least " + minBytes
                        + " (" + howToMake + ")");
                return Optional.empty();
            }
            return Optional.of(new SecretKey(key));
        }

        /** A positive duration in Liberty's notation: "90s", "15m", "1h30m", "250ms", "1d". */
        Duration duration(String name, Duration defaultValue) {
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                return defaultValue;
            }
            Duration parsed = parseDuration(value.get());
            if (parsed == null) {
                problems.add(name + "=" + value.get() + " is not a positive duration such as 90s, 15m or 1h30m");
                return defaultValue;
            }
            return parsed;
        }

        /** A positive duration no longer than {@code max}. */
        Duration durationAtMost(String name, Duration defaultValue, Duration max) {
            Duration value = duration(name, defaultValue);
            if (value.compareTo(max) > 0) {
                problems.add(name + "=" + optional(name).orElseThrow() + " is longer than " + max.toSeconds() + "s");
                return defaultValue;
            }
            return value;
        }

        /**
         * A duration in whole minutes from {@code min} to {@code max}, for settings applied where
         * minutes are the unit (MyFaces' client view state timeout).
         */
        Duration wholeMinutes(String name, Duration defaultValue, Duration min, Duration max) {
            Duration value = duration(name, defaultValue);
            if (value.toSecondsPart() != 0 || value.toMillisPart() != 0
                    || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                problems.add(name + "=" + optional(name).orElseThrow() + " is not a whole number of minutes from "
                        + min.toMinutes() + "m to " + max.toMinutes() + "m (such as 30m or 12h)");
                return defaultValue;
            }
            return value;
        }

        void failOnProblems() {
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Invalid configuration: " + String.join("; ", problems) + ".");
            }
        }
    }

    /** "1h30m" → 90 minutes; null for anything else, zero included. */
    static Duration parseDuration(String text) {
        Matcher part = Reader.DURATION.matcher(text.toLowerCase(Locale.ROOT));
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long amount;
            try {
                amount = Long.parseLong(part.group(1));
            } catch (NumberFormatException tooLarge) {
                return null;
            }
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
            end = part.end();
        }
        return end == text.length() && end > 0 && !total.isZero() ? total : null;
    }
}
