package dev.notes.it.arquillian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notes.comment.CommentDraft;
import dev.notes.comment.CommentService;
import dev.notes.note.NoteDraft;
import dev.notes.note.NoteService;
import dev.notes.note.NotPermittedException;
import dev.notes.user.Moderation;
import dev.notes.user.ModerationRefusedException;
import dev.notes.user.NotAdministratorException;
import dev.notes.user.Registration;
import dev.notes.user.User;
import dev.notes.user.UserService;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link Moderation} and the administrator's deletions inside the server, on H2 and PostgreSQL:
 * the role is checked by every use case, a disabled account's password no longer logs in and its
 * session epoch rose, the username search treats {@code %} and {@code _} as themselves.
 */
@ExtendWith(ArquillianExtension.class)
class ModerationIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment
    static WebArchive deployment() {
        return NotesArchive.withTests(ModerationIT.class);
    }

    @Inject
    Moderation moderation;

    @Inject
    UserService users;

    @Inject
    NoteService notes;

    @Inject
    CommentService comments;

    @Inject
    ActingCaller caller;

    @AfterEach
    void nobodyActs() {
        caller.actAnonymously();
    }

    @Test
    void anAdministratorDeletesAnyNoteAndComment() {
        String key = Unique.name("moderated");
        caller.actAs("alice");
        notes.create(new NoteDraft(key, "Alice's", ""));
        caller.actAs("bob");
        long commentId = comments.add(key, new CommentDraft("Bob's")).getId();

        caller.actAs("mallory");
        assertThatThrownBy(() -> comments.delete(key, commentId)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> notes.delete(key)).isInstanceOf(NotPermittedException.class)
                .hasMessage("Only the author of a note or an administrator may delete it.");

        caller.actAsAdministrator("admin");
        comments.delete(key, commentId);
        assertThat(comments.count(key)).isZero();
        notes.delete(key);
        assertThat(notes.find(key)).isEmpty();
    }

    @Test
    void onlyAnAdministratorModeratesAccounts() {
        String username = register("target");

        caller.actAs("mallory");
        assertThatThrownBy(() -> moderation.disable(username)).isInstanceOf(NotAdministratorException.class);
        assertThatThrownBy(() -> moderation.promote(username)).isInstanceOf(NotAdministratorException.class);
        assertThatThrownBy(() -> moderation.usersStartingWith("")).isInstanceOf(NotAdministratorException.class);
        User untouched = users.find(username).orElseThrow();
        assertThat(untouched.isDisabled()).isFalse();
        assertThat(untouched.isAdministrator()).isFalse();
    }

    @Test
    void aDisabledAccountCannotLogInAndItsLoginsEnd() {
        String username = register("disabled");
        long epochBefore = users.sessionEpoch(username);
        assertThat(users.authenticate(username, PASSWORD.toCharArray())).isPresent();

        caller.actAsAdministrator("admin");
        moderation.disable(username);

        assertThat(users.authenticate(username, PASSWORD.toCharArray())).as("the right password").isEmpty();
        assertThat(users.sessionEpoch(username)).as("every login of before has ended").isGreaterThan(epochBefore);
        assertThat(users.find(username).orElseThrow().isDisabled()).isTrue();

        moderation.enable(username);
        assertThat(users.authenticate(username, PASSWORD.toCharArray())).as("enabled again").isPresent();
    }

    @Test
    void nobodyDisablesTheirOwnAccountOrAnUnknownOne() {
        String administrator = register("self");
        caller.actAsAdministrator(administrator);

        assertThatThrownBy(() -> moderation.disable(administrator)).isInstanceOf(ModerationRefusedException.class)
                .hasMessage("You cannot disable your own account.");
        assertThatThrownBy(() -> moderation.disable("nobody-" + administrator))
                .isInstanceOf(ModerationRefusedException.class).hasMessageContaining("There is no user");
        assertThat(users.find(administrator).orElseThrow().isDisabled()).isFalse();
    }

    @Test
    void aPromotionMakesAnAdministrator() {
        String username = register("promoted");
        caller.actAsAdministrator("admin");

        moderation.promote(username);

        assertThat(users.find(username).orElseThrow().isAdministrator()).isTrue();
    }

    @Test
    void theSearchTakesTheStartOfAUsernameLiterally() {
        String prefix = Unique.name("pct");
        String plain = register(prefix + "a");
        caller.actAsAdministrator("admin");

        assertThat(moderation.usersStartingWith(prefix.toUpperCase(java.util.Locale.ROOT)))
                .extracting(User::getUsername).contains(plain);
        assertThat(moderation.usersStartingWith(prefix.substring(0, 2) + "_")).as("_ is no wildcard")
                .extracting(User::getUsername).doesNotContain(plain);
        assertThat(moderation.usersStartingWith("%" + prefix)).as("%% is no wildcard")
                .extracting(User::getUsername).doesNotContain(plain);
    }

    private String register(String prefix) {
        String username = Unique.name(prefix);
        users.register(new Registration(username, "Display " + username, null, PASSWORD));
        return username;
    }
}
