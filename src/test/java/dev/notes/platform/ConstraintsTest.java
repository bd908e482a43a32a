package dev.notes.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class ConstraintsTest {

    @Test
    void aUniqueViolationIsFoundAmongTheCauses() {
        SQLException unique = new SQLException("duplicate key", "23505");
        assertThat(Constraints.isUniqueViolation(unique)).isTrue();
        assertThat(Constraints.isUniqueViolation(new PersistenceException("flush", unique))).isTrue();
        assertThat(Constraints.isUniqueViolation(
                new PersistenceException("tx", new RuntimeException("wrapped", unique)))).isTrue();
    }

    @Test
    void otherIntegrityViolationsAreNotUniqueViolations() {
        // 23502 not null, 23503 foreign key, 23514 check: these are bugs, not a lost race.
        assertThat(Constraints.isUniqueViolation(new SQLIntegrityConstraintViolationException("fk", "23503"))).isFalse();
        assertThat(Constraints.isUniqueViolation(new SQLException("not null", "23502"))).isFalse();
        assertThat(Constraints.isUniqueViolation(new SQLException("check", "23514"))).isFalse();
    }

    @Test
    void errorsWithoutSqlStateAreNotUniqueViolations() {
        assertThat(Constraints.isUniqueViolation(null)).isFalse();
        assertThat(Constraints.isUniqueViolation(new SQLException("no state"))).isFalse();
        assertThat(Constraints.isUniqueViolation(new PersistenceException("no cause"))).isFalse();
        assertThat(Constraints.isUniqueViolation(new IllegalStateException("x"))).isFalse();
    }
}
