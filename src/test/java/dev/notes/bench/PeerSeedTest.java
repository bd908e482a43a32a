package dev.notes.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

class PeerSeedTest {

    @Test
    void seedsTheUserWithABcryptHashOfItsPassword() {
        List<String> sql = PeerSeed.statements(3);

        String account = sql.stream().filter(s -> s.startsWith("INSERT INTO account")).findFirst().orElseThrow();
        String hash = account.replaceAll(".*'me', '([^']+)'.*", "$1");
        assertThat(hash).startsWith("$2a$10$");
        assertThat(BCrypt.checkpw("w0rd", hash)).isTrue();
        assertThat(BCrypt.checkpw("word", hash)).isFalse();
    }

    @Test
    void emptiesTheTablesThenAddsAsManyNotesAsAskedWithNotesSeedBody() {
        List<String> sql = PeerSeed.statements(100, "$2a$10$hash");

        assertThat(sql.subList(0, 2)).containsExactly("DELETE FROM note", "DELETE FROM account");
        assertThat(sql).filteredOn(s -> s.startsWith("INSERT INTO note")).hasSize(100);
        assertThat(sql.get(3)).contains("'note001'", "'Note 001 about the benchmark'", "'A note of the benchmark''s seed");
        assertThat(sql.get(sql.size() - 1)).contains("'note100'");
    }

    @Test
    void quotesSqlLiterals() {
        assertThat(PeerSeed.quoted("it's")).isEqualTo("'it''s'");
    }
}
