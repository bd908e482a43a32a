package dev.notes.web;

import dev.notes.comment.CommentDraft;
import dev.notes.comment.CommentNotFoundException;
import dev.notes.comment.CommentNotOnNoteException;
import dev.notes.comment.CommentPage;
import dev.notes.comment.CommentService;
import dev.notes.comment.CommentView;
import dev.notes.note.NoteNotFoundException;
import dev.notes.note.NoteService;
import dev.notes.note.NotPermittedException;
import dev.notes.throttle.CountersUnavailableException;
import dev.notes.throttle.QuotaExceededException;
import dev.notes.throttle.Quotas;
import dev.notes.throttle.Waits;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/**
 * {@code /api/notes/{key}/comments}: read a note's comments a slice at a time (anyone: notes are
 * public to read), add and delete comments as JSON. The author is the logged-in caller; the new
 * comment reaches every browser as a live event, this one included.
 */
@Path("notes/{key}/comments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CommentResource {

    @Inject
    private CommentService comments;

    @Inject
    private NoteService notes;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private Quotas quotas;

    /** Older comments for the note page's "Show older comments": {@code {"comments": […], "hasOlder": true}}. */
    public record Slice(List<CommentView> comments, boolean hasOlder) {
    }

    /**
     * Up to {@code limit} (1–{@value CommentPage#SIZE}, default {@value CommentPage#SIZE}) comments
     * older than the comment {@code before} (absent: the newest), newest first. The parameters are
     * read as text so that a malformed one gets a 400 that says what is wrong (JAX-RS would answer 404).
     */
    @GET
    public Response list(@PathParam("key") String key, @QueryParam("before") String before,
                         @QueryParam("limit") String limit) {
        long beforeId = before == null ? CommentPage.NEWEST : QueryNumbers.positiveOrZero(before);
        if (beforeId < 1) {
            return ApiError.response(Status.BAD_REQUEST, "\"before\" must be the id of a comment (a positive whole number).");
        }
        long size = limit == null ? CommentPage.SIZE : QueryNumbers.positiveOrZero(limit);
        if (size < 1 || size > CommentPage.SIZE) {
            return ApiError.response(Status.BAD_REQUEST, "\"limit\" must be a whole number from 1 to " + CommentPage.SIZE + ".");
        }
        if (notes.find(key).isEmpty()) {
            return ApiError.response(Status.NOT_FOUND, new NoteNotFoundException(key).getMessage());
        }
        CommentPage page = comments.olderThan(key, beforeId, (int) size);
        return Response.ok(new Slice(page.comments().stream().map(CommentView::of).toList(), page.hasOlder())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("key") String key, @NotNull(message = "Please write a comment.") @Valid CommentDraft draft) {
        if (!currentUser.isLoggedIn()) {
            return ApiError.response(Status.UNAUTHORIZED, "Please log in to comment.");
        }
        try {
            quotas.comment(currentUser.getUsername());
            CommentView added = CommentView.of(comments.add(key, draft));
            return Response.status(Status.CREATED).entity(added).build();
        } catch (QuotaExceededException e) {
            return ApiError.response(Status.TOO_MANY_REQUESTS, e.getMessage(), Waits.retryAfterSeconds(e.retryAfter()));
        } catch (CountersUnavailableException e) {
            return ApiError.response(Status.SERVICE_UNAVAILABLE, "Temporarily unavailable. Please try again in a moment.",
                    Long.parseLong(UnavailableFilter.RETRY_AFTER_SECONDS));
        } catch (NoteNotFoundException e) {
            return ApiError.response(Status.NOT_FOUND, e.getMessage());
        }
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("key") String key, @PathParam("id") long id) {
        if (!currentUser.isLoggedIn()) {
            return ApiError.response(Status.UNAUTHORIZED, "Please log in to delete comments.");
        }
        try {
            comments.delete(key, id);
            return Response.noContent().build();
        } catch (CommentNotFoundException e) {
            // Deleted by someone else meanwhile: what the caller wanted has happened.
            return Response.noContent().build();
        } catch (CommentNotOnNoteException e) {
            return ApiError.response(Status.NOT_FOUND, e.getMessage());
        } catch (NotPermittedException e) {
            return ApiError.response(Status.FORBIDDEN, e.getMessage());
        }
    }
}
