package dev.notes.user;

import dev.notes.platform.LogText;
import java.util.logging.Logger;

/**
 * What administrators did to others' notes, comments and accounts, one line each in the audit log
 * ({@value AuthenticationLog#LOGGER}, beside the authentication events): who acted, on what, whose
 * it was. Names and keys as typed by users go through {@link LogText#quoted}, so none can forge a line.
 */
public final class ModerationLog {

    private static final Logger LOG = Logger.getLogger(AuthenticationLog.LOGGER);

    private ModerationLog() {
    }

    public static void noteDeleted(String administrator, String noteKey, String author) {
        write("note-deleted", administrator, "note=" + LogText.quoted(noteKey) + " author=" + LogText.quoted(author));
    }

    public static void commentDeleted(String administrator, String noteKey, long commentId, String author) {
        write("comment-deleted", administrator, "note=" + LogText.quoted(noteKey) + " comment=" + commentId
                + " author=" + LogText.quoted(author));
    }

    static void promoted(String administrator, String username) {
        write("promoted", administrator, "user=" + LogText.quoted(username));
    }

    static void disabled(String administrator, String username) {
        write("disabled", administrator, "user=" + LogText.quoted(username));
    }

    static void enabled(String administrator, String username) {
        write("enabled", administrator, "user=" + LogText.quoted(username));
    }

    /** An administrator named by NOTES_ADMIN_USER, made one at start-up rather than by another. */
    static void seeded(String username) {
        write("promoted", null, "user=" + LogText.quoted(username) + " by=configuration");
    }

    private static void write(String action, String administrator, String detail) {
        LOG.info(() -> "moderation action=" + action + " administrator=" + LogText.quoted(administrator) + " " + detail);
    }
}
