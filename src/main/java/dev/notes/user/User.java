package dev.notes.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A registered user, or one created by a first login through the OpenID provider: that one has no
 * password and is linked to the provider's issuer and subject ({@link ExternalAccounts}). Never
 * leaves the server: pages see {@link SignedInUser}.
 */
@Entity
@Table(name = "users")
@NamedQuery(name = User.FIND_BY_USERNAME, query = "SELECT u FROM User u WHERE u.username = :username")
@NamedQuery(name = User.SESSION_EPOCH, query = "SELECT u.sessionEpoch FROM User u WHERE u.username = :username")
@NamedQuery(name = User.DISPLAY_NAMES,
        query = "SELECT u.username, u.displayName FROM User u WHERE u.username IN :usernames")
@NamedQuery(name = User.ACTIVE_ADMINISTRATORS,
        query = "SELECT COUNT(u) FROM User u WHERE u.administrator = TRUE AND u.disabled = FALSE")
@NamedQuery(name = User.STARTING_WITH,
        query = "SELECT u FROM User u WHERE u.username LIKE :pattern ESCAPE '\\' ORDER BY u.username")
@NamedQuery(name = User.FIND_BY_EXTERNAL_IDENTITY,
        query = "SELECT u FROM User u WHERE u.externalIssuer = :issuer AND u.externalSubject = :subject")
public class User {

    static final String FIND_BY_USERNAME = "User.findByUsername";
    static final String SESSION_EPOCH = "User.sessionEpoch";
    static final String STARTING_WITH = "User.startingWith";
    static final String DISPLAY_NAMES = "User.displayNames";
    static final String FIND_BY_EXTERNAL_IDENTITY = "User.findByExternalIdentity";

    /** The longest issuer and subject the link holds; OpenID Connect Core 2 bounds a subject at 255. */
    static final int EXTERNAL_ISSUER_MAX = 500;
    static final int EXTERNAL_SUBJECT_MAX = 255;
    static final String ACTIVE_ADMINISTRATORS = "User.activeAdministrators";

    @Id
    @SequenceGenerator(name = "user_id", sequenceName = "users_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_id")
    private Long id;

    @Column(nullable = false, unique = true, updatable = false, length = Registration.USERNAME_MAX)
    private String username;

    /** Null for a user who logs in through the OpenID provider only. */
    @Column(name = "password_hash", length = 512)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = Registration.DISPLAY_NAME_MAX)
    private String displayName;

    @Column(length = Registration.EMAIL_MAX)
    private String email;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** Raised to end every login that carries a lower one ({@link SessionEpochs}). */
    @Column(name = "session_epoch", nullable = false)
    private long sessionEpoch;

    /** May delete any note or comment, promote users and disable accounts ({@link Moderation}). */
    @Column(nullable = false)
    private boolean administrator;

    /** Cannot log in; set by an administrator ({@link Moderation#disable}). */
    @Column(nullable = false)
    private boolean disabled;

    @Column(name = "external_issuer", updatable = false, length = EXTERNAL_ISSUER_MAX)
    private String externalIssuer;

    @Column(name = "external_subject", updatable = false, length = EXTERNAL_SUBJECT_MAX)
    private String externalSubject;

    protected User() {
        // for JPA
    }

    /**
     * {@code sessionEpoch}: the next value of the epochs' sequence ({@link SessionEpochSequence}), so that
     * no login of an earlier account of the same name is ever valid for this one.
     */
    User(String username, String passwordHash, String displayName, String email, Instant createdAt,
         long sessionEpoch) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.email = email;
        this.createdAt = createdAt;
        this.sessionEpoch = sessionEpoch;
    }

    /** A user of the OpenID provider, without a password of its own. */
    static User external(String username, String displayName, String issuer, String subject, Instant createdAt,
                         long sessionEpoch) {
        User user = new User(username, null, displayName, null, createdAt, sessionEpoch);
        user.externalIssuer = issuer;
        user.externalSubject = subject;
        return user;
    }

    public String getUsername() {
        return username;
    }

    /** Null for an account without a password of its own (one that logs in elsewhere). */
    String getPasswordHash() {
        return passwordHash;
    }

    /** Whether the account logs in with a password here, which is then asked for before sensitive changes. */
    public boolean hasPassword() {
        return passwordHash != null;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** Whether this user logs in through the OpenID provider, and so has no password here. */
    public boolean isExternal() {
        return externalSubject != null;
    }

    public long getSessionEpoch() {
        return sessionEpoch;
    }

    public boolean isAdministrator() {
        return administrator;
    }

    public boolean isDisabled() {
        return disabled;
    }

    /** A new epoch, from the epochs' sequence: every login the user has now ends at its next request. */
    void endEveryLogin(long newEpoch) {
        this.sessionEpoch = newEpoch;
    }

    void makeAdministrator() {
        this.administrator = true;
    }

    /** Refuses every later login, and raises the epoch, which ends every login the user has now. */
    void disable(long newEpoch) {
        this.disabled = true;
        this.sessionEpoch = newEpoch;
    }

    void enable() {
        this.disabled = false;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    /** Null clears it. */
    void setEmail(String email) {
        this.email = email;
    }

    /** A new password hash, and a new epoch that ends every login made with the old password. */
    void replacePassword(String passwordHash, long newEpoch) {
        this.passwordHash = passwordHash;
        this.sessionEpoch = newEpoch;
    }
}
