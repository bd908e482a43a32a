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
@NamedQuery(name = Note.LIST_BY_TITLE,
        query = "SELECT NEW dev.notes.note.NoteSummary(n.key, n.title) FROM Note n ORDER BY LOWER(n.title), n.key")
@NamedQuery(name = Note.SUMMARIES_BY_KEY,
        query = "SELECT NEW dev.notes.note.NoteSummary(n.key, n.title) FROM Note n WHERE n.key IN :keys")
public class Note implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String FIND_BY_KEY = "Note.findByKey";
    static final String LIST_BY_TITLE = "Note.listByTitle";
    static final String SUMMARIES_BY_KEY = "Note.summariesByKey";

    @Id
    @SequenceGenerator(name = "note_id", sequenceName = "notes_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "note_id")
    private Long id;

    @Column(name = "note_key", nullable = false, unique = true, updatable = false, length = NoteDraft.KEY_MAX)
    private String key;

    @Column(nullable = false, length = NoteDraft.TITLE_MAX)
    private String title;

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
