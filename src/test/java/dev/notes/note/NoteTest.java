package dev.notes.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NoteTest {

    private static final Instant T0 = Instant.parse("2025-01-02T03:04:05.678Z");

    private static Note noteBy(String author) {
        return new Note("key", "Title", "Body", author, T0);
    }

    @Test
    void theConstructorSetsTheFields() {
        Note note = noteBy("alice");
        assertThat(note.getKey()).isEqualTo("key");
        assertThat(note.getTitle()).isEqualTo("Title");
        assertThat(note.getBody()).isEqualTo("Body");
        assertThat(note.getAuthor()).isEqualTo("alice");
        assertThat(note.getCreatedAt()).isEqualTo(T0);
        assertThat(note.getUpdatedAt()).isEqualTo(T0);
        assertThat(note.getVersion()).isZero();
        assertThat(note.getId()).isNull();
    }

    @Test
    void aNullBodyBecomesEmpty() {
        assertThat(new Note("k", "t", null, "alice", T0).getBody()).isEmpty();
    }

    @Test
    void reviseChangesTitleBodyAndUpdateTimeOnly() {
        Note note = noteBy("alice");
        Instant later = T0.plusSeconds(60);
        note.revise("New title", null, later);
        assertThat(note.getTitle()).isEqualTo("New title");
        assertThat(note.getBody()).isEmpty();
        assertThat(note.getUpdatedAt()).isEqualTo(later);
        assertThat(note.getCreatedAt()).isEqualTo(T0);
        assertThat(note.getKey()).isEqualTo("key");
        assertThat(note.getAuthor()).isEqualTo("alice");
    }

    @Test
    void isAuthoredByTheAuthorOnly() {
        Note note = noteBy("alice");
        assertThat(note.isAuthoredBy("alice")).isTrue();
        assertThat(note.isAuthoredBy("bob")).isFalse();
        assertThat(note.isAuthoredBy("")).isFalse();
        assertThat(note.isAuthoredBy(null)).isFalse();
    }

    @Test
    void isAuthoredByComparesExactlyBecauseUsernamesAreStoredNormalised() {
        Note note = noteBy("alice");
        assertThat(note.isAuthoredBy("Alice")).isFalse();
        assertThat(note.isAuthoredBy("alice ")).isFalse();
        assertThat(note.isAuthoredBy("alic")).isFalse();
    }

    @Test
    void aNoteWithoutAuthorIsAuthoredByNobody() {
        Note note = noteBy(null);
        assertThat(note.isAuthoredBy(null)).isFalse();
        assertThat(note.isAuthoredBy("alice")).isFalse();
    }

    @Test
    void itsAuthorAndAnAdministratorMayDeleteANote() {
        Note note = noteBy("alice");
        assertThat(note.isDeletableBy("alice", false)).isTrue();
        assertThat(note.isDeletableBy("bob", false)).isFalse();
        assertThat(note.isDeletableBy("bob", true)).isTrue();
        assertThat(note.isDeletableBy(null, true)).as("nobody logged in").isFalse();
    }

    @Test
    void requireAuthorLetsTheAuthorPass() {
        assertThatCode(() -> NoteService.requireAuthor(noteBy("alice"), "alice", "edit")).doesNotThrowAnyException();
    }

    @Test
    void requireAuthorRefusesOthersWithTheAction() {
        assertThatThrownBy(() -> NoteService.requireAuthor(noteBy("alice"), "bob", "edit"))
                .isExactlyInstanceOf(NotPermittedException.class)
                .hasMessage("Only the author of a note may edit it.");
        assertThatThrownBy(() -> NoteService.requireAuthor(noteBy("alice"), "bob", "delete"))
                .isExactlyInstanceOf(NotPermittedException.class)
                .hasMessage("Only the author of a note may delete it.");
    }

    @Test
    void requireAuthorRefusesAnonymousUsers() {
        assertThatThrownBy(() -> NoteService.requireAuthor(noteBy("alice"), null, "edit"))
                .isInstanceOf(NotPermittedException.class)
                .isInstanceOf(RuntimeException.class)
                .hasMessage("Only the author of a note may edit it.");
    }
}
