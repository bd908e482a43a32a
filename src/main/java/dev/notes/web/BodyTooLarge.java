package dev.notes.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * A chunked request body that went past the limit while the API read it (see
 * {@link RequestSizeFilter}): 413 with the API's error body, not a 400 or a 500.
 */
@Provider
public class BodyTooLarge implements ExceptionMapper<RequestBodyTooLargeException> {

    @Override
    public Response toResponse(RequestBodyTooLargeException e) {
        return response(e);
    }

    static Response response(RequestBodyTooLargeException e) {
        return ApiError.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
    }

    /** The too-large body behind a failure, whatever wrapped it (a JSON reader, say). */
    static Optional<RequestBodyTooLargeException> cause(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RequestBodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }
}
