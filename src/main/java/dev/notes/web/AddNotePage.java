package dev.notes.web;

import dev.notes.note.DuplicateNoteKeyException;
import dev.notes.note.NoteDraft;
import dev.notes.note.NoteService;
import dev.notes.throttle.CountersUnavailableException;
import dev.notes.throttle.QuotaExceededException;
import dev.notes.throttle.Quotas;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

/** "Add a Note": on success, shows the new note; otherwise keeps what was typed and says what is wrong. */
@Named
@RequestScoped
public class AddNotePage {

    static final String FORM = "noteForm";

    @Inject
    private NoteService notes;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private Quotas quotas;

    private final NoteDraft draft = new NoteDraft();

    public void save() {
        // Checked here as well as in the service: an everyday mistake should not surface as an
        // exception from the transaction, which Liberty records as an FFDC incident.
        if (notes.find(draft.getKey()).isPresent()) {
            Pages.error(FORM + ":key", new DuplicateNoteKeyException(draft.getKey()).getMessage());
            return;
        }
        try {
            quotas.note(currentUser.getUsername());
            notes.create(draft);
            Pages.redirect(Pages.notePath("view", draft.getKey()));
        } catch (QuotaExceededException e) {
            Pages.tooManyRequests(null, e.getMessage(), e.retryAfter());
        } catch (CountersUnavailableException e) {
            Pages.unavailable();
        } catch (DuplicateNoteKeyException e) {
            Pages.error(FORM + ":key", e.getMessage());
        } catch (ConstraintViolationException e) {
            Pages.errors(FORM, e);
        }
    }

    public NoteDraft getDraft() {
        return draft;
    }
}
