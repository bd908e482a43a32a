package dev.notes.platform;

import java.sql.SQLException;

/** Reading database errors without depending on one database's exception classes. */
public final class Constraints {

    private Constraints() {
    }

    /** Whether a unique constraint refused a write (SQLSTATE 23505 on PostgreSQL and H2). */
    public static boolean isUniqueViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
