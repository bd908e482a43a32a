package dev.notes.bench;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The Spring peer's seed, as its own {@code bench/seed.js} writes it: the one user {@code me} with a
 * BCrypt hash of {@code w0rd}, and as many notes as Notes' seed, with the same titles' shape and the
 * same body text as Notes' seed, so that both render pages of comparable size. Plain SQL, run over
 * JDBC: a fresh machine need not have psql or Node.
 */
final class PeerSeed {

    static final String USER = "me";
    static final String PASSWORD = "w0rd";
    /** The body of every note of Notes' seed (Benchmark.seed), so that the pages carry as much text. */
    static final String BODY = "A note of the benchmark's seed, long enough to look like one people write. ".repeat(3);

    private PeerSeed() {
    }

    /** The key of the peer's i-th note (from 1), as its own scripts name them. */
    static String key(int i) {
        return String.format("note%03d", i);
    }

    /** The statements, in order, of one transaction: the tables emptied, the user, then the notes. */
    static List<String> statements(int notes) {
        return statements(notes, BCrypt.hashpw(PASSWORD, BCrypt.gensalt(10)));
    }

    static List<String> statements(int notes, String passwordHash) {
        List<String> sql = new ArrayList<>(List.of("DELETE FROM note", "DELETE FROM account",
                "INSERT INTO account (username, password_hash, enabled) VALUES (" + quoted(USER) + ", " + quoted(passwordHash)
                        + ", true)"));
        for (int i = 1; i <= notes; i++) {
            sql.add("INSERT INTO note (note_key, title, body, author, created_at, updated_at) VALUES (" + quoted(key(i)) + ", "
                    + quoted(String.format("Note %03d about the benchmark", i)) + ", " + quoted(BODY) + ", " + quoted(USER)
                    + ", now(), now())");
        }
        return sql;
    }

    /** A SQL string literal. */
    static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
