package dev.notes.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How times are written: one format, in UTC, so that every instance, every page and every live
 * update has the same text for the same moment, and a cached page suits every reader. In the
 * browser, resources/js/local-time.js shows the ISO form in the reader's zone and language instead;
 * this text is what a reader without JavaScript sees.
 */
public final class Times {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /**
     * The current time as stored: databases keep microseconds at most, so truncating to
     * milliseconds keeps values equal after a round trip (and in events and pages alike).
     */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** "2026-11-29 14:05 UTC"; empty for null. */
    public static String display(Instant instant) {
        return instant == null ? "" : DISPLAY.format(instant);
    }

    /** "2026-11-29T14:05:31.123Z", for machines (a time element's datetime, JSON); empty for null. */
    public static String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
