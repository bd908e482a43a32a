package dev.notes.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The small JSON API the pages' script uses (comments without a page reload) under {@code /api}.
 * Same login as the pages; same CSRF protection ({@code SameOriginFilter}), and JSON bodies, which
 * another site's form cannot send.
 */
@ApplicationPath("/api")
public class NotesApi extends Application {
}
