package dev.notes.web;

import dev.notes.comment.Comment;
import dev.notes.comment.CommentDraft;
import dev.notes.comment.CommentNotFoundException;
import dev.notes.comment.CommentNotOnNoteException;
import dev.notes.comment.CommentPage;
import dev.notes.comment.CommentService;
import dev.notes.comment.NewestComments;
import dev.notes.note.Note;
import dev.notes.note.NoteNotFoundException;
import dev.notes.note.NoteService;
import dev.notes.note.NotPermittedException;
import dev.notes.note.RenderedNotes;
import dev.notes.throttle.CountersUnavailableException;
import dev.notes.throttle.QuotaExceededException;
import dev.notes.throttle.Quotas;
import dev.notes.user.DisplayNames;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.annotation.PostConstruct;
import jakarta.faces.annotation.RequestParameterMap;
import java.util.Map;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A note with its newest comments ({@link CommentPage#SIZE}), or with the slice older than the
 * comment named by {@code before} (the link that pages without JavaScript; with it, the page
 * script loads older slices from the API instead); logged-in readers add comments and delete those
 * they may.
 */
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
    private DisplayNames displayNames;

    @Inject
    private RenderedNotes rendered;

    @Inject
    @RequestParameterMap
    private Map<String, String> requestParameters;

    private String key;
    /** The {@code before} parameter as given; null for the newest comments. */
    private String before;
    private Note note;
    private CommentPage commentPage;
    private Long commentCount;
    private Map<String, String> authorNames;
    private final CommentDraft newComment = new CommentDraft();

    /** The note's key comes from the query (links) or from the hidden field of the page's forms (postbacks). */
    @PostConstruct
    void readKey() {
        key = requestParameters.get("key");
        before = requestParameters.get("before");
    }

    /**
     * Before rendering: answers 400 for a malformed {@code before}, 404 for an unknown note, and
     * remembers a logged-in reader's visit.
     */
    public void load() {
        if (before != null && QueryNumbers.positiveOrZero(before) < 1) {
            Pages.badRequest();
        } else if (getNote() == null) {
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
            comments.add(key, newComment);
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
            comments.delete(key, commentId);
            Pages.redirect(Pages.notePath("view", key));
        } catch (CommentNotFoundException e) {
            // Deleted by someone else meanwhile: what the user wanted has happened.
            Pages.redirect(Pages.notePath("view", key));
        } catch (CommentNotOnNoteException e) {
            Pages.notFound();
        } catch (NotPermittedException e) {
            Pages.forbidden();
        }
    }

    public boolean isOwnNote() {
        return getNote() != null && getNote().isAuthoredBy(currentUser.getUsername());
    }

    /** Whether the reader may delete the note: its author, or an administrator. */
    public boolean isDeletable() {
        return getNote() != null && getNote().isDeletableBy(currentUser.getUsername(), currentUser.isAdministrator());
    }

    /**
     * Whether the reader may delete every comment on the note, whoever wrote it (its author, an
     * administrator): the page states it for its script, which shows delete controls on comments
     * arriving live (comment-permissions.js).
     */
    public boolean isMayDeleteAnyComment() {
        return getNote() != null
                && Comment.mayDeleteEveryCommentOn(currentUser.getUsername(), getNote().getAuthor(), currentUser.isAdministrator());
    }

    public List<Comment> getComments() {
        return commentPage().comments();
    }

    /** Whether comments older than those shown exist ("Show older comments"). */
    public boolean isOlderCommentsExist() {
        return commentPage().hasOlder();
    }

    /** The {@code before} of the next older slice: the oldest shown comment's id. */
    public long getOlderCommentsCursor() {
        return commentPage().oldestId();
    }

    /** Whether this page shows an older slice rather than the newest comments. */
    public boolean isOlderSlice() {
        return before != null;
    }

    /** All the note's comments, not only those shown. */
    public long getCommentCount() {
        commentPage(); // the newest slice is read with the count
        if (commentCount == null) {
            commentCount = comments.count(key);
        }
        return commentCount;
    }

    private CommentPage commentPage() {
        if (commentPage == null) {
            if (before == null) {
                NewestComments newest = comments.newest(key);
                commentPage = newest.slice();
                commentCount = newest.count();
            } else {
                commentPage = comments.olderThan(key, QueryNumbers.positiveOrZero(before), CommentPage.SIZE);
            }
        }
        return commentPage;
    }

    /** The display names of the note's author and of the shown comments' authors, by username (one lookup). */
    public Map<String, String> getAuthorNames() {
        if (authorNames == null) {
            List<String> authors = new ArrayList<>();
            if (getNote() != null) {
                authors.add(getNote().getAuthor());
            }
            getComments().forEach(comment -> authors.add(comment.getAuthor()));
            authorNames = displayNames.of(authors);
        }
        return authorNames;
    }

    /** The note's text as the safe HTML its Markdown renders to. */
    public String getBodyHtml() {
        return getNote() == null ? "" : rendered.html(getNote());
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
