package dev.notes.it.arquillian;

import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the Arquillian tests deploy: the WAR that {@code mvn package} built (so the tests exercise
 * exactly what ships, descriptors and libraries included), plus the test classes, their helpers
 * ({@link ActingCaller} among them: whom the services serve) and AssertJ.
 * Its own name gives it the context root {@code /notes-arquillian}, clear of the application's "/".
 */
final class NotesArchive {

    private static final String NAME = "notes-arquillian.war";

    private NotesArchive() {
    }

    static WebArchive withTests(Class<?>... testClasses) {
        String path = System.getProperty("notes.war");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("No WAR at notes.war=" + path + ": run the tests with 'mvn verify',"
                    + " which packages it first.");
        }
        File war = new File(path);
        return ShrinkWrap.create(WebArchive.class, NAME)
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war))
                .addClasses(testClasses)
                .addClasses(Unique.class, CommittedEvents.class, ActingCaller.class)
                .addAsLibrary(jarOf(Assertions.class));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the jar of " + type, e);
        }
    }
}
