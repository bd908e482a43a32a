package dev.notes.web;

import dev.notes.platform.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Refuses request bodies larger than {@code REQUEST_MAX_BODY_BYTES} before anything buffers them.
 * <ul>
 * <li>A declared {@code Content-Length} above the limit: 413 at once, nothing read.</li>
 * <li>A body without a declared length (chunked): read through {@link LimitedBodyRequest}, which
 * fails one byte past the limit; the API answers that with 413.</li>
 * <li>A form (url-encoded or multipart) without a declared length: 411. Liberty parses form
 * parameters from its own stream, past any wrapper, up to its channel's {@code MessageSizeLimit};
 * browsers always declare a form's length, so refusing the rest costs nobody anything.</li>
 * </ul>
 * The API ({@code /api/…}) gets a {@link Problem}; pages get the static "too large" page, not a Faces
 * one: rendering Faces for this POST would parse the very body that was refused. The answer closes
 * the connection, so Liberty does not read the rest of the body to keep it open.
 * <p>
 * Declared in web.xml ahead of every other filter: nothing may read parameters before it.
 */
public class RequestSizeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private Settings settings;

    public RequestSizeFilter() {
    }

    RequestSizeFilter(Settings settings) {
        this.settings = settings;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        int maxBytes = settings.requests().maxBodyBytes();
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge(maxBytes));
        } else if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            if (isForm(request)) {
                refuse(request, response, HttpServletResponse.SC_LENGTH_REQUIRED,
                        "A form must declare its length (Content-Length).");
            } else {
                chain.doFilter(new LimitedBodyRequest(request, maxBytes), response);
            }
        } else {
            chain.doFilter(request, response);
        }
    }

    static String tooLarge(int maxBytes) {
        return "The request is larger than Notes accepts (at most " + size(maxBytes) + ").";
    }

    /** 2097152 → "2 MB"; 65536 → "64 KB"; else in bytes. */
    static String size(int bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/");
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        // Before SecurityHeadersFilter, which this answer never reaches.
        SecurityHeadersFilter.setHeaders(response);
        response.setHeader("Connection", "close");
        if (NotesApi.isApiRequest(request)) {
            Problem.write(response, status, message);
        } else {
            response.sendError(status);
        }
    }
}
