-- H2's half of version 2 (PostgreSQL's is db/postgresql/V2__home_paging_and_search.sql): the home
-- page's keyset paging. H2 indexes no expressions, so lower(title) is a generated column; H2
-- compares strings by code point (Java's order), which is what PostgreSQL's "C" columns do.
-- Search needs no schema on H2: it matches words in title and body with LIKE (LikeNoteSearch), a
-- scan that suits the embedded single-instance database; the GIN index is PostgreSQL's.
ALTER TABLE notes ADD COLUMN title_sort VARCHAR(510) GENERATED ALWAYS AS (LOWER(title)) NOT NULL;
CREATE INDEX ix_notes_title_sort ON notes (title_sort, note_key);
DROP INDEX ix_notes_title;
