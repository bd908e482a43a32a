package dev.notes.it.arquillian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.comment.CommentDraft;
import dev.notes.comment.CommentService;
import dev.notes.live.EventPublisher;
import dev.notes.note.NoteDraft;
import dev.notes.note.NoteService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Committed domain events reach the live-update publisher (which numbers every event it delivers),
 * rolled-back ones never do.
 */
@ExtendWith(ArquillianExtension.class)
class LiveWiringIT {

    @Deployment
    static WebArchive deployment() {
        return NotesArchive.withTests(LiveWiringIT.class);
    }

    @Inject
    NoteService notes;

    @Inject
    ActingCaller caller;

    @Inject
    CommentService comments;

    @Inject
    EventPublisher publisher;

    @Inject
    UserTransaction transaction;

    @Test
    void eachCommittedChangeIsPublishedOnce() {
        String key = Unique.name("wired");
        long before = publisher.lastEventId();
        caller.actAs("alice");
        notes.create(new NoteDraft(key, "Wired", ""));
        caller.actAs("bob");
        comments.add(key, new CommentDraft("hello"));
        assertThat(publisher.lastEventId()).isEqualTo(before + 2);
    }

    @Test
    void aRolledBackChangeIsNeverPublished() throws Exception {
        String key = Unique.name("unwired");
        long before = publisher.lastEventId();
        transaction.begin();
        caller.actAs("alice");
        notes.create(new NoteDraft(key, "Rolled back", ""));
        caller.actAs("bob");
        comments.add(key, new CommentDraft("gone"));
        transaction.rollback();
        assertThat(publisher.lastEventId()).isEqualTo(before);
        assertThat(notes.find(key)).isEmpty();
    }
}
