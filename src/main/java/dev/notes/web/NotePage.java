package dev.notes.web;

import dev.notes.comment.Comment;
import dev.notes.comment.CommentDraft;
import dev.notes.comment.CommentNotFoundException;
import dev.notes.comment.CommentService;
import dev.notes.note.Note;
import dev.notes.note.NoteNotFoundException;
import dev.notes.note.NoteService;
import dev.notes.note.NotPermittedException;
import dev.notes.throttle.CountersUnavailableException;
import dev.notes.throttle.QuotaExceededException;
import dev.notes.throttle.Quotas;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.annotation.PostConstruct;
import jakarta.faces.annotation.RequestParameterMap;
import java.util.Map;
import jakarta.validation.ConstraintViolationException;
import java.util.List;

/** A note with its comments; logged-in readers add comments and delete those they may. */
@Named
@RequestScoped
public class NotePage {

    static final String COMMENT_FORM = "commentForm";
    static final String COMMENT_ACTIONS_FORM = "commentActions";

    @Inject
    private NoteService notes;

    @Inject
    private CommentService comments;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private RecentlyViewed recentlyViewed;

    @Inject
    private Quotas quotas;

    @Inject
    @RequestParameterMap
    private Map<String, String> requestParameters;

    private String key;
    private Note note;
    private List<Comment> commentList;
    private final CommentDraft newComment = new CommentDraft();

    /** The note's key comes from the query (links) or from the hidden field of the page's forms (postbacks). */
    @PostConstruct
    void readKey() {
        key = requestParameters.get("key");
    }

    /** Before rendering: answers 404 for an unknown note, and remembers a logged-in reader's visit. */
    public void load() {
        if (getNote() == null) {
            Pages.notFound();
        } else if (currentUser.isLoggedIn()) {
            recentlyViewed.viewed(note.getKey());
        }
    }

    public void addComment() {
        if (!currentUser.isLoggedIn()) {
            Pages.forbidden();
            return;
        }
        try {
            quotas.comment(currentUser.getUsername());
            comments.add(key, newComment, currentUser.getUsername());
            Pages.redirect(Pages.notePath("view", key));
        } catch (QuotaExceededException e) {
            Pages.tooManyRequests(COMMENT_FORM + ":text", e.getMessage(), e.retryAfter());
        } catch (CountersUnavailableException e) {
            Pages.unavailable();
        } catch (NoteNotFoundException e) {
            Pages.notFound();
        } catch (ConstraintViolationException e) {
            Pages.errors(COMMENT_FORM, e);
        }
    }

    /** The id comes with the clicked button (see view.xhtml). */
    public void deleteComment() {
        if (!currentUser.isLoggedIn()) {
            Pages.forbidden();
            return;
        }
        long commentId;
        try {
            commentId = Long.parseLong(requestParameters.get(COMMENT_ACTIONS_FORM + ":delete"));
        } catch (NumberFormatException e) {
            Pages.badRequest();
            return;
        }
        try {
            comments.delete(commentId, currentUser.getUsername());
            Pages.redirect(Pages.notePath("view", key));
        } catch (CommentNotFoundException e) {
            // Deleted by someone else meanwhile: what the user wanted has happened.
            Pages.redirect(Pages.notePath("view", key));
        } catch (NotPermittedException e) {
            Pages.forbidden();
        }
    }

    /** Whether the current user may delete the comment (its author or the note's author). */
    public boolean canDelete(Comment comment) {
        return getNote() != null && comment.isDeletableBy(currentUser.getUsername(), getNote().getAuthor());
    }

    public boolean isOwnNote() {
        return getNote() != null && getNote().isAuthoredBy(currentUser.getUsername());
    }

    public List<Comment> getComments() {
        if (commentList == null) {
            commentList = comments.listFor(key);
        }
        return commentList;
    }

    public String getKey() {
        return key;
    }

    /** The note, read once per request (also while a postback decodes the comment list); null if unknown. */
    public Note getNote() {
        if (note == null && key != null) {
            note = notes.find(key).orElse(null);
        }
        return note;
    }

    public CommentDraft getNewComment() {
        return newComment;
    }
}
