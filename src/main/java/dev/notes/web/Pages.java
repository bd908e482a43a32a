package dev.notes.web;

import dev.notes.throttle.Waits;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** What the backing beans do alike: redirect, answer with an error status, show a message. */
final class Pages {

    /** Not among HttpServletResponse's constants (RFC 6585). */
    static final int TOO_MANY_REQUESTS = 429;

    private Pages() {
    }

    /** Post/redirect/get: after a change, the browser fetches {@code path} (relative to the context root). */
    static void redirect(String path) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys are RFC 3986 "unreserved" characters; the form encoder would still escape "~", so it is put back. */
    static String notePath(String page, String key) {
        return "/note/" + page + "?key=" + queryValue(key);
    }

    /**
     * Answers with {@code status} and renders the error page {@code viewId} instead of the current view.
     * <p>
     * Not {@code responseSendError}: on Liberty that runs the container's error page (another Faces
     * request) inside this one, and the inner request leaves this one without a FacesContext.
     */
    static void showErrorPage(int status, String viewId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().setResponseStatus(status);
        faces.setViewRoot(faces.getApplication().getViewHandler().createView(faces, viewId));
        faces.renderResponse();
    }

    static void notFound() {
        showErrorPage(HttpServletResponse.SC_NOT_FOUND, "/error/not-found.xhtml");
    }

    static void forbidden() {
        showErrorPage(HttpServletResponse.SC_FORBIDDEN, "/error/forbidden.xhtml");
    }

    /** The session store (Redis) is away: "try again in a moment". */
    static void unavailable() {
        FacesContext.getCurrentInstance().getExternalContext()
                .setResponseHeader("Retry-After", UnavailableFilter.RETRY_AFTER_SECONDS);
        showErrorPage(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "/error/unavailable.xhtml");
    }

    /**
     * A limit is used up: status 429 with {@code Retry-After}, and the same page again with
     * {@code message} next to {@code clientId} (null: at the top) and everything typed kept.
     */
    static void tooManyRequests(String clientId, String message, Duration wait) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.setResponseStatus(TOO_MANY_REQUESTS);
        external.setResponseHeader("Retry-After", Long.toString(Waits.retryAfterSeconds(wait)));
        error(clientId, message);
    }

    /**
     * A link's query parameter is not valid: status 400 and {@code message} at the top of the page,
     * which then shows what it shows without that parameter.
     */
    static void badParameter(String message) {
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_BAD_REQUEST);
        error(null, message);
    }

    /** The query-string value for a link (form encoding; "~", safe in keys and cursors, put back). */
    static String queryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%7E", "~");
    }

    static void badRequest() {
        showErrorPage(HttpServletResponse.SC_BAD_REQUEST, "/error/error.xhtml");
    }

    /** A message next to the input with this client id (e.g. "noteForm:key"), or at the top with null. */
    static void error(String clientId, String message) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    }

    /**
     * Shows each violation next to its field ({@code formId:property}); the form normally catches
     * them first, this covers rules that only the service knows.
     */
    static void errors(String formId, ConstraintViolationException e) {
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String path = violation.getPropertyPath().toString();
            String field = path.substring(path.lastIndexOf('.') + 1);
            error(formId + ":" + field, violation.getMessage());
        }
    }

    static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, message, message));
    }
}
