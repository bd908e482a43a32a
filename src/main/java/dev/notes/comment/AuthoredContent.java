package dev.notes.comment;

import dev.notes.event.CommentEvent;
import dev.notes.event.DomainEvent;
import dev.notes.event.NoteEvent;
import dev.notes.platform.Times;
import dev.notes.user.AccountContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The adapter of {@link AccountContent}: an account's notes, the comments on them, and its comments
 * on other people's notes, counted and deleted with the account. Here because comments know their
 * notes (the note package knows nothing of comments).
 * <p>
 * The deletion is two statements whatever the account's size: the account's comments, then its
 * notes, whose remaining comments (other people's) go by the foreign key's cascade; the indexes of
 * V7 find the rows by author. Open pages hear of it through the usual events, one per deleted note
 * ({@code note.deleted}: the home lists and the note's own page) and one per deleted comment on
 * another person's note (that note's page); a comment on a deleted note needs none, as its page goes
 * with the note. The events are fired inside the transaction and published after it commits, each
 * carrying only what a page needs to take the item away (key and title, comment id), not a note's
 * text of up to 100,000 characters, so an account of 10,000 notes costs 10,000 small events, a few
 * megabytes held until the commit. A browser that falls that far behind is closed by its send queue's
 * bound and catches up from a fresh snapshot, as after any burst.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuthoredContent implements AccountContent {

    private static final String COUNT_NOTES = "SELECT COUNT(n) FROM Note n WHERE n.author = :username";
    private static final String COUNT_COMMENTS_ON_THEIR_NOTES =
            "SELECT COUNT(c) FROM Comment c WHERE c.note.author = :username";
    private static final String COUNT_COMMENTS_ON_OTHER_NOTES =
            "SELECT COUNT(c) FROM Comment c WHERE c.author = :username AND c.note.author <> :username";
    private static final String NOTES = "SELECT n.key, n.title FROM Note n WHERE n.author = :username";
    private static final String COMMENTS_ON_OTHER_NOTES = "SELECT c.id, c.note.key, c.createdAt FROM Comment c"
            + " WHERE c.author = :username AND c.note.author <> :username";
    private static final String DELETE_COMMENTS = "DELETE FROM Comment c WHERE c.author = :username";
    private static final String DELETE_NOTES = "DELETE FROM Note n WHERE n.author = :username";

    @PersistenceContext(unitName = "notes")
    private EntityManager em;

    @Inject
    private Event<DomainEvent> events;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Counts of(String username) {
        return new Counts(count(COUNT_NOTES, username), count(COUNT_COMMENTS_ON_THEIR_NOTES, username),
                count(COUNT_COMMENTS_ON_OTHER_NOTES, username));
    }

    @Override
    public Counts deleteAllOf(String username) {
        Counts counted = of(username);
        List<Object[]> notes = rows(NOTES, username);
        List<Object[]> comments = rows(COMMENTS_ON_OTHER_NOTES, username);
        em.createQuery(DELETE_COMMENTS).setParameter("username", username).executeUpdate();
        em.createQuery(DELETE_NOTES).setParameter("username", username).executeUpdate();
        Instant now = Times.now();
        for (Object[] comment : comments) {
            // No text: a deleted comment's event may leave it out (EventCodec), and pages need only the id.
            events.fire(new CommentEvent(CommentEvent.Kind.DELETED, (String) comment[1], (Long) comment[0], username,
                    null, null, (Instant) comment[2], username, now));
        }
        for (Object[] note : notes) {
            events.fire(new NoteEvent(NoteEvent.Kind.DELETED, (String) note[0], (String) note[1], "", username, now));
        }
        return new Counts(notes.size(), counted.commentsOnTheirNotes(), comments.size());
    }

    private long count(String query, String username) {
        return em.createQuery(query, Long.class).setParameter("username", username).getSingleResult();
    }

    private List<Object[]> rows(String query, String username) {
        return em.createQuery(query, Object[].class).setParameter("username", username).getResultList();
    }
}
