package dev.notes.web;

import dev.notes.note.NoteService;
import dev.notes.note.NoteSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The home page: every note by title. */
@Named
@RequestScoped
public class HomePage {

    @Inject
    private NoteService notes;

    private List<NoteSummary> summaries;

    public List<NoteSummary> getNotes() {
        if (summaries == null) {
            summaries = notes.listByTitle();
        }
        return summaries;
    }
}
