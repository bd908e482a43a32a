package dev.notes.it.arquillian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.notes.comment.Comment;
import dev.notes.comment.CommentDraft;
import dev.notes.comment.CommentNotFoundException;
import dev.notes.comment.CommentNotOnNoteException;
import dev.notes.comment.CommentPage;
import dev.notes.comment.CommentService;
import dev.notes.note.NotPermittedException;
import dev.notes.note.NoteDraft;
import dev.notes.note.NoteNotFoundException;
import dev.notes.note.NoteService;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link CommentService} inside the server: ordering, slices, counts and who may delete what. */
@ExtendWith(ArquillianExtension.class)
class CommentServiceIT {

    @Deployment
    static WebArchive deployment() {
        return NotesArchive.withTests(CommentServiceIT.class);
    }

    @Inject
    NoteService notes;

    @Inject
    ActingCaller caller;

    @Inject
    CommentService comments;

    private String noteKey;
    private String noteAuthor;

    @BeforeEach
    void createNote() {
        noteKey = Unique.name("commented");
        noteAuthor = Unique.name("alice");
        caller.actAs(noteAuthor);
        notes.create(new NoteDraft(noteKey, "Commented", ""));
    }

    @Test
    void commentsAreListedNewestFirst() {
        caller.actAs("bob");
        comments.add(noteKey, new CommentDraft("one"));
        caller.actAs("carol");
        comments.add(noteKey, new CommentDraft("two"));
        caller.actAs("bob");
        comments.add(noteKey, new CommentDraft("three"));

        assertThat(comments.newest(noteKey).slice().comments())
                .extracting(Comment::getText, Comment::getAuthor)
                .containsExactly(
                        tuple("three", "bob"),
                        tuple("two", "carol"),
                        tuple("one", "bob"));
    }

    @Test
    void olderSlicesWalkEveryCommentOnceNewestFirstAndCountAll() {
        List<Long> added = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            caller.actAs("bob");
            added.add(comments.add(noteKey, new CommentDraft("comment " + i)).getId());
        }
        Collections.reverse(added);

        List<Long> walked = new ArrayList<>();
        CommentPage slice = comments.olderThan(noteKey, CommentPage.NEWEST, 3);
        walked.addAll(slice.comments().stream().map(Comment::getId).toList());
        while (slice.hasOlder()) {
            assertThat(slice.comments()).hasSize(3);
            slice = comments.olderThan(noteKey, slice.oldestId(), 3);
            walked.addAll(slice.comments().stream().map(Comment::getId).toList());
        }

        assertThat(walked).containsExactlyElementsOf(added);
        assertThat(comments.count(noteKey)).isEqualTo(7);
        assertThat(comments.newest(noteKey).slice().hasOlder()).isFalse();
        assertThat(comments.newest(noteKey).count()).isEqualTo(7);
    }

    @Test
    void commentsBelongToTheirNote() {
        String otherKey = Unique.name("other");
        caller.actAs(noteAuthor);
        notes.create(new NoteDraft(otherKey, "Other", ""));
        caller.actAs("bob");
        comments.add(otherKey, new CommentDraft("elsewhere"));

        assertThat(comments.newest(noteKey).slice().comments()).isEmpty();
        assertThat(comments.newest(otherKey).slice().comments()).extracting(Comment::getText).containsExactly("elsewhere");
    }

    @Test
    void commentingOnAMissingNoteFails() {
        caller.actAs("bob");
        assertThatThrownBy(() -> comments.add(Unique.name("missing"), new CommentDraft("hello?")))
                .isInstanceOf(NoteNotFoundException.class);
    }

    @Test
    void blankOrOverlongCommentsAreRefused() {
        caller.actAs("bob");
        assertThatThrownBy(() -> comments.add(noteKey, new CommentDraft("  ")))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> comments.add(noteKey, new CommentDraft("x".repeat(CommentDraft.TEXT_MAX + 1))))
                .isInstanceOf(ConstraintViolationException.class);
        assertThat(comments.newest(noteKey).slice().comments()).isEmpty();
    }

    @Test
    void theCommentAuthorMayDeleteTheirComment() {
        caller.actAs("bob");
        long id = comments.add(noteKey, new CommentDraft("oops")).getId();

        comments.delete(noteKey, id);

        assertThat(comments.newest(noteKey).slice().comments()).isEmpty();
    }

    @Test
    void theNoteAuthorMayDeleteAnyCommentOnTheirNote() {
        caller.actAs("carol");
        long id = comments.add(noteKey, new CommentDraft("spam")).getId();

        caller.actAs(noteAuthor);
        comments.delete(noteKey, id);

        assertThat(comments.newest(noteKey).slice().comments()).isEmpty();
    }

    @Test
    void nobodyElseMayDeleteAComment() {
        caller.actAs("bob");
        long id = comments.add(noteKey, new CommentDraft("keep me")).getId();

        caller.actAs("carol");
        assertThatThrownBy(() -> comments.delete(noteKey, id)).isInstanceOf(NotPermittedException.class);
        assertThat(comments.newest(noteKey).slice().comments()).extracting(Comment::getText).containsExactly("keep me");
    }

    @Test
    void aCommentIsDeletedOnlyThroughItsOwnNoteAndNotFoundThroughAnotherWhoeverAsks() {
        String otherKey = Unique.name("other");
        caller.actAs("bob");
        notes.create(new NoteDraft(otherKey, "Other", ""));
        long id = comments.add(noteKey, new CommentDraft("on the first note")).getId();

        // bob wrote the comment and the other note, the note's author may delete any comment on it,
        // carol may do neither: all are told it is not there.
        for (String actor : List.of("bob", "carol", noteAuthor)) {
            caller.actAs(actor);
            assertThatThrownBy(() -> comments.delete(otherKey, id)).as(actor)
                    .isInstanceOf(CommentNotOnNoteException.class);
        }
        assertThat(comments.newest(noteKey).slice().comments()).extracting(Comment::getText)
                .containsExactly("on the first note");
    }

    @Test
    void deletingAMissingCommentFails() {
        caller.actAs("bob");
        long id = comments.add(noteKey, new CommentDraft("once")).getId();
        comments.delete(noteKey, id);

        assertThatThrownBy(() -> comments.delete(noteKey, id)).isInstanceOf(CommentNotFoundException.class);
    }
}
