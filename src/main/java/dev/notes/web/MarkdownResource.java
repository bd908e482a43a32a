package dev.notes.web;

import dev.notes.note.Markdown;
import dev.notes.note.NoteDraft;
import dev.notes.throttle.CountersUnavailableException;
import dev.notes.throttle.QuotaExceededException;
import dev.notes.throttle.Quotas;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/markdown}: a note's text as the pages would show it, for the preview on the add and
 * edit pages: the same rendering and sanitising as a saved note ({@link Markdown}), so what the
 * preview shows is what the note will show. For writers only (logged in), and counted: the longest
 * text costs tens of milliseconds of CPU.
 */
@Path("markdown")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notes")
public class MarkdownResource {

    @Inject
    private CurrentUser currentUser;

    @Inject
    private Quotas quotas;

    @Schema(name = "MarkdownText", description = "A note's text, as it would be saved.")
    public record Text(
            @Schema(description = "Markdown, at most " + NoteDraft.BODY_MAX + " characters.", example = "Milk, *bread*")
            @NotNull(message = "Please send the \"text\" to preview.")
            @Size(max = NoteDraft.BODY_MAX, message = "The text is at most {max} characters long.") String text) {
    }

    @Schema(name = "MarkdownPreview", description = "The text as HTML, sanitised as a saved note's is.")
    public record Preview(@Schema(example = "<p>Milk, <em>bread</em></p>\n") String html) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview a note's text", description = "Renders Markdown exactly as a saved note's text.")
    @APIResponse(responseCode = "200", description = "The HTML.",
            content = @Content(schema = @Schema(implementation = Preview.class)))
    @APIResponse(responseCode = "400", description = "No text, or too long: see errors.")
    @APIResponse(responseCode = "401", description = "Not logged in.")
    @APIResponse(responseCode = "429", description = "Too many previews lately; Retry-After says when to try again.")
    @APIResponse(responseCode = "503", description = "Temporarily unavailable; Retry-After says when to try again.")
    public Response preview(
            @RequestBody(content = @Content(schema = @Schema(implementation = Text.class),
                    examples = @ExampleObject(name = "text", value = "{\"text\": \"Milk, *bread*\"}")))
            @NotNull(message = "Please send the \"text\" to preview.") @Valid Text text) {
        if (!currentUser.isLoggedIn()) {
            return Problem.response(Status.UNAUTHORIZED, "Please log in to preview a note.");
        }
        try {
            quotas.preview(currentUser.getUsername());
        } catch (QuotaExceededException e) {
            return Problem.tooManyRequests(e.getMessage(), e.retryAfter());
        } catch (CountersUnavailableException e) {
            return Problem.unavailable();
        }
        return Response.ok(new Preview(Markdown.toHtml(text.text()))).build();
    }
}
