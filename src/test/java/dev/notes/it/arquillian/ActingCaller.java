package dev.notes.it.arquillian;

import dev.notes.user.Caller;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Optional;

/**
 * The caller the Arquillian tests act as, in place of the application's
 * {@code SecurityContextCaller}: an alternative enabled by its priority, and only in the test
 * archive ({@link NotesArchive} adds it), so the WAR that ships is unchanged. A test says whom the
 * services serve with {@link #actAs} and then calls them as the web layer does.
 * <p>
 * Why not log in for real: the services are reached from the test's own request, which carries no
 * session, and establishing a Jakarta Security caller there would mean driving the login mechanism
 * with passwords for every user a test names, which tests the mechanism rather than the service.
 * The port is what the services depend on, so the port is what the tests replace; the adapter over
 * the security context is covered by the black-box tests, which log in through the pages.
 * <p>
 * One value for the whole deployment: the test methods of a class run one after the other.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ActingCaller implements Caller {

    private volatile String username;
    private volatile boolean administrator;

    /** The services act for {@code username} from now on. */
    public void actAs(String username) {
        this.username = username;
        this.administrator = false;
    }

    /** The services act for {@code username}, logged in as an administrator, from now on. */
    public void actAsAdministrator(String username) {
        this.username = username;
        this.administrator = true;
    }

    /** The services see nobody logged in from now on. */
    public void actAnonymously() {
        this.username = null;
        this.administrator = false;
    }

    @Override
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    @Override
    public boolean isAdministrator() {
        return administrator;
    }
}
