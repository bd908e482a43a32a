package dev.notes.user;

import dev.notes.platform.Settings;
import dev.notes.platform.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The {@link LoginIndex} of an instance that runs alone: a table of the application's database
 * (migration V8), because that instance's sessions outlive a restart (cluster-none.xml) and the list
 * of them must too. Rows older than the session lifetime go whenever a login is added, everyone's at
 * once (an indexed range delete), so users who never come back leave nothing behind for long.
 * Each call is a transaction of its own: the login or logout it belongs to has none.
 */
@ApplicationScoped
@Typed(DatabaseLoginIndex.class)
public class DatabaseLoginIndex implements LoginIndex {

    @PersistenceContext(unitName = "notes")
    private EntityManager em;

    @Inject
    private Settings settings;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void add(String username, ActiveLogin login) {
        em.createNamedQuery(ListedLogin.REMOVE_OLDER).setParameter("oldest", oldest()).executeUpdate();
        // A login kept in a fresh session (a password change) is added again: the same id, replaced.
        em.merge(new ListedLogin(username, login));
        List<ListedLogin> kept = listed(username);
        // The oldest beyond the bound are forgotten: they still work, they are only not listed.
        kept.stream().skip(MAX_PER_USER).forEach(em::remove);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void remove(String username, String loginId) {
        em.createNamedQuery(ListedLogin.REMOVE)
                .setParameter("username", username).setParameter("loginId", loginId).executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ActiveLogin> of(String username) {
        return listed(username).stream().map(ListedLogin::toActiveLogin).toList();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void removeAll(String username) {
        em.createNamedQuery(ListedLogin.REMOVE_ALL).setParameter("username", username).executeUpdate();
    }

    private List<ListedLogin> listed(String username) {
        return em.createNamedQuery(ListedLogin.OF_USER, ListedLogin.class)
                .setParameter("username", username).setParameter("oldest", oldest()).getResultList();
    }

    private Instant oldest() {
        return Times.now().minus(settings.sessionLifetime());
    }
}
