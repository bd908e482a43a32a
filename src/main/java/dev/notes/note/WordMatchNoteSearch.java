package dev.notes.note;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * H2's search: every word must occur in the title or the body (as a substring, case-insensitively),
 * notes whose title holds every word first, then by title. H2 has no full-text index that suits
 * (its own needs Java functions registered in the database), so this reads the table: fine for
 * the embedded single-instance database, which is why a cluster runs on PostgreSQL.
 */
final class WordMatchNoteSearch extends RankedSearch {

    WordMatchNoteSearch(EntityManager em) {
        super(em);
    }

    @Override
    String sql(SearchQuery query) {
        List<String> inTitleOrBody = new ArrayList<>();
        List<String> inTitle = new ArrayList<>();
        for (int i = 1; i <= query.words().size(); i++) {
            inTitleOrBody.add("(LOWER(title) LIKE ?" + i + " OR LOWER(body) LIKE ?" + i + ")");
            inTitle.add("LOWER(title) LIKE ?" + i);
        }
        return "SELECT note_key, title, title_sort FROM ("
                + " SELECT note_key, title, title_sort,"
                + " CASE WHEN " + String.join(" AND ", inTitle) + " THEN 0 ELSE 1 END AS title_miss"
                + " FROM notes WHERE " + String.join(" AND ", inTitleOrBody)
                + authorCondition(query, query.words().size() + 1)
                + " LIMIT " + MAX_CANDIDATES + ") candidates"
                + " ORDER BY title_miss, title_sort, note_key";
    }

    /** Words are letters and digits only (SearchQuery), so none holds a LIKE wildcard. */
    @Override
    void bind(Query sql, SearchQuery query) {
        List<String> words = query.words();
        for (int i = 0; i < words.size(); i++) {
            sql.setParameter(i + 1, "%" + words.get(i) + "%");
        }
        if (query.author() != null) {
            sql.setParameter(words.size() + 1, query.author());
        }
    }
}
