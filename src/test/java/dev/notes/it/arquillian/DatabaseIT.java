package dev.notes.it.arquillian;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guards the point of running every Arquillian test twice: without it, a server that silently fell
 * back to the default H2 database would pass the PostgreSQL run too.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseIT {

    @Deployment
    static WebArchive deployment() {
        return NotesArchive.withTests(DatabaseIT.class);
    }

    @Resource(lookup = "jdbc/notes")
    DataSource database;

    @Test
    void theServerUsesTheDatabaseItsContainerIsFor() throws SQLException {
        // Set per container in arquillian.xml (javaVmArguments of the server's JVM).
        String expected = System.getProperty("notes.arq.database");
        try (Connection connection = database.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(expected);
        }
    }
}
