package dev.notes.web;

import java.io.IOException;

/**
 * Thrown by the body of a request sent without a declared length (chunked) when reading goes past
 * the limit (see {@link RequestSizeFilter}); whoever was reading gets an I/O error, nothing more is
 * read, and the API answers it with 413 ({@link HttpProblems}).
 */
public final class RequestBodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int maxBytes;

    RequestBodyTooLargeException(int maxBytes) {
        super(RequestSizeFilter.tooLarge(maxBytes));
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }
}
