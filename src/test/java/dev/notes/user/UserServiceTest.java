package dev.notes.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.mockito.InjectMocks;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

/**
 * The service's own logic around the hash and the database, both mocked. PBKDF2 itself needs the
 * container's {@code Pbkdf2PasswordHash} implementation and is covered by the integration tests.
 */
@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class UserServiceTest {

    private static final String DECOY = "PBKDF2WithHmacSHA512:210000:decoy-salt:decoy-hash";

    @Mock
    private EntityManager em;

    @Mock
    private Pbkdf2PasswordHash passwordHash;

    @Mock
    private Caller caller;

    @Mock
    private Event<SessionEpochAdvanced> epochAdvanced;

    @Mock
    private Event<DisplayNameChanged> displayNameChanged;

    @Mock
    private SessionEpochSequence epochs;

    @Mock
    private AccountContent content;

    @InjectMocks
    private UserService service;

    @BeforeEach
    void init() {
        when(passwordHash.generate(any(char[].class))).thenAnswer(call -> "hash-of:" + new String((char[]) call.getArgument(0)));
        service.init();
    }

    @SuppressWarnings("unchecked")
    private TypedQuery<User> expectQueryFor(String username, User... result) {
        TypedQuery<User> query = mock(TypedQuery.class);
        when(em.createNamedQuery(User.FIND_BY_USERNAME, User.class)).thenReturn(query);
        when(query.setParameter("username", username)).thenReturn(query);
        when(query.getResultStream()).thenAnswer(call -> Stream.of(result));
        return query;
    }

    /** {@code user} is the caller, and the query for their row takes a lock. */
    private TypedQuery<User> expectCallerForUpdate(User user) {
        TypedQuery<User> query = expectQueryFor(user.getUsername(), user);
        when(query.setLockMode(LockModeType.PESSIMISTIC_WRITE)).thenReturn(query);
        when(caller.requireUsername()).thenReturn(user.getUsername());
        return query;
    }

    private static User user(String username, String hash) {
        return new User(username, hash, "Display", null, Instant.EPOCH, 0);
    }

    @Test
    void theHashParametersFollowOwasp2023() {
        assertThat(UserService.HASH_PARAMETERS).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    @Test
    void initConfiguresTheHashAndMakesADecoy() {
        verify(passwordHash).initialize(UserService.HASH_PARAMETERS);
        verify(passwordHash).generate("not a password of anyone".toCharArray());
    }

    // --- the caller's own account

    @Test
    void aPasswordChangeStoresTheNewHashAndRaisesTheCallersEpochUnderALock() {
        User alice = user("alice", "old-hash");
        TypedQuery<User> query = expectCallerForUpdate(alice);
        when(epochs.next()).thenReturn(1_000_000_007L, 1_000_000_012L);

        assertThat(service.changePassword("a new and longer passphrase")).isEqualTo(1_000_000_007L);
        assertThat(service.changePassword("another new passphrase")).isEqualTo(1_000_000_012L);

        assertThat(alice.getPasswordHash()).isEqualTo("hash-of:another new passphrase");
        assertThat(alice.getSessionEpoch()).as("the sequence's, shared by every account").isEqualTo(1_000_000_012L);
        verify(query, times(2)).setLockMode(LockModeType.PESSIMISTIC_WRITE);
        verify(epochAdvanced, times(2)).fire(new SessionEpochAdvanced("alice"));
    }

    @Test
    void aDisplayNameChangeIsTheCallersOwnAndTrimmed() {
        User alice = user("alice", "h");
        expectCallerForUpdate(alice);

        assertThat(service.changeDisplayName("  Alice Smith ").getDisplayName()).isEqualTo("Alice Smith");
        assertThat(alice.getSessionEpoch()).as("a new name ends no login").isZero();
        verify(epochAdvanced, never()).fire(any());
        verify(displayNameChanged).fire(new DisplayNameChanged("alice"));
    }

    @Test
    void anAnonymousCallerChangesNothing() {
        when(caller.requireUsername()).thenThrow(new NotLoggedInException());
        assertThatThrownBy(() -> service.changePassword("a new and longer passphrase"))
                .isInstanceOf(NotLoggedInException.class);
        verify(em, never()).createNamedQuery(anyString(), any());
    }

    // --- find

    @Test
    void findLooksUpTheNormalisedUsername() {
        User alice = user("alice", "h");
        expectQueryFor("alice", alice);
        assertThat(service.find("  Alice ")).containsSame(alice);
    }

    @Test
    void findOfAnUnknownUserIsEmpty() {
        expectQueryFor("nobody");
        assertThat(service.find("nobody")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void findOfNoUsernameDoesNotQuery(String username) {
        assertThat(service.find(username)).isEmpty();
        verify(em, never()).createNamedQuery(anyString(), any());
    }

    @Test
    void findOfAnOverlongUsernameDoesNotQuery() {
        assertThat(service.find("u".repeat(41))).isEmpty();
        verify(em, never()).createNamedQuery(anyString(), any());
    }

    // --- authenticate

    @Test
    void authenticateAcceptsTheRightPassword() {
        User alice = user("alice", "alice-hash");
        expectQueryFor("alice", alice);
        char[] password = "correct horse".toCharArray();
        when(passwordHash.verify(password, "alice-hash")).thenReturn(true);

        assertThat(service.authenticate("Alice", password)).containsSame(alice);
    }

    @Test
    void authenticateRefusesAWrongPassword() {
        expectQueryFor("alice", user("alice", "alice-hash"));
        char[] password = "wrong".toCharArray();
        when(passwordHash.verify(password, "alice-hash")).thenReturn(false);

        assertThat(service.authenticate("alice", password)).isEmpty();
        verify(passwordHash).verify(password, "alice-hash");
    }

    @Test
    void anUnknownUserCostsAHashVerificationToo() {
        when(passwordHash.generate("not a password of anyone".toCharArray())).thenReturn(DECOY);
        service.init();
        expectQueryFor("mallory");
        char[] password = "whatever1".toCharArray();
        // Even if the decoy matched, an unknown user is never signed in.
        when(passwordHash.verify(password, DECOY)).thenReturn(true);

        Optional<User> result = service.authenticate("mallory", password);

        assertThat(result).isEmpty();
        verify(passwordHash).verify(password, DECOY);
    }

    // --- register

    @Test
    void registerStoresTheNormalisedUserWithAHash() {
        expectQueryFor("alice");
        User user = service.register(new Registration(" Alice ", "  Alice Liddell ", " alice@example.org ", "correct horse"));

        ArgumentCaptor<User> stored = ArgumentCaptor.forClass(User.class);
        verify(em).persist(stored.capture());
        verify(em).flush();
        assertThat(stored.getValue()).isSameAs(user);
        assertThat(user.getUsername()).isEqualTo("alice");
        assertThat(user.getDisplayName()).isEqualTo("Alice Liddell");
        assertThat(user.getEmail()).isEqualTo("alice@example.org");
        assertThat(user.getPasswordHash()).isEqualTo("hash-of:correct horse");
        assertThat(user.getCreatedAt().getNano() % 1_000_000).isZero();
    }

    @Test
    void aNewAccountStartsAtTheNextEpochOfTheSequence() {
        // Above every epoch any earlier account of the same name had: its old logins stay ended.
        expectQueryFor("carol");
        when(epochs.next()).thenReturn(1_000_000_042L);
        assertThat(service.register(new Registration("carol", "Carol", null, "correct horse staple")).getSessionEpoch())
                .isEqualTo(1_000_000_042L);
        // Instances forget what they cached for the name: "no such user", if it was deleted.
        verify(epochAdvanced).fire(new SessionEpochAdvanced("carol"));
    }

    @Test
    void anEmailIsStoredTrimmedWithItsDomainInLowerCaseAndBlankClearsIt() {
        User alice = user("alice", "h");
        expectCallerForUpdate(alice);

        assertThat(service.changeEmail("  Alice.Smith@Example.ORG ")).isEqualTo("Alice.Smith@example.org");
        assertThat(alice.getEmail()).isEqualTo("Alice.Smith@example.org");
        assertThat(service.changeEmail("   ")).isNull();
        assertThat(alice.getEmail()).isNull();
        verify(epochAdvanced, never()).fire(any());
    }

    @Test
    void anAccountWithoutAPasswordNeverAuthenticatesNotEvenWithTheDecoysPassword() {
        when(passwordHash.generate("not a password of anyone".toCharArray())).thenReturn(DECOY);
        service.init();
        User external = user("ext", null);
        expectQueryFor("ext", external);
        // Even the decoy's own password, which matches the decoy, signs nobody in as an account without one.
        when(passwordHash.verify(any(char[].class), anyString())).thenReturn(true);

        assertThat(external.hasPassword()).isFalse();
        assertThat(service.authenticate("ext", "not a password of anyone".toCharArray())).isEmpty();
        verify(passwordHash).verify(any(char[].class), eq(DECOY));
    }

    // --- delete the account

    @SuppressWarnings("unchecked")
    private void expectActiveAdministrators(long count) {
        TypedQuery<Long> query = mock(TypedQuery.class);
        when(em.createNamedQuery(User.ACTIVE_ADMINISTRATORS, Long.class)).thenReturn(query);
        when(query.getSingleResult()).thenReturn(count);
    }

    @Test
    void deletingTheAccountDeletesItsContentAndTheUserAndEndsItsLogins() {
        User alice = user("alice", "h");
        TypedQuery<User> query = expectCallerForUpdate(alice);
        AccountContent.Counts counts = new AccountContent.Counts(3, 7, 2);
        when(content.deleteAllOf("alice")).thenReturn(counts);

        assertThat(service.deleteAccount()).isEqualTo(counts);

        verify(query).setLockMode(LockModeType.PESSIMISTIC_WRITE);
        org.mockito.InOrder order = org.mockito.Mockito.inOrder(content, em, epochAdvanced);
        order.verify(content).deleteAllOf("alice");
        order.verify(em).remove(alice);
        order.verify(epochAdvanced).fire(new SessionEpochAdvanced("alice"));
    }

    @Test
    void theLastAdministratorCannotDeleteTheirAccount() {
        User admin = user("admin", "h");
        admin.makeAdministrator();
        expectCallerForUpdate(admin);
        expectActiveAdministrators(1);

        assertThatThrownBy(() -> service.deleteAccount()).isInstanceOf(AccountDeletionRefusedException.class)
                .hasMessageStartingWith("You are the only administrator.");
        assertThatThrownBy(() -> service.deletionOfCaller()).isInstanceOf(AccountDeletionRefusedException.class);
        verify(content, never()).deleteAllOf(anyString());
        verify(em, never()).remove(any());
    }

    @Test
    void anAdministratorWithAnotherBesideThemMayDeleteTheirAccount() {
        User admin = user("admin", "h");
        admin.makeAdministrator();
        expectCallerForUpdate(admin);
        expectActiveAdministrators(2);
        when(content.deleteAllOf("admin")).thenReturn(new AccountContent.Counts(0, 0, 0));

        service.deleteAccount();

        verify(em).remove(admin);
    }

    @Test
    void thePageIsToldWhatGoesWithTheAccount() {
        User alice = user("alice", "h");
        expectQueryFor("alice", alice);
        when(caller.requireUsername()).thenReturn("alice");
        when(content.of("alice")).thenReturn(new AccountContent.Counts(1, 2, 3));

        assertThat(service.deletionOfCaller()).isEqualTo(new AccountContent.Counts(1, 2, 3));
        verify(content, never()).deleteAllOf(anyString());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void aBlankEmailIsStoredAsNull(String email) {
        expectQueryFor("bob");
        User user = service.register(new Registration("bob", "Bob", email, "correct horse staple"));
        assertThat(user.getEmail()).isNull();
    }

    @Test
    void registeringATakenUsernameFails() {
        expectQueryFor("alice", user("alice", "h"));
        assertThatThrownBy(() -> service.register(new Registration("ALICE", "Other Alice", null, "correct horse staple")))
                .isInstanceOf(DuplicateUsernameException.class)
                .hasMessage("The username 'alice' is taken. Please choose another.");
        verify(em, never()).persist(any());
    }

    @Test
    void losingTheRaceForAUsernameFailsAsADuplicate() {
        expectQueryFor("alice");
        doThrow(new PersistenceException("flush failed",
                new SQLException("duplicate key value violates unique constraint", "23505"))).when(em).flush();
        assertThatThrownBy(() -> service.register(new Registration("Alice", "Alice", null, "correct horse staple")))
                .isInstanceOf(DuplicateUsernameException.class)
                .hasMessage("The username 'alice' is taken. Please choose another.");
    }

    @Test
    void otherDatabaseErrorsAreNotReportedAsDuplicates() {
        expectQueryFor("alice");
        PersistenceException failure = new PersistenceException("flush failed",
                new SQLException("value too long", "22001"));
        doThrow(failure).when(em).flush();
        assertThatThrownBy(() -> service.register(new Registration("alice", "Alice", null, "correct horse staple")))
                .isSameAs(failure);
    }
}
