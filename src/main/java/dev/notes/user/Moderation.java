package dev.notes.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * What an administrator does to accounts: find users, promote one to administrator, disable one
 * and enable it again.
 * Every use case requires a caller who logged in as an administrator ({@link NotAdministratorException})
 * and goes to the {@link ModerationLog}. Deleting others' notes and comments is the note and comment
 * services' own, under the same role.
 * <p>
 * A disabled account cannot log in, and its session epoch rises, so every login it has ends on every
 * instance at its next request ({@link SessionEpochs}). A promotion counts from the promoted user's
 * next login, since roles are fixed when the password is checked. Nobody disables their own account
 * (the last administrator could lock everyone out of moderation). Demotion is not offered: an
 * operator's database change, written down in the README.
 */
@ApplicationScoped
@Transactional
public class Moderation {

    /** The most users one search shows. */
    public static final int PAGE_SIZE = 50;

    @PersistenceContext(unitName = "notes")
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private Event<SessionEpochAdvanced> epochAdvanced;

    @Inject
    private SessionEpochSequence epochs;

    /** Up to {@value #PAGE_SIZE} users whose username starts with {@code prefix} (any case), by username. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<User> usersStartingWith(String prefix) {
        requireAdministrator();
        String normalised = Registration.normalise(prefix);
        String pattern = (normalised == null ? "" : escapeLike(normalised)) + "%";
        return em.createNamedQuery(User.STARTING_WITH, User.class)
                .setParameter("pattern", pattern)
                .setMaxResults(PAGE_SIZE)
                .getResultList();
    }

    /** Makes {@code username} an administrator, from their next login. */
    public void promote(String username) {
        String administrator = requireAdministrator();
        User user = forUpdate(username);
        if (!user.isAdministrator()) {
            user.makeAdministrator();
            ModerationLog.promoted(administrator, user.getUsername());
        }
    }

    /** Refuses every later login of {@code username} and ends every login they have, on every instance. */
    public void disable(String username) {
        String administrator = requireAdministrator();
        User user = forUpdate(username);
        if (user.getUsername().equals(administrator)) {
            throw new ModerationRefusedException("You cannot disable your own account.");
        }
        if (!user.isDisabled()) {
            user.disable(epochs.next());
            epochAdvanced.fire(new SessionEpochAdvanced(user.getUsername()));
            ModerationLog.disabled(administrator, user.getUsername());
        }
    }

    /** Lets {@code username} log in again (their ended logins stay ended). */
    public void enable(String username) {
        String administrator = requireAdministrator();
        User user = forUpdate(username);
        if (user.isDisabled()) {
            user.enable();
            ModerationLog.enabled(administrator, user.getUsername());
        }
    }

    /** The start-up's promotion of the user named by NOTES_ADMIN_USER: no caller, the configuration decides. */
    void makeAdministratorByConfiguration(String username) {
        User user = forUpdate(username);
        if (!user.isAdministrator()) {
            user.makeAdministrator();
            ModerationLog.seeded(user.getUsername());
        }
    }

    private String requireAdministrator() {
        String username = caller.requireUsername();
        if (!caller.isAdministrator()) {
            throw new NotAdministratorException();
        }
        return username;
    }

    private User forUpdate(String username) {
        return em.createNamedQuery(User.FIND_BY_USERNAME, User.class)
                .setParameter("username", Registration.normalise(username))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new ModerationRefusedException("There is no user \"" + username + "\"."));
    }

    /** A prefix typed by an administrator matches itself: {@code %} and {@code _} are not wildcards. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
