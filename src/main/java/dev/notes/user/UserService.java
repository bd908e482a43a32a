package dev.notes.user;

import dev.notes.platform.Constraints;
import dev.notes.platform.Times;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * Registration, password checks, and the logged-in caller's own account: display name, e-mail
 * address, password, and its deletion. A change of password raises the user's session epoch
 * ({@link SessionEpochs}, new values from {@link SessionEpochSequence}), which ends every login
 * made with the old one; the page that changes it renews the caller's own login. Asking for the
 * current password before a sensitive change is the page's, through {@link CredentialCheck}.
 */
@ApplicationScoped
@Transactional
public class UserService {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA512. Stored with each hash, so it can grow later. */
    static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    /** Far more than a page shows, far fewer than a database's limit on query parameters. */
    static final int DISPLAY_NAMES_PER_QUERY = 500;

    @PersistenceContext(unitName = "notes")
    private EntityManager em;

    @Inject
    private Pbkdf2PasswordHash passwordHash;

    @Inject
    private Caller caller;

    @Inject
    private Event<SessionEpochAdvanced> epochAdvanced;

    @Inject
    private Event<DisplayNameChanged> displayNameChanged;

    @Inject
    private SessionEpochSequence epochs;

    @Inject
    private AccountContent content;

    /** Verified when the username is unknown, so that a wrong name costs as long as a wrong password. */
    private String decoyHash;

