package dev.notes.bench;

import dev.notes.it.support.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Grows the benchmark's database by thousands of notes and comments in seconds, straight through
 * SQL (saving them through the application would take the better part of an hour on 2 cores).
 * The rows look like people's: titles of 2 to 9 words, bodies of a few words to a few hundred,
 * comments of a few words to a few dozen, spread over the past, written by the benchmark's user.
 */
final class BulkNotes {

    /** The words texts are made of, picked in an order that varies from row to row. */
    private static final String WORDS = """
            ARRAY['meeting','notes','about','the','release','plan','for','next','week','draft','budget','review',
            'customer','feedback','on','a','new','idea','and','some','open','questions','team','lunch','travel',
            'checklist','before','we','ship','database','migration','ideas','reading','list','garden','recipe',
            'kitchen','weekend','project','summary','with','decisions','follow-up','call','tomorrow','morning',
            'bug','report','holiday','photos','invoice','to','pay','shopping','books','birthday','present',
            'interview','questions','onboarding','steps','retro','what','went','well','could','improve']""";

    /**
     * The sequences reserve ids in blocks of 50 for the application (db/migration's V1); rows added
     * here take ids above a block of their own, so that neither the blocks the running servers hold
     * nor the ones they take next can collide with them.
     */
    private static final int SEQUENCE_BLOCK = 50;

    private final TestPostgres.Database database;

    BulkNotes(TestPostgres.Database database) {
        this.database = database;
    }

    long notes() {
        try (Connection connection = connect(); Statement count = connection.createStatement();
                ResultSet result = count.executeQuery("SELECT count(*) FROM notes")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the notes", e);
        }
    }

    /** {@code count} notes keyed {@code keyPrefix} followed by 1, 2, …, by {@code author}. */
    void addNotes(String keyPrefix, int count, String author) {
        String insert = """
                INSERT INTO notes (id, note_key, title, body, author, created_at, updated_at, version)
                SELECT ? + i, ? || i, initcap(%1$s), %2$s || '.', ?, now() - i * interval '7 minutes',
                       now() - i * interval '7 minutes', 1
                FROM (SELECT %3$s AS words) vocabulary, generate_series(1, ?) AS i
                """.formatted(phrase("title", "2 + i % 8"), phrase("body", "3 + (i * 7919) % 300"), WORDS);
        insertRows(count + " notes", insert, "notes_seq", count, keyPrefix, author, count);
    }

    /** {@code count} comments on the note with this key, the newest a minute ago, one a minute before it. */
    void addComments(String noteKey, int count, String author) {
        String insert = """
                INSERT INTO comments (id, note_id, author, text, created_at)
                SELECT ? + i, (SELECT id FROM notes WHERE note_key = ?), ?, %1$s || '.',
                       now() - (? + 1 - i) * interval '1 minute'
                FROM (SELECT %2$s AS words) vocabulary, generate_series(1, ?) AS i
                """.formatted(phrase("comment", "3 + (i * 104729) % 60"), WORDS);
        insertRows(count + " comments to " + noteKey, insert, "comments_seq", count, noteKey, author, count, count);
    }

    /** Fresh planner statistics, as autovacuum would gather them some time after such a load. */
    void analyze() {
        try (Connection connection = connect(); Statement analyze = connection.createStatement()) {
            analyze.execute("ANALYZE notes, comments");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot analyze the grown tables", e);
        }
    }

    /**
     * Runs an INSERT of {@code count} rows whose first parameter is the id before the first row's
     * (reserved from the sequence) and whose others are {@code parameters}.
     */
    private void insertRows(String what, String insert, String sequence, int count, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement rows = connection.prepareStatement(insert)) {
            rows.setLong(1, reserveIds(connection, sequence, count));
            for (int i = 0; i < parameters.length; i++) {
                rows.setObject(i + 2, parameters[i]);
            }
            rows.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot add " + what, e);
        }
    }

    /**
     * Takes a block of the sequence and moves it past {@code count} ids in one statement; returns
     * the id before the first one to use. Ids up to the block's value were handed out already (or
     * are held by a server), the application's next block starts after the new value.
     */
    private static long reserveIds(Connection connection, String sequence, int count) throws SQLException {
        int reserved = (count / SEQUENCE_BLOCK + 1) * SEQUENCE_BLOCK;
        try (PreparedStatement advance = connection.prepareStatement(
                "SELECT setval('" + sequence + "', nextval('" + sequence + "') + ?)")) {
            advance.setInt(1, reserved);
            try (ResultSet value = advance.executeQuery()) {
                value.next();
                return value.getLong(1) - reserved;
            }
        }
    }

    /**
     * SQL for a phrase of {@code length} words (an expression of the row number i), word j picked
     * from the vocabulary by a hash of (kind, i, j): rows of one kind rarely repeat each other.
     */
    private static String phrase(String kind, String length) {
        return "(SELECT string_agg(words[1 + (hashtext('" + kind + "' || i || '.' || j) & 2147483647)"
                + " % cardinality(words)], ' ') FROM generate_series(1, " + length + ") AS j)";
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }
}
