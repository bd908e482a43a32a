package dev.notes.web;

import dev.notes.note.Note;
import dev.notes.note.NoteNotFoundException;
import dev.notes.note.NoteService;
import dev.notes.note.NotPermittedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.annotation.PostConstruct;
import jakarta.faces.annotation.RequestParameterMap;
import java.util.Map;

/** "Delete X": a confirmation page whose button POSTs; a GET never deletes anything. */
@Named
@RequestScoped
public class DeleteNotePage {

    @Inject
    private NoteService notes;

    @Inject
    private CurrentUser currentUser;

    @Inject
    @RequestParameterMap
    private Map<String, String> requestParameters;

    private String key;
    private Note note;

    /** The note's key comes from the query (links) or from the hidden field of the page's forms (postbacks). */
    @PostConstruct
    void readKey() {
        key = requestParameters.get("key");
    }

    public void load() {
        note = notes.find(key).orElse(null);
        if (note == null) {
            Pages.notFound();
        } else if (!note.isDeletableBy(currentUser.getUsername(), currentUser.isAdministrator())) {
            Pages.forbidden();
        }
    }

    public void delete() {
        try {
            notes.delete(key);
            Pages.redirect("/");
        } catch (NoteNotFoundException e) {
            // Gone already (deleted elsewhere): the user's wish is fulfilled.
            Pages.redirect("/");
        } catch (NotPermittedException e) {
            Pages.forbidden();
        }
    }

    public String getKey() {
        return key;
    }

    public Note getNote() {
        return note;
    }
}
