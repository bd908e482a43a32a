package dev.notes.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/** Asks the database once which it is (an enum cannot be a normal-scoped bean itself). */
@ApplicationScoped
public class DatabaseDialectProducer {

    @Resource(lookup = "jdbc/notes")
    private DataSource dataSource;

    private volatile DatabaseDialect dialect;

    @Produces
    DatabaseDialect dialect() {
        DatabaseDialect known = dialect;
        if (known == null) {
            known = DatabaseDialect.of(dataSource);
            dialect = known;
        }
        return known;
    }
}
