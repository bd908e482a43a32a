package dev.notes.it.arquillian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notes.comment.Comment;
import dev.notes.comment.CommentDraft;
import dev.notes.comment.CommentNotFoundException;
import dev.notes.comment.CommentService;
import dev.notes.note.DuplicateNoteKeyException;
import dev.notes.note.NotPermittedException;
import dev.notes.note.Note;
import dev.notes.note.NoteDraft;
import dev.notes.note.NoteNotFoundException;
import dev.notes.note.NoteService;
import dev.notes.note.NoteSummary;
import dev.notes.note.PageCursor;
import dev.notes.note.StaleNoteException;
import dev.notes.user.NotLoggedInException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link NoteService} inside the server, on the real database and transactions. */
@ExtendWith(ArquillianExtension.class)
class NoteServiceIT {

    @Deployment
    static WebArchive deployment() {
        return NotesArchive.withTests(NoteServiceIT.class);
    }

    @Inject
    NoteService notes;

    @Inject
    ActingCaller caller;

    @Inject
    CommentService comments;

    @Test
    void createdNoteCanBeFound() {
        String key = Unique.name("create");
        String author = Unique.name("alice");

        caller.actAs(author);
        Note created = notes.create(new NoteDraft(key, "Shopping", "milk\neggs"));

        Note found = notes.find(key).orElseThrow();
        assertThat(found.getId()).isEqualTo(created.getId());
        assertThat(found.getTitle()).isEqualTo("Shopping");
        assertThat(found.getBody()).isEqualTo("milk\neggs");
        assertThat(found.getAuthor()).isEqualTo(author);
        assertThat(found.getCreatedAt()).isEqualTo(created.getCreatedAt()).isEqualTo(found.getUpdatedAt());
    }

    @Test
    void findsNothingForUnknownOrImpossibleKeys() {
        assertThat(notes.find(Unique.name("missing"))).isEmpty();
        assertThat(notes.find("")).isEmpty();
        assertThat(notes.find(null)).isEmpty();
        assertThat(notes.find("k".repeat(NoteDraft.KEY_MAX + 1))).isEmpty();
    }

    @Test
    void listSortsByTitleIgnoringCaseThenByKey() {
        String run = Unique.name("sort");
        // Plain case-sensitive ordering would give Apple, Banana, Cherry, apple (binary) or
        // apple, Apple, ... (most locales); only LOWER(title), then key gives this order.
        // Titles start with the run's name, so the page from there holds them whatever else exists.
        caller.actAs("alice");
        notes.create(new NoteDraft(run + "-a", run + " Cherry", ""));
        notes.create(new NoteDraft(run + "-b", run + " Apple", ""));
        notes.create(new NoteDraft(run + "-c", run + " Banana", ""));
        notes.create(new NoteDraft(run + "-d", run + " apple", ""));

        assertThat(notes.pageFrom(new PageCursor(run, "")).notes())
                .filteredOn(summary -> summary.key().startsWith(run))
                .extracting(NoteSummary::key)
                .containsExactly(run + "-b", run + "-d", run + "-c", run + "-a");
    }

    @Test
    void updateWithTheLoadedVersionRevisesTheNote() {
        String key = Unique.name("update");
        caller.actAs("alice");
        Note created = notes.create(new NoteDraft(key, "Draft", "first"));

        Note updated = notes.update(new NoteDraft(key, "Final", "second"), created.getVersion());

        assertThat(updated.getVersion()).isGreaterThan(created.getVersion());
        Note found = notes.find(key).orElseThrow();
        assertThat(found.getTitle()).isEqualTo("Final");
        assertThat(found.getBody()).isEqualTo("second");
        assertThat(found.getVersion()).isEqualTo(updated.getVersion());
        assertThat(found.getCreatedAt()).isEqualTo(created.getCreatedAt());
        assertThat(found.getUpdatedAt()).isAfterOrEqualTo(created.getUpdatedAt());
    }

    @Test
    void updateWithAnOutdatedVersionIsRefused() {
        String key = Unique.name("stale");
        caller.actAs("alice");
        Note created = notes.create(new NoteDraft(key, "Original", "v1"));
        notes.update(new NoteDraft(key, "Theirs", "v2"), created.getVersion());

        assertThatThrownBy(() -> notes.update(new NoteDraft(key, "Mine", "v2'"), created.getVersion()))
                .isInstanceOf(StaleNoteException.class);
        assertThat(notes.find(key).orElseThrow().getTitle()).isEqualTo("Theirs");
    }

