package dev.notes.note;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * What both search adapters do alike: run their ranked SQL for one bounded page and read its rows
 * ({@code note_key, title, title_sort}) as summaries.
 */
abstract class RankedSearch implements NoteSearch {

    private final EntityManager em;

    RankedSearch(EntityManager em) {
        this.em = em;
    }

    /**
     * The database's SQL: candidates limited to {@link #MAX_CANDIDATES}, ordered best first, with
     * positional parameters filled in by {@link #bind}.
     */
    abstract String sql(SearchQuery query);

    abstract void bind(Query sql, SearchQuery query);

    @Override
    public SearchResults search(SearchQuery query, int page) {
        if (page < 1 || page > MAX_PAGES) {
            throw new IllegalArgumentException("page " + page + " is not between 1 and " + MAX_PAGES);
        }
        if (query.isEmpty()) {
            return new SearchResults(List.of(), page, false);
        }
        Query sql = em.createNativeQuery(sql(query))
                .setFirstResult((page - 1) * NoteService.PAGE_SIZE)
                .setMaxResults(NoteService.PAGE_SIZE + 1);
        bind(sql, query);
        List<NoteSummary> notes = new ArrayList<>();
        for (Object row : sql.getResultList()) {
            Object[] columns = (Object[]) row;
            notes.add(new NoteSummary((String) columns[0], (String) columns[1], (String) columns[2]));
        }
        boolean hasNext = notes.size() > NoteService.PAGE_SIZE && page < MAX_PAGES;
        return new SearchResults(notes.subList(0, Math.min(notes.size(), NoteService.PAGE_SIZE)), page, hasNext);
    }

    /** " AND author = ?n" when the query is limited to one author's notes. */
    static String authorCondition(SearchQuery query, int parameter) {
        return query.author() == null ? "" : " AND author = ?" + parameter;
    }
}
