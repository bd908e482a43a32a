package dev.notes.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * A response whose body is kept in memory instead of being sent, so that {@link PageCacheFilter}
 * can hash it, keep it and send it itself. Status and headers go to the real response as usual;
 * whether a cookie was set is remembered, since such a response belongs to one client only.
 * <p>
 * An error or a redirect sent through {@code sendError}/{@code sendRedirect} is left to the
 * container: from then on the response passes through, and nothing captured is sent.
 */
final class CapturedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;
    private boolean cookieSet;
    private boolean passedThrough;

    CapturedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (passedThrough) {
            return super.getOutputStream();
        }
        if (writer != null) {
            throw new IllegalStateException("getWriter() was called already");
        }
        if (stream == null) {
            stream = new CapturingStream();
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (passedThrough) {
            return super.getWriter();
        }
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() was called already");
        }
        if (writer == null) {
            // The encoding as the page set it with its content type, fixed from here on as the servlet API has it.
            writer = new PrintWriter(new OutputStreamWriter(body, Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    /** Nothing is sent before the filter has the whole page. */
    @Override
    public void flushBuffer() {
        flushWriter();
    }

    @Override
    public void resetBuffer() {
        flushWriter();
        body.reset();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        flushWriter();
        body.reset();
        cookieSet = false;
        super.reset();
    }

    /** The filter sets the length of what it sends. */
    @Override
    public void setContentLength(int length) {
        // ignored, see above
    }

    @Override
    public void setContentLengthLong(long length) {
        // ignored, see above
    }

    @Override
    public void addCookie(Cookie cookie) {
        cookieSet = true;
        super.addCookie(cookie);
    }

    @Override
    public void setHeader(String name, String value) {
        noteCookie(name);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        noteCookie(name);
        super.addHeader(name, value);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        passThrough();
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        passThrough();
        super.sendError(status);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        passThrough();
        super.sendRedirect(location);
    }

    /** The body written so far. */
    byte[] body() {
        flushWriter();
        return body.toByteArray();
    }

    /** Whether a cookie was set through this response. */
    boolean cookieSet() {
        return cookieSet;
    }

    /** Whether an error or redirect was handed to the container, which answers instead. */
    boolean passedThrough() {
        return passedThrough;
    }

    private void passThrough() {
        flushWriter();
        body.reset();
        passedThrough = true;
    }

    private void noteCookie(String header) {
        if ("Set-Cookie".equalsIgnoreCase(header)) {
            cookieSet = true;
        }
    }

    private void flushWriter() {
        if (writer != null) {
            writer.flush();
        }
    }

    private final class CapturingStream extends ServletOutputStream {

        @Override
        public void write(int b) {
            body.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            body.write(bytes, offset, length);
        }

        /** Always: writing to memory never blocks. */
        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("A captured page is written synchronously");
        }
    }
}
