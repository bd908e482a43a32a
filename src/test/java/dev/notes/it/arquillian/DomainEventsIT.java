package dev.notes.it.arquillian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notes.comment.CommentDraft;
import dev.notes.comment.CommentService;
import dev.notes.event.CommentEvent;
import dev.notes.event.DomainEvent;
import dev.notes.event.NoteEvent;
import dev.notes.note.DuplicateNoteKeyException;
import dev.notes.note.Note;
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
 * The domain events reach {@code AFTER_SUCCESS} observers (the live updates, the audit log) only
 * for changes that were committed, and only once they are.
 */
@ExtendWith(ArquillianExtension.class)
class DomainEventsIT {

    @Deployment
    static WebArchive deployment() {
        return NotesArchive.withTests(DomainEventsIT.class);
    }

    @Inject
    NoteService notes;

    @Inject
    ActingCaller caller;

    @Inject
    CommentService comments;

    @Inject
    CommittedEvents events;

    @Inject
    UserTransaction transaction;

    @Test
    void everyCommittedChangeIsObservedInOrder() {
        String key = Unique.name("events");
        caller.actAs("alice");
        Note created = notes.create(new NoteDraft(key, "Evented", "v1"));
        notes.update(new NoteDraft(key, "Evented", "v2"), created.getVersion());
        caller.actAs("bob");
        long commentId = comments.add(key, new CommentDraft("nice")).getId();
        caller.actAs("alice");
        comments.delete(key, commentId);
        notes.delete(key);

        assertThat(events.about(key)).extracting(DomainEventsIT::describe).containsExactly(
                "note CREATED by alice",
                "note UPDATED by alice",
                "comment ADDED by bob",
                "comment DELETED by alice",
                "note DELETED by alice");
        assertThat(events.about(key).get(1)).isInstanceOfSatisfying(NoteEvent.class,
                updated -> assertThat(updated.body()).isEqualTo("v2"));
        assertThat(events.about(key).get(2)).isInstanceOfSatisfying(CommentEvent.class,
                added -> assertThat(added.commentId()).isEqualTo(commentId));
    }

    @Test
    void eventsWaitForTheCommitOfTheSurroundingTransaction() throws Exception {
        String key = Unique.name("later");
        transaction.begin();
        try {
            caller.actAs("alice");
            notes.create(new NoteDraft(key, "Not yet", ""));
            caller.actAs("bob");
            comments.add(key, new CommentDraft("soon"));
            assertThat(events.about(key)).isEmpty();
        } finally {
            transaction.commit();
        }

        assertThat(events.about(key)).extracting(DomainEventsIT::describe)
                .containsExactly("note CREATED by alice", "comment ADDED by bob");
    }

    @Test
    void rolledBackChangesAreNeverObserved() throws Exception {
        String key = Unique.name("rollback");
        transaction.begin();
        try {
            caller.actAs("alice");
            notes.create(new NoteDraft(key, "Never", ""));
            caller.actAs("bob");
            comments.add(key, new CommentDraft("never seen"));
        } finally {
            transaction.rollback();
        }

        assertThat(notes.find(key)).isEmpty();
        assertThat(events.about(key)).isEmpty();
    }

    @Test
    void failedChangesAreNeverObserved() {
        String key = Unique.name("failed");
        caller.actAs("alice");
        notes.create(new NoteDraft(key, "First", ""));

        caller.actAs("bob");
        assertThatThrownBy(() -> notes.create(new NoteDraft(key, "Second", "")))
                .isInstanceOf(DuplicateNoteKeyException.class);

        assertThat(events.about(key)).extracting(DomainEventsIT::describe).containsExactly("note CREATED by alice");
    }

    private static String describe(DomainEvent event) {
        if (event instanceof NoteEvent note) {
            return "note " + note.kind() + " by " + note.actor();
        }
        return "comment " + ((CommentEvent) event).kind() + " by " + event.actor();
    }
}
