package dev.notes.web;

import dev.notes.platform.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;

/** {@link Times} for the pages' EL ({@code #{formats.dateTime(...)}}). */
@Named
@ApplicationScoped
public class Formats {

    public String dateTime(Instant instant) {
        return Times.display(instant);
    }

    public String iso(Instant instant) {
        return Times.iso(instant);
    }
}
