package dev.notes.web;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is no JSON (or not the expected shape): 400 with a sentence, not a 500. */
@Provider
public class UnreadableJson implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException e) {
        return ApiError.response(Response.Status.BAD_REQUEST,
                "The request body is not the expected JSON, e.g. {\"text\": \"…\"}.");
    }
}
