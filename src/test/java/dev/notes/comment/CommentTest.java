package dev.notes.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.note.Note;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommentTest {

    private static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");
    private static final Note NOTE = new Note("key", "Title", "", "alice", T0);

    private static Comment commentBy(String author) {
        return new Comment(NOTE, author, "Nice!", T0.plusSeconds(1));
    }

    @Test
    void theConstructorSetsTheFields() {
        Comment comment = commentBy("bob");
        assertThat(comment.getNote()).isSameAs(NOTE);
        assertThat(comment.getAuthor()).isEqualTo("bob");
        assertThat(comment.getText()).isEqualTo("Nice!");
        assertThat(comment.getCreatedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(comment.getId()).isNull();
    }

    @Test
    void theCommentsAuthorMayDeleteIt() {
        assertThat(commentBy("bob").isDeletableBy("bob", "alice", false)).isTrue();
    }

    @Test
    void theNotesAuthorMayDeleteIt() {
        assertThat(commentBy("bob").isDeletableBy("alice", "alice", false)).isTrue();
    }

    @Test
    void othersMayNotDeleteIt() {
        assertThat(commentBy("bob").isDeletableBy("carol", "alice", false)).isFalse();
        assertThat(commentBy("bob").isDeletableBy("Bob", "alice", false)).isFalse();
        assertThat(commentBy("bob").isDeletableBy("", "alice", false)).isFalse();
    }

    @Test
    void anonymousUsersMayNotDeleteIt() {
        assertThat(commentBy("bob").isDeletableBy(null, "alice", false)).isFalse();
        assertThat(commentBy("bob").isDeletableBy(null, null, false)).isFalse();
        assertThat(commentBy(null).isDeletableBy(null, null, false)).isFalse();
    }

    @Test
    void anAdministratorMayDeleteAnyCommentButOnlyWhenLoggedIn() {
        assertThat(commentBy("bob").isDeletableBy("carol", "alice", true)).isTrue();
        assertThat(commentBy("bob").isDeletableBy(null, "alice", true)).isFalse();
    }

    @Test
    void theNotesAuthorAndAnAdministratorMayDeleteEveryCommentOnTheNote() {
        assertThat(Comment.mayDeleteEveryCommentOn("alice", "alice", false)).isTrue();
        assertThat(Comment.mayDeleteEveryCommentOn("carol", "alice", true)).isTrue();
        assertThat(Comment.mayDeleteEveryCommentOn("bob", "alice", false)).as("a comment's author, not the note's").isFalse();
        assertThat(Comment.mayDeleteEveryCommentOn(null, "alice", true)).as("nobody logged in").isFalse();
        assertThat(Comment.mayDeleteEveryCommentOn(null, null, false)).isFalse();
    }

    @Test
    void anUnknownNoteAuthorGivesNoRight() {
        assertThat(commentBy("bob").isDeletableBy("alice", null, false)).isFalse();
        assertThat(commentBy("bob").isDeletableBy("bob", null, false)).isTrue();
    }
}
