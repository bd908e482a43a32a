package dev.notes.web;

import dev.notes.note.NoteService;
import dev.notes.note.NoteSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The home page: every note by title and, for a logged-in reader, the notes they opened last. */
@Named
@RequestScoped
public class HomePage {

    @Inject
    private NoteService notes;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private RecentlyViewed recentlyViewed;

    private List<NoteSummary> summaries;

    public List<NoteSummary> getNotes() {
        if (summaries == null) {
            summaries = notes.listByTitle();
        }
        return summaries;
    }

    /** Empty for anonymous readers, whose requests must not create a session. */
    public List<NoteSummary> getRecentlyViewed() {
        return currentUser.isLoggedIn() ? notes.summariesOf(recentlyViewed.keys()) : List.of();
    }
}
