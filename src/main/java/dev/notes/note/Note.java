package dev.notes.note;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/** A note, addressed by its URL-safe key. */
@Entity
@Table(name = "notes")
@NamedQuery(name = Note.FIND_BY_KEY, query = "SELECT n FROM Note n WHERE n.key = :key")
// The list by title, a page at a time: each page starts after (or ends before) a PageCursor, which
// the index ix_notes_title_sort finds directly. "sortTitle >= :title AND (...)" rather than only
// the OR: the first condition bounds the index range, the second skips the cursor's equals.
@NamedQuery(name = Note.FIRST_BY_TITLE, query = Note.SUMMARY + " ORDER BY n.sortTitle, n.key")
@NamedQuery(name = Note.AFTER_BY_TITLE, query = Note.SUMMARY
        + " WHERE n.sortTitle >= :title AND (n.sortTitle > :title OR n.key > :key) ORDER BY n.sortTitle, n.key")
@NamedQuery(name = Note.FROM_BY_TITLE, query = Note.SUMMARY
        + " WHERE n.sortTitle >= :title AND (n.sortTitle > :title OR n.key >= :key) ORDER BY n.sortTitle, n.key")
@NamedQuery(name = Note.BEFORE_BY_TITLE, query = Note.SUMMARY
        + " WHERE n.sortTitle <= :title AND (n.sortTitle < :title OR n.key < :key)"
        + " ORDER BY n.sortTitle DESC, n.key DESC")
@NamedQuery(name = Note.COUNT, query = "SELECT COUNT(n) FROM Note n")
@NamedQuery(name = Note.SUMMARIES_BY_KEY, query = Note.SUMMARY + " WHERE n.key IN :keys")
public class Note implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String FIND_BY_KEY = "Note.findByKey";
    static final String FIRST_BY_TITLE = "Note.firstByTitle";
    static final String AFTER_BY_TITLE = "Note.afterByTitle";
    static final String FROM_BY_TITLE = "Note.fromByTitle";
    static final String BEFORE_BY_TITLE = "Note.beforeByTitle";
    static final String COUNT = "Note.count";
    static final String SUMMARY = "SELECT NEW dev.notes.note.NoteSummary(n.key, n.title, n.sortTitle) FROM Note n";
    static final String SUMMARIES_BY_KEY = "Note.summariesByKey";

    @Id
    @SequenceGenerator(name = "note_id", sequenceName = "notes_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "note_id")
    private Long id;

    @Column(name = "note_key", nullable = false, unique = true, updatable = false, length = NoteDraft.KEY_MAX)
    private String key;

    @Column(nullable = false, length = NoteDraft.TITLE_MAX)
    private String title;

    /** The database computes it from the title (a generated column): read by queries, never written. */
    @Column(name = "title_sort", insertable = false, updatable = false)
    private String sortTitle;

    @Column(nullable = false, length = NoteDraft.BODY_MAX)
    private String body = "";

    @Column(nullable = false, updatable = false, length = 40)
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Note() {
        // for JPA
    }

    public Note(String key, String title, String body, String author, Instant now) {
        this.key = key;
        this.title = title;
        this.body = body == null ? "" : body;
        this.author = author;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void revise(String newTitle, String newBody, Instant now) {
        this.title = newTitle;
        this.body = newBody == null ? "" : newBody;
        this.updatedAt = now;
    }

    public boolean isAuthoredBy(String username) {
        return username != null && username.equals(author);
    }

    /** Its author may delete it, and so may an administrator (a logged-in one: {@code username} set). */
    public boolean isDeletableBy(String username, boolean administrator) {
        return isAuthoredBy(username) || (username != null && administrator);
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
