package dev.notes.it.arquillian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.platform.Settings;
import dev.notes.user.ActiveLogin;
import dev.notes.user.DatabaseLoginIndex;
import dev.notes.user.LoginIndex;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link DatabaseLoginIndex}, the list of each user's logins of an instance alone, inside the server
 * on H2 and PostgreSQL: newest first, one user's list apart from another's, ended logins forgotten,
 * logins older than the session lifetime neither listed nor kept, and at most
 * {@link LoginIndex#MAX_PER_USER} per user.
 */
@ExtendWith(ArquillianExtension.class)
class LoginIndexIT {

    private static final String RUN = Long.toString(System.nanoTime(), 36);

    @Deployment
    static WebArchive deployment() {
        return NotesArchive.withTests(LoginIndexIT.class);
    }

    @Inject
    DatabaseLoginIndex index;

    @Inject
    Settings settings;

    @Test
    void listsAUsersLoginsNewestFirstAndForgetsEndedOnes() {
        String alice = Unique.name("alice");
        String bob = Unique.name("bob");
        Instant now = Instant.now();
        index.add(alice, login("a1", now.minusSeconds(60)));
        index.add(alice, login("a2", now));
        index.add(bob, login("b1", now));
        index.add(alice, login("a1", now.minusSeconds(60)));

        assertThat(index.of(alice)).as("a1 added twice, as a password change does").extracting(ActiveLogin::id)
                .containsExactly(id("a2"), id("a1"));
        assertThat(index.of(alice).get(0)).isEqualTo(login("a2", now));
        index.remove(alice, id("a2"));
        assertThat(index.of(alice)).extracting(ActiveLogin::id).containsExactly(id("a1"));
        index.removeAll(alice);
        assertThat(index.of(alice)).isEmpty();
        assertThat(index.of(bob)).extracting(ActiveLogin::id).containsExactly(id("b1"));
    }

    @Test
    void aLoginOlderThanTheSessionLifetimeIsNeitherListedNorKept() {
        String carol = Unique.name("carol");
        Instant now = Instant.now();
        index.add(carol, login("old", now.minus(settings.sessionLifetime()).minusSeconds(1)));
        assertThat(index.of(carol)).as("listed").isEmpty();

        // The next login deletes it first: its id, added again, would otherwise collide with the row.
        index.add(carol, login("old", now));
        assertThat(index.of(carol)).extracting(ActiveLogin::id).containsExactly(id("old"));
    }

    @Test
    void keepsTheNewestLoginsOfAUserUpToTheBound() {
        String erin = Unique.name("erin");
        Instant now = Instant.now();
        for (int i = 0; i < LoginIndex.MAX_PER_USER + 5; i++) {
            index.add(erin, login("l" + i, now.minusSeconds(1_000 - i)));
        }

        assertThat(index.of(erin)).hasSize(LoginIndex.MAX_PER_USER)
                .first().extracting(ActiveLogin::id).isEqualTo(id("l" + (LoginIndex.MAX_PER_USER + 4)));
        assertThat(index.of(erin)).extracting(ActiveLogin::id).doesNotContain(id("l0"), id("l4"));
    }

    private static ActiveLogin login(String name, Instant startedAt) {
        // Millisecond precision: what both databases keep of a timestamp, so equality holds after a read.
        return ActiveLogin.of(id(name), Instant.ofEpochMilli(startedAt.toEpochMilli()), "127.0.0.1", "Test browser " + name);
    }

    /** Login ids are unique across users and runs, as the real ones (random UUIDs) are. */
    private static String id(String name) {
        return name + "-" + RUN;
    }
}
