package dev.notes.it.arquillian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notes.user.DuplicateUsernameException;
import dev.notes.user.Registration;
import dev.notes.user.SignedInUser;
import dev.notes.user.User;
import dev.notes.user.UserIdentityStore;
import dev.notes.user.UserService;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.RememberMeCredential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.validation.ConstraintViolationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registration, password checks and the identity store the login uses, inside the server. */
@ExtendWith(ArquillianExtension.class)
class UserServiceIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment
    static WebArchive deployment() {
        return NotesArchive.withTests(UserServiceIT.class);
    }

    @Inject
    UserService users;

    @Inject
    UserIdentityStore identityStore;

    /** To see what is stored, which the application never shows. */
    @Resource(lookup = "jdbc/notes")
    DataSource database;

    @Test
    void registrationStoresAPbkdf2HashNotThePassword() throws SQLException {
        String username = Unique.name("hash");

        users.register(new Registration(username, "Hash Tester", null, PASSWORD));

        String stored = storedPasswordHash(username);
        assertThat(stored).startsWith("PBKDF2WithHmacSHA512:210000:").doesNotContain(PASSWORD);
        assertThat(stored.split(":")).hasSize(4);
    }

    @Test
    void usernamesAreNormalisedToLowerCase() {
        String username = Unique.name("Alice");

        User user = users.register(new Registration(username.toUpperCase(Locale.ROOT), " Alice ",
                "alice@example.org", PASSWORD));

        assertThat(user.getUsername()).isEqualTo(username.toLowerCase(Locale.ROOT));
        assertThat(user.getDisplayName()).isEqualTo("Alice");
        assertThat(users.find(username).map(User::getUsername)).contains(username.toLowerCase(Locale.ROOT));
    }

    @Test
    void aUsernameIsTakenWhateverItsCase() {
        String username = Unique.name("bob");
        users.register(new Registration(username, "Bob", null, PASSWORD));

        assertThatThrownBy(() -> users.register(new Registration(username.toUpperCase(Locale.ROOT), "Other Bob", null,
                "another password")))
                .isInstanceOf(DuplicateUsernameException.class);
    }

    @Test
    void invalidRegistrationsAreRefused() {
        assertThatThrownBy(() -> users.register(new Registration("x", "Too Short", null, PASSWORD)))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> users.register(new Registration(Unique.name("pw"), "Short Password", null, "short")))
                .isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void authenticateAcceptsOnlyTheRightPassword() {
        String username = Unique.name("carol");
        users.register(new Registration(username, "Carol", null, PASSWORD));

        assertThat(users.authenticate(username.toUpperCase(Locale.ROOT), PASSWORD.toCharArray()))
                .map(User::getUsername).contains(username);
        assertThat(users.authenticate(username, "wrong password".toCharArray())).isEmpty();
        assertThat(users.authenticate(Unique.name("nobody"), PASSWORD.toCharArray())).isEmpty();
    }

    @Test
    void identityStoreValidatesRegisteredCredentials() {
        String username = Unique.name("dave");
        users.register(new Registration(username, "Dave", null, PASSWORD));

        CredentialValidationResult result = identityStore.validate(new UsernamePasswordCredential(username, PASSWORD));

        assertThat(result.getStatus()).isEqualTo(CredentialValidationResult.Status.VALID);
        assertThat(result.getCallerPrincipal().getName()).isEqualTo(username);
        assertThat(result.getCallerGroups()).containsExactly(SignedInUser.USER_GROUP);
    }

    @Test
    void identityStoreRejectsWrongPasswordsAndUnknownUsers() {
        String username = Unique.name("erin");
        users.register(new Registration(username, "Erin", null, PASSWORD));

        assertThat(identityStore.validate(new UsernamePasswordCredential(username, "wrong password")).getStatus())
                .isEqualTo(CredentialValidationResult.Status.INVALID);
        assertThat(identityStore.validate(new UsernamePasswordCredential(Unique.name("nobody"), PASSWORD)).getStatus())
                .isEqualTo(CredentialValidationResult.Status.INVALID);
    }

    @Test
    void identityStoreLeavesOtherCredentialsToOthers() {
        assertThat(identityStore.validate(new RememberMeCredential("token")).getStatus())
                .isEqualTo(CredentialValidationResult.Status.NOT_VALIDATED);
    }

    private String storedPasswordHash(String username) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT password_hash FROM users WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("a row for " + username).isTrue();
                return row.getString(1);
            }
        }
    }
}
