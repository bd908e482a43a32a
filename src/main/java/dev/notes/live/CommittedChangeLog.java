package dev.notes.live;

import dev.notes.event.CommentEvent;
import dev.notes.event.DomainEvent;
import dev.notes.event.NoteEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.logging.Logger;

/** One log line per committed change: the audit trail an operator reads in messages.log. */
@ApplicationScoped
public class CommittedChangeLog {

    private static final Logger LOG = Logger.getLogger(CommittedChangeLog.class.getName());

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) DomainEvent event) {
        LOG.info(() -> "Committed: " + describe(event));
    }

    static String describe(DomainEvent event) {
        if (event instanceof NoteEvent note) {
            return "note " + note.kind() + " key=" + note.noteKey() + " by " + note.actor();
        }
        CommentEvent comment = (CommentEvent) event;
        return "comment " + comment.kind() + " id=" + comment.commentId() + " on note " + comment.noteKey()
                + " by " + comment.actor();
    }
}
