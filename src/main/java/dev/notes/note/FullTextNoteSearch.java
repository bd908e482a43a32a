package dev.notes.note;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.stream.Collectors;

/**
 * PostgreSQL's search: the generated {@code search_vector} (title weighted A, body B) through its GIN
 * index. Notes whose title holds every word come first, then by {@code ts_rank}, then by title.
 * Whether the title holds the words is asked of the stored vector, restricted to weight A
 * ({@code word:A & …}), rather than of a {@code to_tsvector(title)} computed for every candidate,
 * which cost more than the ranking itself.
 */
final class FullTextNoteSearch extends RankedSearch {

    FullTextNoteSearch(EntityManager em) {
        super(em);
    }

    @Override
    String sql(SearchQuery query) {
        return "SELECT note_key, title, title_sort FROM ("
                + " SELECT note_key, title, title_sort, search_vector FROM notes"
                + " WHERE search_vector @@ plainto_tsquery('simple', ?1)" + authorCondition(query, 3)
                + " LIMIT " + MAX_CANDIDATES + ") candidates"
                + " ORDER BY search_vector @@ to_tsquery('simple', ?2) DESC,"
                + " ts_rank(search_vector, plainto_tsquery('simple', ?1)) DESC, title_sort, note_key";
    }

    @Override
    void bind(Query sql, SearchQuery query) {
        sql.setParameter(1, String.join(" ", query.words()));
        // Words are letters and digits only (SearchQuery), so none can carry a tsquery operator.
        sql.setParameter(2, query.words().stream().map(word -> word + ":A").collect(Collectors.joining(" & ")));
        if (query.author() != null) {
            sql.setParameter(3, query.author());
        }
    }
}
