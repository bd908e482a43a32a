package dev.notes.web;

import dev.notes.note.NoteSearch;
import dev.notes.note.NoteService;
import dev.notes.note.SearchQuery;
import dev.notes.note.SearchResults;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.annotation.RequestParameterMap;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * The search results ({@code /note/search?q=…&page=…&mine=1}): a plain GET from the search box in
 * every page's header, pages linked by number (results are ranked; see {@link NoteSearch}).
 * "My notes" ({@code mine=1}) limits them to the logged-in reader's own notes.
 */
@Named
@RequestScoped
public class SearchPage {

    static final String QUERY = "q";
    static final String PAGE = "page";
    static final String MINE = "mine";

    @Inject
    private NoteSearch search;

    @Inject
    private CurrentUser currentUser;

    @Inject
    @RequestParameterMap
    private Map<String, String> requestParameters;

    private String text;
    private boolean mine;
    private SearchResults results;

    /** Before rendering, so that a bad parameter's status and message come before the page. */
    public void load() {
        getResults();
    }

    /** Searched once, when first asked: before rendering, or earlier while a postback rebuilds the view. */
    public SearchResults getResults() {
        if (results == null) {
            search();
        }
        return results;
    }

    private void search() {
        text = requestParameters.getOrDefault(QUERY, "");
        mine = "1".equals(requestParameters.get(MINE)) && currentUser.isLoggedIn();
        SearchQuery query;
        try {
            query = SearchQuery.of(text, mine ? currentUser.getUsername() : null);
        } catch (IllegalArgumentException e) {
            Pages.badParameter(e.getMessage());
            text = text.substring(0, SearchQuery.MAX_LENGTH);
            results = new SearchResults(List.of(), 1, false);
            return;
        }
        int page = pageNumber(requestParameters.get(PAGE));
        results = search.search(query, page);
    }

    /** 1 when absent; a page that is no number or out of range gets a message and the first page. */
    private static int pageNumber(String parameter) {
        if (parameter == null) {
            return 1;
        }
        if (parameter.matches("[0-9]{1,2}")) {
            int page = Integer.parseInt(parameter);
            if (page >= 1 && page <= NoteSearch.MAX_PAGES) {
                return page;
            }
        }
        Pages.badParameter("Search results have pages 1 to " + NoteSearch.MAX_PAGES + ", so here is the first.");
        return 1;
    }

    public String getText() {
        getResults();
        return text;
    }

    public boolean isMine() {
        getResults();
        return mine;
    }

    /** The number of the page's first result, for the numbered list. */
    public int getFirstNumber() {
        return (getResults().page() - 1) * NoteService.PAGE_SIZE + 1;
    }

    public String getNextQuery() {
        return getResults().hasNext() ? queryFor(results.page() + 1) : null;
    }

    public String getPreviousQuery() {
        return getResults().page() > 1 ? queryFor(results.page() - 1) : null;
    }

    private String queryFor(int page) {
        return "?" + QUERY + "=" + Pages.queryValue(text) + (mine ? "&" + MINE + "=1" : "") + "&" + PAGE + "=" + page;
    }
}