    @PostConstruct
    void init() {
        passwordHash.initialize(HASH_PARAMETERS);
        decoyHash = passwordHash.generate("not a password of anyone".toCharArray());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> find(String username) {
        String normalised = Registration.normalise(username);
        if (normalised == null || normalised.isEmpty() || normalised.length() > Registration.USERNAME_MAX) {
            return Optional.empty();
        }
        return em.createNamedQuery(User.FIND_BY_USERNAME, User.class)
                .setParameter("username", normalised)
                .getResultStream()
                .findFirst();
    }

    /** Creates the account; the password is stored only as a PBKDF2 hash. */
    public User register(@jakarta.validation.constraints.NotNull @Valid Registration registration) {
        String username = Registration.normalise(registration.getUsername());
        if (find(username).isPresent()) {
            throw new DuplicateUsernameException(username);
        }
        return persistNew(new User(username, passwordHash.generate(registration.getPassword().toCharArray()),
                registration.getDisplayName().trim(), Registration.normaliseEmail(registration.getEmail()), Times.now(),
                epochs.next()));
    }

    /**
     * Stores a new user now, so that a lost race for its name (or, for a user of the OpenID provider,
     * for its identity) shows here: the unique constraints decide.
     */
    private User persistNew(User user) {
        em.persist(user);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new DuplicateUsernameException(user.getUsername());
            }
            throw e;
        }
        // An instance may still hold the epoch of a deleted account of this name (none: no login is
        // current), which would end the newcomer's logins until it expired: forget it, everywhere.
        epochAdvanced.fire(new SessionEpochAdvanced(user.getUsername()));
        return user;
    }

    /** The user linked to this identity at the OpenID provider, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> findExternal(String issuer, String subject) {
        return em.createNamedQuery(User.FIND_BY_EXTERNAL_IDENTITY, User.class)
                .setParameter("issuer", issuer)
                .setParameter("subject", subject)
                .getResultStream()
                .findFirst();
    }

    /**
     * Creates a user without a password, linked to an identity at the OpenID provider, under a
     * username the caller found free.
     *
     * @throws DuplicateUsernameException when the username was taken meanwhile, or the identity got
     *                                    its user meanwhile (another first login of it won the race)
     */
    public User registerExternal(String username, String displayName, String issuer, String subject) {
        return persistNew(User.external(username, displayName, issuer, subject, Times.now(), epochs.next()));
    }

    /**
     * The user, if the password is theirs. Takes about as long whether or not the user exists, and
     * whether or not the account has a password (one without logs in elsewhere: no password is its).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> authenticate(String username, char[] password) {
        Optional<User> user = find(username).filter(User::hasPassword);
        String hash = user.map(User::getPasswordHash).orElse(decoyHash);
        boolean matches = passwordHash.verify(password, hash) && user.isPresent();
        if (matches && user.filter(User::isDisabled).isPresent()) {
            AuthenticationLog.disabledAccountRefused(user.get().getUsername());
            return Optional.empty();
        }
        return matches ? user : Optional.empty();
    }

    /** Gives the caller a new display name (trimmed); the caller's account as it now is. */
    public User changeDisplayName(@DisplayName String displayName) {
        User user = callerForUpdate();
        user.setDisplayName(displayName.trim());
        displayNameChanged.fire(new DisplayNameChanged(user.getUsername()));
        return user;
    }

    /**
     * The display names of those of {@code usernames} that have an account, by username; read
     * {@value #DISPLAY_NAMES_PER_QUERY} at a time, so that no caller can build an unbounded query.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> displayNames(Set<String> usernames) {
        Map<String, String> names = new HashMap<>();
        List<String> all = List.copyOf(usernames);
        for (int from = 0; from < all.size(); from += DISPLAY_NAMES_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + DISPLAY_NAMES_PER_QUERY));
            for (Object[] row : em.createNamedQuery(User.DISPLAY_NAMES, Object[].class)
                    .setParameter("usernames", chunk)
                    .getResultList()) {
                names.put((String) row[0], (String) row[1]);
            }
        }
        return names;
    }

    /**
     * Gives the caller another e-mail address, or none ({@code null} or blank clears it), stored
     * trimmed with its domain in lower case. Not unique: the address is no identity here (nobody logs
     * in or recovers an account with it), a uniqueness check would tell anyone which addresses have
     * an account, and people share addresses. The current password, for an account that has one, is
     * the page's to check before this is called.
     *
     * @return the address as stored
     */
    public String changeEmail(@EmailAddress String email) {
        User user = callerForUpdate();
        user.setEmail(Registration.normaliseEmail(email));
        return user.getEmail();
    }

    /**
     * Replaces the caller's password and raises their session epoch, so that every login of theirs
     * ends, on every instance, once this commits. The current password is the page's to check,
     * through the login's throttled path, before this is called.
     *
     * @return the new session epoch, for the login the caller keeps
     */
    public long changePassword(@NewPassword String newPassword) {
        User user = callerForUpdate();
        user.replacePassword(passwordHash.generate(newPassword.toCharArray()), epochs.next());
        epochAdvanced.fire(new SessionEpochAdvanced(user.getUsername()));
        return user.getSessionEpoch();
    }

    /**
     * Ends every login of the caller, this one included, on every instance: their session epoch
     * rises (each other login ends at its next request) and their list of logins is emptied. The
     * page ends the caller's own session.
     */
    public void endEveryLogin() {
        User user = callerForUpdate();
        user.endEveryLogin(epochs.next());
        epochAdvanced.fire(new SessionEpochAdvanced(user.getUsername()));
    }

    /**
     * What deleting the caller's account would delete with it, for the page that asks to confirm.
     *
     * @throws AccountDeletionRefusedException if the caller may not delete it now
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountContent.Counts deletionOfCaller() {
        String username = caller.requireUsername();
        User user = find(username).orElseThrow(NotLoggedInException::new);
        refuseTheLastAdministrator(user);
        return content.of(username);
    }

    /**
     * Deletes the caller's account in one transaction: their notes with every comment on them, their
     * comments on other people's notes, and the user row, so that the username is free again. Nothing
     * they wrote stays behind, since a newcomer who registers the freed name would otherwise inherit
     * it. Once it commits every open page hears of each deletion, and every login of the account ends
     * at its next request on every instance (its user has no epoch any more; a newcomer of the same
     * name starts above every epoch it had, {@link SessionEpochSequence}). The current password, or
     * for an account without one the typed username, is the page's to check before this is called.
     *
     * @return what was deleted with the account
     * @throws AccountDeletionRefusedException if the caller is the last administrator
     */
    public AccountContent.Counts deleteAccount() {
        User user = callerForUpdate();
        refuseTheLastAdministrator(user);
        AccountContent.Counts deleted = content.deleteAllOf(user.getUsername());
        em.remove(user);
        epochAdvanced.fire(new SessionEpochAdvanced(user.getUsername()));
        return deleted;
    }

    /**
     * Someone must be able to moderate: the one enabled administrator keeps their account until they
     * have made another user one (an operator could, but the application offers no way back).
     */
    private void refuseTheLastAdministrator(User user) {
        if (user.isAdministrator() && !user.isDisabled()
                && em.createNamedQuery(User.ACTIVE_ADMINISTRATORS, Long.class).getSingleResult() <= 1) {
            throw new AccountDeletionRefusedException("You are the only administrator. Make another user an"
                    + " administrator (Users) before you delete your account, so that someone can still moderate.");
        }
    }

    /** The user's current session epoch; for a user who does not exist, one no login reaches. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long sessionEpoch(String username) {
        return em.createNamedQuery(User.SESSION_EPOCH, Long.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .orElse(Long.MAX_VALUE);
    }

    /** The caller's row, locked until the commit: two changes at once raise the epoch twice, not once. */
    private User callerForUpdate() {
        String username = caller.requireUsername();
        return em.createNamedQuery(User.FIND_BY_USERNAME, User.class)
                .setParameter("username", username)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseThrow(NotLoggedInException::new);
    }
}
