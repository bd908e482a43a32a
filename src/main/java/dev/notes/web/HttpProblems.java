package dev.notes.web;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever the API's resources do not answer themselves, as a {@link Problem} rather than
 * Liberty's HTML page or a stack trace: a body that could not be read to its end because it was too
 * large (413, see {@link RequestSizeFilter}), a body that is no JSON or not the expected shape (400),
 * what JAX-RS itself refuses (an unknown address 404, a method the address does not answer 405 with
 * {@code Allow}, an {@code Accept} the API cannot meet 406, a body that is not JSON 415), and a
 * failure (500, logged here with its stack trace). Invalid values are {@link InvalidInput}'s.
 */
@Provider
public class HttpProblems implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(HttpProblems.class.getName());

    static final String UNREADABLE = "The request body is not the expected JSON object (see /openapi).";

    @Override
    public Response toResponse(Exception e) {
        Optional<RequestBodyTooLargeException> tooLarge = cause(e, RequestBodyTooLargeException.class);
        if (tooLarge.isPresent()) {
            return Problem.response(Status.REQUEST_ENTITY_TOO_LARGE, tooLarge.get().getMessage());
        }
        if (cause(e, JsonbException.class).isPresent()) {
            return Problem.response(Status.BAD_REQUEST, UNREADABLE);
        }
        if (e instanceof WebApplicationException refused && refused.getResponse().getStatus() < 500) {
            Response original = refused.getResponse();
            Status status = Optional.ofNullable(Status.fromStatusCode(original.getStatus())).orElse(Status.BAD_REQUEST);
            Response.ResponseBuilder problem = Response.fromResponse(Problem.response(status, detail(original)));
            String allow = original.getHeaderString(HttpHeaders.ALLOW);
            if (allow != null) {
                problem.header(HttpHeaders.ALLOW, allow);
            }
            return problem.build();
        }
        LOG.log(Level.SEVERE, "The API failed unexpectedly", e);
        return Problem.response(Status.INTERNAL_SERVER_ERROR,
                "Notes could not do this because of an error on its side. Please try again later.");
    }

    private static String detail(Response refused) {
        return switch (refused.getStatus()) {
            case 404 -> "The API has no such address; /openapi lists them all.";
            case 405 -> "This address of the API does not answer this method; it answers "
                    + Optional.ofNullable(refused.getHeaderString(HttpHeaders.ALLOW)).orElse("others") + ".";
            case 406 -> "The API answers in JSON only (Accept: application/json).";
            case 415 -> "The API reads JSON only: send the body with Content-Type: application/json.";
            default -> "The request is not one the API can answer (HTTP " + refused.getStatus() + ").";
        };
    }

    /** The {@code type} behind a failure, whatever wrapped it (a JSON reader, say). */
    static <T extends Throwable> Optional<T> cause(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
