package dev.notes.comment;

import dev.notes.note.Note;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A comment on a note. */
@Entity
@Table(name = "comments")
@NamedQuery(name = Comment.NEWEST_COUNTED,
        query = "SELECT c, (SELECT COUNT(a) FROM Comment a WHERE a.note.key = :key) FROM Comment c"
                + " WHERE c.note.key = :key ORDER BY c.id DESC")
@NamedQuery(name = Comment.OLDER_THAN,
        query = "SELECT c FROM Comment c WHERE c.note.key = :key AND c.id < :before ORDER BY c.id DESC")
@NamedQuery(name = Comment.COUNT_FOR_NOTE, query = "SELECT COUNT(c) FROM Comment c WHERE c.note.key = :key")
public class Comment implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String NEWEST_COUNTED = "Comment.newestCounted";
    static final String OLDER_THAN = "Comment.olderThan";
    static final String COUNT_FOR_NOTE = "Comment.countForNote";

    @Id
    @SequenceGenerator(name = "comment_id", sequenceName = "comments_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comment_id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "note_id", nullable = false, updatable = false)
    private Note note;

    @Column(nullable = false, updatable = false, length = 40)
    private String author;

    @Column(nullable = false, updatable = false, length = CommentDraft.TEXT_MAX)
    private String text;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Comment() {
        // for JPA
    }

    Comment(Note note, String author, String text, Instant createdAt) {
        this.note = note;
        this.author = author;
        this.text = text;
        this.createdAt = createdAt;
    }

    /** The comment's author and the note's author may delete it, and so may an administrator. */
    public boolean isDeletableBy(String username, String noteAuthor, boolean administrator) {
        return mayDeleteEveryCommentOn(username, noteAuthor, administrator) || (username != null && username.equals(author));
    }

    /**
     * Whether {@code username} may delete every comment on a note by {@code noteAuthor}, whoever
     * wrote it: the note's author and an administrator may. The note page states it for its script,
     * which then needs only the viewer's username for the rest of the rule (comments arriving live
     * carry no per-viewer permission).
     */
    public static boolean mayDeleteEveryCommentOn(String username, String noteAuthor, boolean administrator) {
        return username != null && (administrator || username.equals(noteAuthor));
    }

    public Long getId() {
        return id;
    }

    Note getNote() {
        return note;
    }

    public String getAuthor() {
        return author;
    }

    public String getText() {
        return text;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
