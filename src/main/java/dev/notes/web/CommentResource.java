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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/notes/{key}/comments}: read a note's comments a slice at a time (anyone: notes are
 * public to read), add and delete comments as JSON. The author is the logged-in caller; the new
 * comment reaches every browser as a live event, this one included.
 */
@Path("notes/{key}/comments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comments")
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
    @Schema(name = "CommentSlice", description = "Comments, newest first, and whether older ones follow.")
    public record Slice(List<CommentView> comments, boolean hasOlder) {
    }

    /**
     * Up to {@code limit} (1–{@value CommentPage#SIZE}, default {@value CommentPage#SIZE}) comments
     * older than the comment {@code before} (absent: the newest), newest first. The parameters are
     * read as text so that a malformed one gets a 400 that says what is wrong (JAX-RS would answer 404).
     */
    @GET
    @Operation(summary = "Read a note's comments", description = "Newest first, a slice at a time.")
    @APIResponse(responseCode = "200", description = "A slice of comments.",
            content = @Content(schema = @Schema(implementation = Slice.class)))
    @APIResponse(responseCode = "400", description = "before or limit is not a number in range.")
    @APIResponse(responseCode = "404", description = "No note has this key.")
    public Response list(
            @Parameter(description = "The note's key.", example = "shopping") @PathParam("key") String key,
            @Parameter(description = "The id of the oldest comment shown: the slice holds older ones. Absent: the newest.",
                    example = "42") @QueryParam("before") String before,
            @Parameter(description = "How many, 1 to " + CommentPage.SIZE + " (default).", example = "10")
            @QueryParam("limit") String limit) {
        long beforeId = before == null ? CommentPage.NEWEST : QueryNumbers.positiveOrZero(before);
        if (beforeId < 1) {
            return Problem.response(Status.BAD_REQUEST, "\"before\" must be the id of a comment (a positive whole number).");
        }
        long size = limit == null ? CommentPage.SIZE : QueryNumbers.positiveOrZero(limit);
        if (size < 1 || size > CommentPage.SIZE) {
            return Problem.response(Status.BAD_REQUEST, "\"limit\" must be a whole number from 1 to " + CommentPage.SIZE + ".");
        }
        if (notes.find(key).isEmpty()) {
            return Problem.response(Status.NOT_FOUND, new NoteNotFoundException(key).getMessage());
        }
        CommentPage page = comments.olderThan(key, beforeId, (int) size);
        return Response.ok(new Slice(comments.views(page.comments()), page.hasOlder())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment on a note", description = "Written by the caller, within the same quota as on the pages.")
    @APIResponse(responseCode = "201", description = "Added.", content = @Content(schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid text: see errors.")
    @APIResponse(responseCode = "401", description = "Not logged in.")
    @APIResponse(responseCode = "404", description = "No note has this key.")
    @APIResponse(responseCode = "429", description = "Too many comments lately; Retry-After says when to try again.")
    @APIResponse(responseCode = "503", description = "Temporarily unavailable; Retry-After says when to try again.")
    public Response add(
            @Parameter(description = "The note's key.", example = "shopping") @PathParam("key") String key,
            @RequestBody(content = @Content(schema = @Schema(implementation = CommentDraft.class),
                    examples = @ExampleObject(name = "comment", value = "{\"text\": \"Eggs too, please.\"}")))
            @NotNull(message = "Please write a comment.") @Valid CommentDraft draft) {
        if (!currentUser.isLoggedIn()) {
            return Problem.response(Status.UNAUTHORIZED, "Please log in to comment.");
        }
        try {
            quotas.comment(currentUser.getUsername());
            CommentView added = comments.views(List.of(comments.add(key, draft))).get(0);
            return Response.status(Status.CREATED).entity(added).build();
        } catch (QuotaExceededException e) {
            return Problem.tooManyRequests(e.getMessage(), e.retryAfter());
        } catch (CountersUnavailableException e) {
            return Problem.unavailable();
        } catch (NoteNotFoundException e) {
            return Problem.response(Status.NOT_FOUND, e.getMessage());
        }
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a comment", description = "Its author or the note's author only.")
    @APIResponse(responseCode = "204", description = "Deleted, or gone already.")
    @APIResponse(responseCode = "401", description = "Not logged in.")
    @APIResponse(responseCode = "403", description = "Neither the comment's nor the note's author.")
    @APIResponse(responseCode = "404", description = "The note has no comment with this id.")
    public Response delete(
            @Parameter(description = "The note's key.", example = "shopping") @PathParam("key") String key,
            @Parameter(description = "The comment's id.", example = "42") @PathParam("id") long id) {
        if (!currentUser.isLoggedIn()) {
            return Problem.response(Status.UNAUTHORIZED, "Please log in to delete comments.");
        }
        try {
            comments.delete(key, id);
            return Response.noContent().build();
        } catch (CommentNotFoundException e) {
            // Deleted by someone else meanwhile: what the caller wanted has happened.
            return Response.noContent().build();
        } catch (CommentNotOnNoteException e) {
            return Problem.response(Status.NOT_FOUND, e.getMessage());
        } catch (NotPermittedException e) {
            return Problem.response(Status.FORBIDDEN, e.getMessage());
        }
    }
}
