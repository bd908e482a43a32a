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
 * Registration, password checks, and the logged-in caller's own account: display name and password.
 * A change of password raises the user's session epoch ({@link SessionEpochs}), which ends every
 * login made with the old one; the page that changes it renews the caller's own login.
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
        String email = registration.getEmail() == null || registration.getEmail().isBlank()
                ? null : registration.getEmail().trim();
        return persistNew(new User(username, passwordHash.generate(registration.getPassword().toCharArray()),
                registration.getDisplayName().trim(), email, Times.now()));
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
        return persistNew(User.external(username, displayName, issuer, subject, Times.now()));
    }

    /**
     * The user, if the password is theirs. Takes about as long whether or not the user exists, or
     * has a password at all (a user of the OpenID provider has none: no password logs them in).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> authenticate(String username, char[] password) {
        Optional<User> user = find(username).filter(found -> found.getPasswordHash() != null);
        String hash = user.map(User::getPasswordHash).orElse(decoyHash);
        boolean matches = passwordHash.verify(password, hash);
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
     * Replaces the caller's password and raises their session epoch, so that every login of theirs
     * ends, on every instance, once this commits. The current password is the page's to check,
     * through the login's throttled path, before this is called.
     *
     * @return the new session epoch, for the login the caller keeps
     */
    public long changePassword(@NewPassword String newPassword) {
        User user = callerForUpdate();
        user.replacePassword(passwordHash.generate(newPassword.toCharArray()));
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
        user.endEveryLogin();
        epochAdvanced.fire(new SessionEpochAdvanced(user.getUsername()));
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
