package dev.notes.web;

/** Numbers from query strings, read strictly: ASCII digits only, no sign, no spaces. */
final class QueryNumbers {

    /** Longer than any long. */
    private static final int MAX_DIGITS = 19;

    private QueryNumbers() {
    }

    /** The number, or 0 (which callers refuse) for anything that is not a positive whole number that fits a long. */
    static long positiveOrZero(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_DIGITS
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException tooLarge) {
            return 0;
        }
    }
}
