package dev.notes.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no ordinary client sends: bodies of hundreds of
 * megabytes generated while they are sent (never held in memory), with a declared length or in
 * chunks, and headers or URLs of any size. Sending stops as soon as the server answers or closes,
 * or at a deadline; the answer is then read as far as the server wrote it.
 */
public final class RawHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_ANSWER = 1024 * 1024;

    private RawHttp() {
    }

    /** How a body is framed: a declared {@code Content-Length}, or {@code Transfer-Encoding: chunked}. */
    public enum Framing { CONTENT_LENGTH, CHUNKED }

    /**
     * A body of {@code size} bytes: {@code prefix}, then {@code filler} repeated. {@code sent} is
     * how much the server took before it answered or closed.
     */
    public record Body(byte[] prefix, byte filler, long size) {

        public static Body of(String prefix, char filler, long size) {
            return new Body(prefix.getBytes(StandardCharsets.UTF_8), (byte) filler, size);
        }
    }

    /** What came back: status, headers (names in lower case), body as text; how much was sent. */
    public record Answer(int status, Map<String, String> headers, String body, long bytesSent) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A request with a body; {@code headers} are added to Host and the framing header. */
    public static Answer send(URI base, String method, String target, Map<String, String> headers,
                              Body body, Framing framing) {
        return send(null, base, method, target, headers, body, framing);
    }

    /**
     * A request without a body from the local address {@code from} (any of 127.0.0.0/8 reaches a
     * server on 127.0.0.1): the server sees another peer than 127.0.0.1, such as a proxy it trusts.
     */
    public static Answer sendFrom(InetAddress from, URI base, String method, String target, Map<String, String> headers) {
        return send(from, base, method, target, headers, null, Framing.CONTENT_LENGTH);
    }

    private static Answer send(InetAddress from, URI base, String method, String target, Map<String, String> headers,
                               Body body, Framing framing) {
        try (Socket socket = new Socket()) {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n")
                    .append("Host: ").append(base.getRawAuthority()).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append(framing == Framing.CHUNKED ? "Transfer-Encoding: chunked" : "Content-Length: " + body.size())
                        .append("\r\n");
            }
            head.append("\r\n");
            long sent = 0;
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    sent = writeBody(out, in, body, framing);
                }
                out.flush();
            } catch (IOException closedBeforeTheEnd) {
                // the server answered and closed while the body was still coming: read its answer
            }
            return read(in, sent);
        } catch (IOException e) {
            throw new UncheckedIOException("No answer from " + base + " to " + method + " " + abbreviate(target), e);
        }
    }

    /** A request without a body. */
    public static Answer send(URI base, String method, String target, Map<String, String> headers) {
        return send(base, method, target, headers, null, Framing.CONTENT_LENGTH);
    }

    private static long writeBody(OutputStream out, InputStream in, Body body, Framing framing) throws IOException {
        byte[] filler = new byte[CHUNK];
        Arrays.fill(filler, body.filler());
        Instant deadline = Instant.now().plus(TIMEOUT);
        long sent = 0;
        sent += writePart(out, body.prefix(), body.prefix().length, framing);
        // Stops when the server has answered (it reads no more then), at the end, or at the deadline.
        while (sent < body.size() && in.available() == 0 && Instant.now().isBefore(deadline)) {
            int n = (int) Math.min(CHUNK, body.size() - sent);
            sent += writePart(out, filler, n, framing);
        }
        if (sent >= body.size() && framing == Framing.CHUNKED) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        return sent;
    }

    private static int writePart(OutputStream out, byte[] bytes, int length, Framing framing) throws IOException {
        if (framing == Framing.CHUNKED) {
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write(bytes, 0, length);
        if (framing == Framing.CHUNKED) {
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        return length;
    }

    /** Status line, headers, then the body as far as Content-Length, chunks or the connection's end say. */
    private static Answer read(InputStream in, long sent) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("The connection closed without an answer (after " + sent + " bytes of body)");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes((int) Math.min(MAX_ANSWER, Long.parseLong(headers.get("content-length")))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = chunkSize(in); size > 0 && body.size() < MAX_ANSWER; size = chunkSize(in)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else {
            body.write(in.readNBytes(MAX_ANSWER));
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8), sent);
    }

    private static int chunkSize(InputStream in) throws IOException {
        String line = line(in);
        return line == null || line.isBlank() ? 0 : Integer.parseInt(line.split(";")[0].trim(), 16);
    }

    /** One CRLF-terminated line, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }
}
