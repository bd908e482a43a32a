package dev.notes.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Iterator;

/**
 * Answers a form whose view state cannot be restored (too old, from before a restart, forged) with
 * the "page expired" page and status 400, in the same request.
 * <p>
 * Leaving it to the container's error page does not work for such a POST: the error page would see
 * the same unreadable view state, count as a postback and fail in turn.
 */
public class ExpiredViewExceptionHandler extends ExceptionHandlerWrapper {

    static final String EXPIRED_VIEW = "/error/expired.xhtml";

    public ExpiredViewExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
        Iterator<ExceptionQueuedEvent> queued = getUnhandledExceptionQueuedEvents().iterator();
        while (queued.hasNext()) {
            Throwable exception = queued.next().getContext().getException();
            if (exception instanceof ViewExpiredException) {
                queued.remove();
                Pages.showErrorPage(HttpServletResponse.SC_BAD_REQUEST, EXPIRED_VIEW);
            }
        }
        super.handle();
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ExpiredViewExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
