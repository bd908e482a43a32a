package dev.notes.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rendered page as {@link PageCache} keeps it: status, content type, the headers the page set
 * (not those every response gets anew, such as the instance name, the security headers or a date),
 * the body and its entity tag. Immutable, so any number of requests replay it at once.
 * <p>
 * The entity tag is a strong hash of the body without the Faces view state: with client-side state
 * saving, MyFaces writes a fresh encrypted state into every form on every render, so a page that did
 * not change would otherwise get a new tag each time it is rendered again, and browsers would never
 * get their 304. The state only carries the component tree of the view, the same for every render
 * of an unchanged page, so leaving it out of the hash loses nothing.
 */
final class CachedPage {

    /** A header to replay, one value per entry (a header with several values has several entries). */
    record Header(String name, String value) {
    }

    /**
     * The value of the hidden {@code jakarta.faces.ViewState} input (MyFaces writes name before value).
     * Matched over the body read as ISO-8859-1, which maps every byte to one character and back.
     */
    private static final Pattern VIEW_STATE_VALUE =
            Pattern.compile("(name=\"jakarta\\.faces\\.ViewState\"[^>]*?value=\")[^\"]*\"");

    private final int status;
    private final String contentType;
    private final List<Header> headers;
    private final byte[] body;
    private final String entityTag;

    CachedPage(int status, String contentType, List<Header> headers, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.headers = List.copyOf(headers);
        this.body = body.clone();
        this.entityTag = entityTagOf(body);
    }

    /** The quoted strong entity tag of {@code body}: SHA-256, base64url, of the body without its view states. */
    static String entityTagOf(byte[] body) {
        String page = new String(body, StandardCharsets.ISO_8859_1);
        byte[] withoutViewState = VIEW_STATE_VALUE.matcher(page).replaceAll("$1\"").getBytes(StandardCharsets.ISO_8859_1);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(withoutViewState);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /**
     * Whether an {@code If-None-Match} header names this page: "*", or a list of tags one of which is
     * this one (compared weakly, as RFC 9110 asks for If-None-Match, so "W/" is ignored).
     */
    boolean isNamedBy(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals("*") || candidate.equals(entityTag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes status, headers and, unless {@code withBody} is false (HEAD), the body. The first value
     * of each header replaces what is there: the response that rendered the page has them already.
     */
    void writeTo(HttpServletResponse response, boolean withBody) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        Set<String> written = new HashSet<>();
        for (Header header : headers) {
            if (written.add(header.name().toLowerCase(Locale.ROOT))) {
                response.setHeader(header.name(), header.value());
            } else {
                response.addHeader(header.name(), header.value());
            }
        }
        response.setContentLength(body.length);
        if (withBody) {
            response.getOutputStream().write(body);
        }
    }

    String entityTag() {
        return entityTag;
    }

    /** About what the page takes in memory: its body and headers. */
    long size() {
        long size = body.length + contentType.length();
        for (Header header : headers) {
            size += header.name().length() + header.value().length();
        }
        return size;
    }
}
