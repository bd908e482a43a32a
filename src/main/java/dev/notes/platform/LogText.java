package dev.notes.platform;

/**
 * Text from clients made safe for a log line. A value such as a username as typed may hold
 * anything: a forged log entry starts with a line break, a misleading one with a bidirectional
 * override. So the value is quoted, every control, line- or paragraph-separating and formatting
 * character (and the quote itself) becomes {@code ?}, and it is cut short.
 */
public final class LogText {

    /** Longer than any username (40), short enough that a flood of junk cannot fill the log. */
    static final int MAX_CODE_POINTS = 64;

    private LogText() {
    }

    /** {@code "value"} as described above; {@code (none)} for null. */
    public static String quoted(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder clean = new StringBuilder("\"");
        value.codePoints().limit(MAX_CODE_POINTS).forEach(c -> clean.appendCodePoint(isSafe(c) ? c : '?'));
        if (value.codePointCount(0, value.length()) > MAX_CODE_POINTS) {
            clean.append('…');
        }
        return clean.append('"').toString();
    }

    private static boolean isSafe(int codePoint) {
        int type = Character.getType(codePoint);
        return codePoint != '"' && !Character.isISOControl(codePoint)
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.FORMAT && type != Character.SURROGATE && type != Character.UNASSIGNED;
    }
}
