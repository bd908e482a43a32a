package dev.notes.web;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that is no JSON (or not the expected shape): 400 with a sentence, not a 500. One
 * that could not be read to its end because it was too large: 413 ({@link BodyTooLarge}).
 */
@Provider
public class UnreadableJson implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException e) {
        return BodyTooLarge.cause(e).map(BodyTooLarge::response)
                .orElseGet(() -> ApiError.response(Response.Status.BAD_REQUEST,
                        "The request body is not the expected JSON, e.g. {\"text\": \"…\"}."));
    }
}
