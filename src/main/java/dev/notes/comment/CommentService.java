package dev.notes.comment;

import dev.notes.event.CommentEvent;
import dev.notes.event.DomainEvent;
import dev.notes.note.Note;
import dev.notes.note.NoteNotFoundException;
import dev.notes.note.NoteService;
import dev.notes.note.NotPermittedException;
import dev.notes.platform.Times;
import dev.notes.user.Caller;
import dev.notes.user.DisplayNames;
import dev.notes.user.ModerationLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The comment use cases. Each public method is one transaction; arguments are validated first.
 * Changes are made as the {@link Caller}, who must be logged in ({@code NotLoggedInException} otherwise).
 */
@ApplicationScoped
@Transactional
public class CommentService {

    @PersistenceContext(unitName = "notes")
    private EntityManager em;

    @Inject
    private NoteService notes;

    @Inject
    private Event<DomainEvent> events;

    @Inject
    private Caller caller;

    @Inject
    private DisplayNames displayNames;

    /**
     * The note's newest {@link CommentPage#SIZE} comments and the count of all, in one statement:
     * the database answers both from one snapshot, so the count covers exactly what the slice shows
     * and what lies beyond it (a live client relies on that to count the events it applies).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NewestComments newest(String noteKey) {
        List<Object[]> rows = em.createNamedQuery(Comment.NEWEST_COUNTED, Object[].class)
                .setParameter("key", noteKey)
                .setMaxResults(CommentPage.SIZE + 1)
                .getResultList();
        // No row: no comment at all, the count included.
        long count = rows.isEmpty() ? 0 : (Long) rows.get(0)[1];
        List<Comment> found = rows.stream().map(row -> (Comment) row[0]).toList();
        return new NewestComments(CommentPage.of(found, CommentPage.SIZE), count);
    }

    /**
     * Up to {@code limit} of the note's comments whose id is below {@code beforeId}, newest first.
     * Keyset paging by id: ids grow, so a reader walking older pages sees every comment once, however
     * many are added or deleted meanwhile, and each page reads only its own rows (index on note and id).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CommentPage olderThan(String noteKey, long beforeId, int limit) {
        List<Comment> found = em.createNamedQuery(Comment.OLDER_THAN, Comment.class)
                .setParameter("key", noteKey)
                .setParameter("before", beforeId)
                .setMaxResults(limit + 1)
                .getResultList();
        return CommentPage.of(found, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(String noteKey) {
        return em.createNamedQuery(Comment.COUNT_FOR_NOTE, Long.class)
                .setParameter("key", noteKey)
                .getSingleResult();
    }

    /** The comments as browsers receive them, each with its author's display name (one lookup for all). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CommentView> views(List<Comment> comments) {
        Map<String, String> names = displayNames.of(comments.stream().map(Comment::getAuthor).toList());
        return comments.stream().map(comment -> CommentView.of(comment, names.get(comment.getAuthor()))).toList();
    }

    /** Adds the comment to the note, written by the caller. */
    public Comment add(String noteKey, @NotNull @Valid CommentDraft draft) {
        String author = caller.requireUsername();
        String text = draft.getText();
        Note note = notes.find(noteKey).orElseThrow(() -> new NoteNotFoundException(noteKey));
        Instant now = Times.now();
        Comment comment = new Comment(note, author, text, now);
        em.persist(comment);
        em.flush();
        events.fire(new CommentEvent(CommentEvent.Kind.ADDED, noteKey, comment.getId(), author,
                displayNames.of(author), text, now, author, now));
        return comment;
    }

    /**
     * Deletes the comment {@code commentId} of the note {@code noteKey}, if the caller wrote it or
     * wrote the note, or is an administrator (whose deletion of another's comment goes to the
     * {@link ModerationLog}). A comment of another note is refused before any permission is checked.
     *
     * @throws CommentNotFoundException  if no comment has the id (any more)
     * @throws CommentNotOnNoteException if the comment belongs to another note
     * @throws NotPermittedException     if the caller wrote neither the comment nor the note and is no administrator
     */
    public void delete(String noteKey, long commentId) {
        String actor = caller.requireUsername();
        Comment comment = em.find(Comment.class, commentId);
        if (comment == null) {
            throw new CommentNotFoundException(commentId);
        }
        Note note = comment.getNote();
        if (!note.getKey().equals(noteKey)) {
            throw new CommentNotOnNoteException(noteKey, commentId);
        }
        if (!comment.isDeletableBy(actor, note.getAuthor(), caller.isAdministrator())) {
            throw new NotPermittedException("Only the author of a comment or of its note may delete it.");
        }
        em.remove(comment);
        em.flush();
        if (!comment.isDeletableBy(actor, note.getAuthor(), false)) {
            ModerationLog.commentDeleted(actor, note.getKey(), commentId, comment.getAuthor());
        }
        events.fire(new CommentEvent(CommentEvent.Kind.DELETED, note.getKey(), commentId, comment.getAuthor(),
                null, comment.getText(), comment.getCreatedAt(), actor, Times.now()));
    }
}
