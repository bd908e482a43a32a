package dev.notes.comment;

import dev.notes.event.CommentEvent;
import dev.notes.event.DomainEvent;
import dev.notes.note.Note;
import dev.notes.note.NoteNotFoundException;
import dev.notes.note.NoteService;
import dev.notes.note.NotPermittedException;
import dev.notes.platform.Times;
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

/** The comment use cases. Each public method is one transaction; arguments are validated first. */
@ApplicationScoped
@Transactional
public class CommentService {

    @PersistenceContext(unitName = "notes")
    private EntityManager em;

    @Inject
    private NoteService notes;

    @Inject
    private Event<DomainEvent> events;

    /** The note's comments, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Comment> listFor(String noteKey) {
        return em.createNamedQuery(Comment.LIST_FOR_NOTE, Comment.class)
                .setParameter("key", noteKey)
                .getResultList();
    }

    public Comment add(String noteKey, @NotNull @Valid CommentDraft draft, @NotNull String author) {
        String text = draft.getText();
        Note note = notes.find(noteKey).orElseThrow(() -> new NoteNotFoundException(noteKey));
        Instant now = Times.now();
        Comment comment = new Comment(note, author, text, now);
        em.persist(comment);
        em.flush();
        events.fire(new CommentEvent(CommentEvent.Kind.ADDED, noteKey, comment.getId(), author, text, now,
                author, now));
        return comment;
    }

    /** Deletes a comment, if {@code actor} wrote it or wrote its note. */
    public void delete(long commentId, @NotNull String actor) {
        Comment comment = em.find(Comment.class, commentId);
        if (comment == null) {
            throw new CommentNotFoundException(commentId);
        }
        Note note = comment.getNote();
        if (!comment.isDeletableBy(actor, note.getAuthor())) {
            throw new NotPermittedException("Only the author of a comment or of its note may delete it.");
        }
        em.remove(comment);
        em.flush();
        events.fire(new CommentEvent(CommentEvent.Kind.DELETED, note.getKey(), commentId, comment.getAuthor(),
                comment.getText(), comment.getCreatedAt(), actor, Times.now()));
    }
}
