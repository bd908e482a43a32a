package dev.notes.note;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * How many notes there are, as the home page shows it on every view: counted again after a note is
 * created or deleted anywhere in the cluster (the live layer reports every such event as it reaches
 * this instance, {@link #changed()}) and at least every {@link #MAX_AGE}, for changes no event
 * reported (rows added by SQL, an event lost while Redis was away). Counting every view cost a
 * {@code count(*)} that reads the whole primary-key index, slower with every note.
 */
@ApplicationScoped
public class NoteCount {

    static final Duration MAX_AGE = Duration.ofSeconds(10);

    @Inject
    private NoteService notes;

    private final CachedCount count = new CachedCount(() -> notes.count(), MAX_AGE, System::nanoTime);

    /** The number of notes, as of every change reported so far. */
    public long current() {
        return count.current();
    }

    /** A note was created or deleted, or events may have been missed: count again when next asked. */
    public void changed() {
        count.changed();
    }
}
