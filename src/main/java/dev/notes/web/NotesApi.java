package dev.notes.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The JSON API under {@code /api}: notes ({@link NoteResource}), their comments
 * ({@link CommentResource}), the preview of a note's Markdown ({@link MarkdownResource}) and the login a client without a browser keeps in its session cookie
 * ({@link SessionResource}). Same login, permissions and quotas as the pages; same CSRF protection
 * ({@code SameOriginFilter}), and JSON bodies only, which another site's form cannot send. Every
 * error is a {@link Problem}. MicroProfile OpenAPI serves its description at {@code /openapi}.
 */
@ApplicationPath(NotesApi.PATH)
@OpenAPIDefinition(
        info = @Info(title = "Notes API", version = "1",
                description = "Notes and their comments as JSON. Log in with POST /api/session; the session cookie it"
                        + " sets is the login. Changes need the cookie and, from a browser, a request of this site"
                        + " (Origin); bodies are JSON only. Updating a note needs If-Match with the ETag it was read"
                        + " with. Every error is application/problem+json (RFC 9457)."),
        tags = {
                @Tag(name = "Notes", description = "Read, search, add, change and delete notes."),
                @Tag(name = "Comments", description = "A note's comments."),
                @Tag(name = "Session", description = "Logging in and out.")},
        // Referred to by every error response (ProblemResponses), so it must be there by name.
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
public class NotesApi extends Application {

    static final String PATH = "/api";

    /** Whether a request is the API's, so that a filter refusing it answers with a {@link Problem}. */
    static boolean isApiRequest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }
}
