package dev.notes.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body, sent without a declared length, may be read up to {@code maxBytes}: one
 * byte more and the read fails with {@link RequestBodyTooLargeException}, so no reader (JSON-B,
 * a servlet) ever holds more than the limit.
 * <p>
 * Only what reads the body through this wrapper is limited: Liberty parses form parameters from
 * its own stream, which is why {@link RequestSizeFilter} never lets a form without a length through.
 */
final class LimitedBodyRequest extends HttpServletRequestWrapper {

    private final int maxBytes;
    private ServletInputStream body;
    private BufferedReader reader;

    LimitedBodyRequest(HttpServletRequest request, int maxBytes) {
        super(request);
        this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (body == null) {
            body = new Limited(super.getInputStream(), maxBytes);
        }
        return body;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }

    /** Counts what is read and fails past the limit. */
    static final class Limited extends ServletInputStream {

        private final ServletInputStream in;
        private final int maxBytes;
        private long read;

        Limited(ServletInputStream in, int maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            failIfPastTheLimit();
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            failIfPastTheLimit();
            // Never asks for more than one byte past the limit, so a huge read buffers nothing extra.
            int n = in.read(buffer, offset, (int) Math.min(length, maxBytes - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            failIfPastTheLimit();
        }

        /** Also on every read after the first failure: a reader that carries on gets no more. */
        private void failIfPastTheLimit() throws IOException {
            if (read > maxBytes) {
                throw new RequestBodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
