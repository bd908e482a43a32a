package dev.notes.note;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * PostgreSQL's search: the generated {@code search_vector} (title weighted A, body B) through its GIN
 * index. Notes whose title holds every word come first, then by {@code ts_rank}, then by title.
 */
final class FullTextNoteSearch extends RankedSearch {

    FullTextNoteSearch(EntityManager em) {
        super(em);
    }

    @Override
    String sql(SearchQuery query) {
        return "SELECT note_key, title, title_sort FROM ("
                + " SELECT note_key, title, title_sort, search_vector FROM notes"
                + " WHERE search_vector @@ plainto_tsquery('simple', ?1)" + authorCondition(query, 2)
                + " LIMIT " + MAX_CANDIDATES + ") candidates"
                + " ORDER BY to_tsvector('simple', title) @@ plainto_tsquery('simple', ?1) DESC,"
                + " ts_rank(search_vector, plainto_tsquery('simple', ?1)) DESC, title_sort, note_key";
    }

    @Override
    void bind(Query sql, SearchQuery query) {
        sql.setParameter(1, String.join(" ", query.words()));
        if (query.author() != null) {
            sql.setParameter(2, query.author());
        }
    }
}
