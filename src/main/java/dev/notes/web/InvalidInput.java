package dev.notes.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/**
 * Input that breaks a Bean Validation rule, in the API's request or in the service it calls: 400
 * with each field by its JSON name and its message ({@link Problem#invalid}), sorted so that the
 * same input always gets the same answer.
 */
@Provider
public class InvalidInput implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Problem.FieldError::message))
                .distinct()
                .toList();
        return Problem.invalid(errors);
    }

    /**
     * The last property of the violation's path ("create.draft.title" → "title"), the name JSON-B
     * reads it from; null when the violation is the whole body's (a missing body).
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                field = node.getName();
            }
        }
        return field;
    }
}
