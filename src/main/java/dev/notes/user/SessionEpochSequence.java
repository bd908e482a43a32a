package dev.notes.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Where session epochs come from: one database sequence for every account (migration V7). A new
 * account starts at the next value and every raise takes the next value, so no epoch is handed out
 * twice. That matters once an account is deleted and its username registered again: a login of the
 * deleted account that some browser still holds carries an epoch below the newcomer's first one,
 * and is ended at its next request ({@link SessionEpochs}) instead of passing for the newcomer's.
 */
@ApplicationScoped
public class SessionEpochSequence {

    @PersistenceContext(unitName = "notes")
    private EntityManager em;

    /** The next epoch; within the caller's transaction (a sequence is never rolled back, which only skips values). */
    public long next() {
        return ((Number) em.createNativeQuery("SELECT nextval('session_epochs_seq')").getSingleResult()).longValue();
    }
}