    @Test
    void onlyTheAuthorMayUpdateOrDelete() {
        String key = Unique.name("owned");
        caller.actAs("alice");
        Note created = notes.create(new NoteDraft(key, "Mine", ""));

        caller.actAs("mallory");
        assertThatThrownBy(() -> notes.update(new NoteDraft(key, "Hijacked", ""), created.getVersion()))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> notes.delete(key)).isInstanceOf(NotPermittedException.class);
        assertThat(notes.find(key).orElseThrow().getTitle()).isEqualTo("Mine");
    }

    @Test
    void anAnonymousCallerChangesNothing() {
        String key = Unique.name("anonymous");
        caller.actAs("alice");
        notes.create(new NoteDraft(key, "Guarded", ""));
        long commentId = comments.add(key, new CommentDraft("kept")).getId();

        caller.actAnonymously();
        assertThatThrownBy(() -> notes.create(new NoteDraft(Unique.name("nobody"), "Nobody's", "")))
                .isInstanceOf(NotLoggedInException.class);
        assertThatThrownBy(() -> notes.delete(key)).isInstanceOf(NotLoggedInException.class);
        assertThatThrownBy(() -> comments.add(key, new CommentDraft("anonymous"))).isInstanceOf(NotLoggedInException.class);
        assertThatThrownBy(() -> comments.delete(key, commentId)).isInstanceOf(NotLoggedInException.class);
        assertThat(comments.newest(key).slice().comments()).extracting(Comment::getText).containsExactly("kept");
    }

    @Test
    void deleteRemovesTheNoteAndItsComments() {
        String key = Unique.name("delete");
        caller.actAs("alice");
        notes.create(new NoteDraft(key, "Doomed", ""));
        caller.actAs("bob");
        long commentId = comments.add(key, new CommentDraft("first!")).getId();

        caller.actAs("alice");
        notes.delete(key);

        assertThat(notes.find(key)).isEmpty();
        assertThat(comments.newest(key).slice().comments()).isEmpty();
        caller.actAs("bob");
        assertThatThrownBy(() -> comments.delete(key, commentId)).isInstanceOf(CommentNotFoundException.class);
        caller.actAs("alice");
        assertThatThrownBy(() -> notes.delete(key)).isInstanceOf(NoteNotFoundException.class);
    }

    @Test
    void aKeyCanBeUsedOnlyOnce() {
        String key = Unique.name("dup");
        caller.actAs("alice");
        notes.create(new NoteDraft(key, "First", ""));

        caller.actAs("bob");
        assertThatThrownBy(() -> notes.create(new NoteDraft(key, "Second", "")))
                .isInstanceOf(DuplicateNoteKeyException.class);
        assertThat(notes.find(key).orElseThrow().getTitle()).isEqualTo("First");
    }

    @Test
    void invalidKeysAreRefusedBeforeSaving() {
        String key = Unique.name("bad key");

        caller.actAs("alice");
        assertViolation(() -> notes.create(new NoteDraft(key, "Title", "")), "key");
        assertViolation(() -> notes.create(new NoteDraft("", "Title", "")), "key");
        assertViolation(() -> notes.create(new NoteDraft("k".repeat(NoteDraft.KEY_MAX + 1), "Title", "")),
                "key");
        assertThat(notes.find(key)).isEmpty();
    }

    @Test
    void titlesAndBodiesHaveMaximumLengths() {
        String key = Unique.name("long");

        caller.actAs("alice");
        assertViolation(() -> notes.create(new NoteDraft(key, "t".repeat(NoteDraft.TITLE_MAX + 1), "")),
                "title");
        assertViolation(() -> notes.create(new NoteDraft(key, "Title", "b".repeat(NoteDraft.BODY_MAX + 1))),
                "body");
        assertThat(notes.find(key)).isEmpty();

        // The limits themselves fit the database columns.
        notes.create(new NoteDraft(key, "t".repeat(NoteDraft.TITLE_MAX), "b".repeat(NoteDraft.BODY_MAX)));
        Note found = notes.find(key).orElseThrow();
        assertThat(found.getTitle()).hasSize(NoteDraft.TITLE_MAX);
        assertThat(found.getBody()).hasSize(NoteDraft.BODY_MAX);
    }

    @Test
    void updatesAreValidatedToo() {
        String key = Unique.name("revalidate");
        caller.actAs("alice");
        Note created = notes.create(new NoteDraft(key, "Fine", ""));

        assertViolation(() -> notes.update(new NoteDraft(key, " ", ""), created.getVersion()), "title");
        assertThat(notes.find(key).orElseThrow().getTitle()).isEqualTo("Fine");
    }

    /** Bean Validation refused the call, naming the draft's {@code property}. */
    private static void assertViolation(Runnable call, String property) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .extracting(ConstraintViolation::getPropertyPath)
                        .map(Object::toString)
                        .anyMatch(path -> path.endsWith("." + property)));
    }
}
