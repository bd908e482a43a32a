package dev.notes.web;

import jakarta.json.Json;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import dev.notes.throttle.Waits;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Every error the API answers, in the RFC 9457 format ({@value #MEDIA_TYPE}), its members in the
 * same order whether JSON-B or a filter ({@link #write}) writes it: {@code type} is
 * {@code about:blank}, so the HTTP status says what kind of problem it is and {@code title} is its
 * reason phrase; {@code detail} is a sentence to show a person as it is. Invalid input adds
 * {@code errors}, each field with what is wrong with it; never a stack trace.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
@Schema(name = "Problem", description = "An error, as RFC 9457 describes (application/problem+json).",
        example = "{\"type\": \"about:blank\", \"title\": \"Bad Request\", \"status\": 400, "
                + "\"detail\": \"Please enter a title.\", \"errors\": [{\"field\": \"title\", \"message\": \"Please enter a title.\"}]}")
public record Problem(
        @Schema(description = "Always about:blank: the status is the kind of problem.", example = "about:blank") String type,
        @Schema(description = "The status's reason phrase.", example = "Forbidden") String title,
        @Schema(description = "The HTTP status code.", example = "403") int status,
        @Schema(description = "What went wrong, a sentence to show as it is.",
                example = "Only the author of a note may edit it.") String detail,
        @Schema(description = "Invalid input only: each field and what is wrong with it.", nullable = true)
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static final String TYPE = "about:blank";

    @Schema(name = "FieldError", description = "One invalid field of the request.")
    public record FieldError(
            @Schema(description = "The field's name in the request's JSON (absent: the body as a whole).",
                    example = "title", nullable = true) String field,
            @Schema(description = "What is wrong with it.", example = "Please enter a title.") String message) {
    }

    static Problem of(int status, String detail) {
        return new Problem(TYPE, reasonPhrase(status), status, detail, null);
    }

    static Response response(Status status, String detail) {
        return Response.status(status).type(MEDIA_TYPE).entity(of(status.getStatusCode(), detail)).build();
    }

    /** An error that passes: {@code Retry-After} says in how many seconds (a used-up quota, 429; away, 503). */
    private static Response response(Status status, String detail, long retryAfterSeconds) {
        return Response.status(status).header("Retry-After", retryAfterSeconds)
                .type(MEDIA_TYPE).entity(of(status.getStatusCode(), detail)).build();
    }

    /** 429: {@code detail} says what ran out and for how long; {@code Retry-After} in seconds. */
    static Response tooManyRequests(String detail, Duration wait) {
        return response(Status.TOO_MANY_REQUESTS, detail, Waits.retryAfterSeconds(wait));
    }

    /** 503: what the request needs (the counters' or the session's store) is away for a moment. */
    static Response unavailable() {
        return response(Status.SERVICE_UNAVAILABLE, UnavailableFilter.UNAVAILABLE,
                Long.parseLong(UnavailableFilter.RETRY_AFTER_SECONDS));
    }

    /** 400 naming every invalid field; the detail is the first message, enough for a form with one field. */
    static Response invalid(List<FieldError> errors) {
        String detail = errors.isEmpty() ? "Invalid input." : errors.get(0).message();
        return Response.status(Status.BAD_REQUEST).type(MEDIA_TYPE)
                .entity(new Problem(TYPE, reasonPhrase(400), 400, detail, List.copyOf(errors))).build();
    }

    /** The same body from a servlet filter, which answers before JAX-RS (and its JSON-B) runs. */
    static void write(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder()
                .add("type", TYPE).add("title", reasonPhrase(status)).add("status", status).add("detail", detail)
                .build().toString());
    }

    private static String reasonPhrase(int status) {
        Status known = Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }
}
