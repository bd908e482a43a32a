package dev.notes.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseDialectTest {

    @Test
    void theDriversProductNamePicksTheDialectAndItsMigrations() {
        assertThat(DatabaseDialect.of("PostgreSQL")).isEqualTo(DatabaseDialect.POSTGRESQL);
        assertThat(DatabaseDialect.of("H2")).isEqualTo(DatabaseDialect.H2);
        assertThat(DatabaseDialect.POSTGRESQL.migrations()).isEqualTo("classpath:db/postgresql");
        assertThat(DatabaseDialect.H2.migrations()).isEqualTo("classpath:db/h2");
    }

    @Test
    void anyOtherDatabaseIsRefusedByName() {
        assertThatThrownBy(() -> DatabaseDialect.of("Apache Derby")).hasMessageContaining("Apache Derby");
        assertThatThrownBy(() -> DatabaseDialect.of((String) null)).isInstanceOf(IllegalStateException.class);
    }
}
