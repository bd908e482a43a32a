package dev.notes.note;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A place in the list of notes by title: a note's lower-case title (as the database stores it in
 * {@code title_sort}) and its key, which together order every note exactly once. Pages start or
 * end at one, so a page stays where it was when notes are added or deleted elsewhere, and the
 * database finds it through its index instead of counting the rows before it (no OFFSET).
 * <p>
 * In a URL it is {@code <title in base64url, no padding>.<key>}: only URL-safe characters, and
 * the key stays readable. Parsing accepts nothing else.
 */
public record PageCursor(String sortTitle, String key) implements Serializable {

    /**
     * Longest lower-case title: lower-casing may lengthen a title (Java turns "İ" into two
     * characters), so {@code title_sort} is twice as wide as {@code title}.
     */
    static final int SORT_TITLE_MAX = 2 * NoteDraft.TITLE_MAX;

    /** Longest text {@link #parse} reads: the longest lower-case title in base64 (at most 3 UTF-8 bytes a character), a dot, a key. */
    public static final int MAX_LENGTH = 4 * SORT_TITLE_MAX + 1 + NoteDraft.KEY_MAX;

    private static final Pattern KEY = Pattern.compile(NoteDraft.KEY_CHARACTER + "{1," + NoteDraft.KEY_MAX + "}");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

    public PageCursor {
        Objects.requireNonNull(sortTitle, "sortTitle");
        Objects.requireNonNull(key, "key");
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortTitle.getBytes(StandardCharsets.UTF_8))
                + "." + key;
    }

    /** Reads what {@link #encode} wrote; anything else throws {@link IllegalArgumentException}. */
    public static PageCursor parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a page cursor is at most " + MAX_LENGTH + " characters");
        }
        int dot = text.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("a page cursor is <title>.<key>");
        }
        String title = text.substring(0, dot);
        String key = text.substring(dot + 1);
        if (!BASE64URL.matcher(title).matches() || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a page cursor is <title in base64url>.<note key>");
        }
        String sortTitle = utf8(Base64.getUrlDecoder().decode(title));
        if (sortTitle.length() > SORT_TITLE_MAX) {
            throw new IllegalArgumentException("a page cursor's title is too long");
        }
        return new PageCursor(sortTitle, key);
    }

    /** Strict: malformed UTF-8 is refused rather than turned into replacement characters. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a page cursor's title is not UTF-8", e);
        }
    }
}
