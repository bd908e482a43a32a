package dev.notes.web;

import dev.notes.note.Note;
import dev.notes.note.NoteDraft;
import dev.notes.note.NoteNotFoundException;
import dev.notes.note.NoteService;
import dev.notes.note.NotPermittedException;
import dev.notes.note.StaleNoteException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.annotation.PostConstruct;
import jakarta.faces.annotation.RequestParameterMap;
import java.util.Map;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;

/**
 * "Edit X": the form carries the version that was loaded, so that saving over someone else's
 * newer change is refused instead of silently losing it.
 */
@Named
@RequestScoped
public class EditNotePage {

    static final String FORM = "noteForm";

    @Inject
    private NoteService notes;

    @Inject
    private CurrentUser currentUser;

    @Inject
    @RequestParameterMap
    private Map<String, String> requestParameters;

    private final NoteDraft draft = new NoteDraft();
    private long version;
    private String originalTitle;
    private Instant loadedUpdatedAt;

    /** The note's key comes from the query (links) or from the hidden field of the page's form (postbacks). */
    @PostConstruct
    void readKey() {
        draft.setKey(requestParameters.get("key"));
    }

    /** Before rendering: fills the form from the note on a GET; 404 or 403 if it cannot be edited. */
    public void load() {
        Note note = notes.find(draft.getKey()).orElse(null);
        if (note == null) {
            Pages.notFound();
            return;
        }
        if (!note.isAuthoredBy(currentUser.getUsername())) {
            Pages.forbidden();
            return;
        }
        originalTitle = note.getTitle();
        loadedUpdatedAt = note.getUpdatedAt();
        if (!FacesContext.getCurrentInstance().isPostback()) {
            draft.setTitle(note.getTitle());
            draft.setBody(note.getBody());
            version = note.getVersion();
        }
    }

    public void save() {
        try {
            notes.update(draft, version);
            Pages.redirect(Pages.notePath("view", draft.getKey()));
        } catch (NoteNotFoundException e) {
            Pages.notFound();
        } catch (NotPermittedException e) {
            Pages.forbidden();
        } catch (StaleNoteException e) {
            Pages.error(null, e.getMessage());
        } catch (ConstraintViolationException e) {
            Pages.errors(FORM, e);
        }
    }

    public NoteDraft getDraft() {
        return draft;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    /** When the note was last saved, as loaded: the page's script warns when a live update says otherwise. */
    public Instant getLoadedUpdatedAt() {
        return loadedUpdatedAt;
    }

    /** The title as saved, for the page title ("Edit X") while the form may hold a changed one. */
    public String getOriginalTitle() {
        return originalTitle;
    }
}
