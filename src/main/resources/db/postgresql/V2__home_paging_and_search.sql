-- PostgreSQL's half of version 2 (H2's is db/h2/V2__home_paging_and_search.sql): the home page's
-- keyset paging and the full-text search. Generated columns, so no writer can forget them.
--
-- Paging sorts by (title_sort, note_key); title_sort is twice as wide as title because lower-casing
-- may lengthen a text (see PageCursor). Both are compared byte by byte ("C"), whatever the
-- database's collation: the browser decides where a live change belongs on its page with the same
-- code-point comparison, and "C" never ignores punctuation as e.g. en_US does.
ALTER TABLE notes ALTER COLUMN note_key TYPE VARCHAR(100) COLLATE "C";
ALTER TABLE notes ADD COLUMN title_sort VARCHAR(510) COLLATE "C" GENERATED ALWAYS AS (lower(title)) STORED;
CREATE INDEX ix_notes_title_sort ON notes (title_sort, note_key);
-- Served nothing: every query sorted by lower(title).
DROP INDEX ix_notes_title;

-- Search: the title weighs more (A) than the body (B). 'simple' (no stemming, no stop words),
-- because notes come in any language; it also matches what H2's word search finds.
ALTER TABLE notes ADD COLUMN search_vector TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')) STORED;
CREATE INDEX ix_notes_search ON notes USING GIN (search_vector);
