package dev.notes.web;

import dev.notes.note.NoteService;
import dev.notes.note.NoteSummary;
import dev.notes.note.PageCursor;
import dev.notes.note.TitlePage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.annotation.RequestParameterMap;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * The home page: one page of the notes by title, with links to the pages before and after it
 * ({@code ?after=<cursor>}, {@code ?before=<cursor>}: plain links, no script needed) and, for a
 * logged-in reader, the notes they opened last. Request-scoped, so anonymous readers get no session.
 */
@Named
@RequestScoped
public class HomePage {

    static final String AFTER = "after";
    static final String BEFORE = "before";

    @Inject
    private NoteService notes;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private RecentlyViewed recentlyViewed;

    @Inject
    @RequestParameterMap
    private Map<String, String> requestParameters;

    private TitlePage page;
    private List<NoteSummary> recentlyViewedNotes;

    /** Before rendering, so that a bad cursor's status and message come before the page. */
    public void load() {
        getPage();
    }

    /**
     * Read once, when first asked: before rendering, or earlier while a postback (the header's
     * logout) rebuilds the view. A bad cursor is answered with 400, a message and the first page,
     * from which the reader can go on.
     */
    public TitlePage getPage() {
        if (page == null) {
            try {
                page = requestedPage();
            } catch (IllegalArgumentException e) {
                Pages.badParameter("This link to a page of notes is not valid, so here is the first page.");
                page = notes.firstPage();
            }
        }
        return page;
    }

    private TitlePage requestedPage() {
        String after = requestParameters.get(AFTER);
        String before = requestParameters.get(BEFORE);
        if (after != null && before != null) {
            throw new IllegalArgumentException("either after or before");
        }
        if (after != null) {
            return notes.pageAfter(PageCursor.parse(after));
        }
        if (before != null) {
            return notes.pageBefore(PageCursor.parse(before));
        }
        return notes.firstPage();
    }

    /** The next page's query string, or null on the last page. */
    public String getNextQuery() {
        TitlePage shown = getPage();
        return shown.hasNext() ? "?" + AFTER + "=" + Pages.queryValue(shown.lastCursor().encode()) : null;
    }

    /** The previous page's query string, or null on the first page. */
    public String getPreviousQuery() {
        return startsLater() ? "?" + BEFORE + "=" + Pages.queryValue(getPage().firstCursor().encode()) : null;
    }

    /**
     * Where this page starts, for its live subscription (docs/live-protocol.md): empty on the first
     * page, which also takes notes that sort before all others.
     */
    public String getLiveFrom() {
        return startsLater() ? getPage().firstCursor().encode() : "";
    }

    private boolean startsLater() {
        return getPage().hasPrevious() && !getPage().notes().isEmpty();
    }

    /**
     * Empty for anonymous readers, whose requests must not create a session. Read once per request:
     * the page asks for it more than once (whether to show the list, then its rows).
     */
    public List<NoteSummary> getRecentlyViewed() {
        if (recentlyViewedNotes == null) {
            recentlyViewedNotes = currentUser.isLoggedIn() ? notes.summariesOf(recentlyViewed.keys()) : List.of();
        }
        return recentlyViewedNotes;
    }
}
