package dev.notes.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The API's error body, {@code {"error": "…"}}, a sentence to show as it is; invalid input is
 * answered with it too (400), never with a stack trace.
 */
@Provider
public class ApiError implements ExceptionMapper<ConstraintViolationException> {

    public record Body(String error) {
    }

    static Response response(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new Body(message)).build();
    }

    /** An error that passes: {@code Retry-After} says in how many seconds (a used-up quota, 429; away, 503). */
    static Response response(Response.Status status, String message, long retryAfterSeconds) {
        return Response.status(status).header("Retry-After", retryAfterSeconds)
                .type(MediaType.APPLICATION_JSON).entity(new Body(message)).build();
    }

    @Override
    public Response toResponse(ConstraintViolationException e) {
        String message = e.getConstraintViolations().stream().map(ConstraintViolation::getMessage)
                .sorted().findFirst().orElse("Invalid input.");
        return response(Response.Status.BAD_REQUEST, message);
    }
}
