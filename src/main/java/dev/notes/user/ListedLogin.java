package dev.notes.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@link DatabaseLoginIndex}: one {@link ActiveLogin} of one user (migration V8). */
@Entity
@Table(name = "active_logins")
@NamedQuery(name = ListedLogin.OF_USER,
        query = "SELECT l FROM ListedLogin l WHERE l.username = :username AND l.startedAt > :oldest"
                + " ORDER BY l.startedAt DESC, l.loginId")
@NamedQuery(name = ListedLogin.REMOVE, query = "DELETE FROM ListedLogin l WHERE l.username = :username AND l.loginId = :loginId")
@NamedQuery(name = ListedLogin.REMOVE_ALL, query = "DELETE FROM ListedLogin l WHERE l.username = :username")
@NamedQuery(name = ListedLogin.REMOVE_OLDER, query = "DELETE FROM ListedLogin l WHERE l.startedAt <= :oldest")
class ListedLogin {

    static final String OF_USER = "ListedLogin.ofUser";
    static final String REMOVE = "ListedLogin.remove";
    static final String REMOVE_ALL = "ListedLogin.removeAll";
    static final String REMOVE_OLDER = "ListedLogin.removeOlder";

    @Id
    @Column(name = "login_id", length = 64)
    private String loginId;

    @Column(nullable = false, updatable = false, length = Registration.USERNAME_MAX)
    private String username;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(nullable = false, length = ActiveLogin.ADDRESS_MAX)
    private String address;

    @Column(nullable = false, length = ActiveLogin.BROWSER_MAX)
    private String browser;

    /** For JPA. */
    protected ListedLogin() {
    }

    ListedLogin(String username, ActiveLogin login) {
        this.loginId = login.id();
        this.username = username;
        this.startedAt = login.startedAt();
        this.address = login.address();
        this.browser = login.browser();
    }

    ActiveLogin toActiveLogin() {
        return new ActiveLogin(loginId, startedAt, address, browser);
    }
}
