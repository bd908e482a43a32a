package dev.notes.throttle;

import dev.notes.platform.LogText;
import dev.notes.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Failed logins, counted in one fixed window three ways, and the refusal once any count is used
 * up. Only failures count: a user who logs in is never held back by their own success, and
 * nothing is ever locked for longer than one window.
 * <p>
 * Why three counts. Per account alone, an attacker could lock a victim out by failing on purpose;
 * per address alone, a botnet guesses one password from thousands of addresses. So:
 * <ul>
 * <li><b>account and address together</b>, the smallest limit: one attacker guessing one account
 * is stopped after a handful of tries, while the victim, from another address, is not affected at
 * all;</li>
 * <li><b>account</b>, over every address, ten times larger: stops a guess spread over many
 * addresses. An attacker who wants to lock the victim out with it needs as many addresses as the
 * ratio of the two limits, and only for one window;</li>
 * <li><b>address</b>, over every account, larger still (an office behind one address mistypes
 * too): stops credential stuffing, one password tried on many accounts.</li>
 * </ul>
 * The refusal does not say which count is used up: that would tell an attacker whether to change
 * account or address, and tells a user nothing they can act on. Unknown usernames are counted like
 * known ones, so the answer never reveals whether an account exists. Operators do see which count
 * refused, as the reason of the counter {@code notes_logins_throttled_total} (never the account or
 * address itself).
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    /** Longer names cannot be accounts; keys stay bounded whatever a client sends. */
    private static final int KEY_PART_MAX = 100;

    @Inject
    private Counters counters;

    @Inject
    private Settings settings;

    @Inject
    private MetricRegistry registry;

    private Counter refusedForPair;
    private Counter refusedForAccount;
    private Counter refusedForAddress;

    @PostConstruct
    void registerCounters() {
        Metadata refused = Metadata.builder().withName("notes.logins.throttled")
                .withDescription("Logins refused unchecked for too many failures, by the count that was used up:"
                        + " account_and_address, account (over all addresses) or address (over all accounts)")
                .build();
        refusedForPair = registry.counter(refused, new Tag("reason", "account_and_address"));
        refusedForAccount = registry.counter(refused, new Tag("reason", "account"));
        refusedForAddress = registry.counter(refused, new Tag("reason", "address"));
    }

    /**
     * How long until {@code username} may try again from {@code address}; empty when it may now.
     * Called before the password is checked, so a refused attempt costs no hashing.
     *
     * @throws CountersUnavailableException when the counters' store is away
     */
    public Optional<Duration> refusal(String username, String address) {
        Settings.LoginThrottle limits = settings.loginThrottle();
        Duration pair = exceeded(counters.read(pairKey(username, address)), limits.perAccountAndAddress());
        Duration account = exceeded(counters.read(accountKey(username)), limits.perAccount());
        Duration fromAddress = exceeded(counters.read(addressKey(address)), limits.perAddress());
        Duration wait = longest(pair, account, fromAddress);
        if (wait.isZero()) {
            return Optional.empty();
        }
        // Several counts may be used up: the narrowest one names the refusal.
        (!pair.isZero() ? refusedForPair : !account.isZero() ? refusedForAccount : refusedForAddress).inc();
        // A refusal is logged when its count fills up (failed()), not at every attempt it stops.
        LOG.fine(() -> "Login refused, too many failures: user " + LogText.quoted(username) + " from " + address
                + "; next attempt in " + Waits.retryAfterSeconds(wait) + " s");
        return Optional.of(wait);
    }

    /**
     * How long until any login may be tried from {@code address}; empty when one may now. Needs no
     * username, so a login can be refused by it before its form is read.
     *
     * @throws CountersUnavailableException when the counters' store is away
     */
    public Optional<Duration> addressRefusal(String address) {
        Duration wait = exceeded(counters.read(addressKey(address)), settings.loginThrottle().perAddress());
        if (wait.isZero()) {
            return Optional.empty();
        }
        refusedForAddress.inc();
        return Optional.of(wait);
    }

    /**
     * Counts a failed login; the failure that uses up a count is logged as a warning, once per window.
     *
     * @throws CountersUnavailableException when the counters' store is away
     */
    public void failed(String username, String address) {
        Settings.LoginThrottle limits = settings.loginThrottle();
        Duration window = limits.window();
        Counters.Count pair = counters.increment(pairKey(username, address), window);
        Counters.Count account = counters.increment(accountKey(username), window);
        Counters.Count fromAddress = counters.increment(addressKey(address), window);
        // Every failure is in the authentication log (dev.notes.user.AuthenticationLog); here only the count.
        LOG.fine(() -> "Login failed: user " + LogText.quoted(username) + " from " + address + " (" + pair.value()
                + " in this window)");
        warnWhenFull(pair, limits.perAccountAndAddress(), "user " + LogText.quoted(username) + " from " + address);
        warnWhenFull(account, limits.perAccount(), "user " + LogText.quoted(username) + " from any address");
        warnWhenFull(fromAddress, limits.perAddress(), "any user from " + address);
    }

    /**
     * Counts a failed login that names no account (one through the OpenID provider, whose account
     * is the provider's to guard): only the address's count, the one {@link #addressRefusal} reads.
     *
     * @throws CountersUnavailableException when the counters' store is away
     */
    public void failedFromAddress(String address) {
        Counters.Count fromAddress = counters.increment(addressKey(address), settings.loginThrottle().window());
        warnWhenFull(fromAddress, settings.loginThrottle().perAddress(), "any user from " + address);
    }

    private static void warnWhenFull(Counters.Count count, int limit, String who) {
        if (count.value() == limit) {
            LOG.warning(() -> "Logins refused for " + Waits.inWords(count.remaining()) + ": " + who + " failed "
                    + limit + " times");
        }
    }

    private static Duration exceeded(Counters.Count count, int limit) {
        return count.value() >= limit ? count.remaining() : Duration.ZERO;
    }

    private static Duration longest(Duration... waits) {
        Duration longest = Duration.ZERO;
        for (Duration wait : waits) {
            if (wait.compareTo(longest) > 0) {
                longest = wait;
            }
        }
        return longest;
    }

    private static String pairKey(String username, String address) {
        return "login|pair|" + bounded(username) + "|" + address;
    }

    private static String accountKey(String username) {
        return "login|account|" + bounded(username);
    }

    private static String addressKey(String address) {
        return "login|address|" + address;
    }

    private static String bounded(String username) {
        String name = username == null ? "" : username;
        return name.length() > KEY_PART_MAX ? name.substring(0, KEY_PART_MAX) : name;
    }
}
