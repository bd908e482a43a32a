package dev.notes.note;

import dev.notes.platform.DatabaseDialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Picks the {@link NoteSearch} adapter for the database Notes runs on. */
@ApplicationScoped
public class NoteSearches {

    @PersistenceContext(unitName = "notes")
    private EntityManager em;

    @Inject
    private DatabaseDialect dialect;

    @Produces
    @ApplicationScoped
    NoteSearch noteSearch() {
        return switch (dialect) {
            case POSTGRESQL -> new FullTextNoteSearch(em);
            case H2 -> new WordMatchNoteSearch(em);
        };
    }
}
