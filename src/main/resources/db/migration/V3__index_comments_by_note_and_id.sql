-- The same script runs on PostgreSQL and on the embedded H2 (MODE=PostgreSQL, DATABASE_TO_LOWER).
-- A note's comments are read newest first in slices by id (keyset paging: id below a cursor,
-- highest ids first, at most one slice). With (note_id, id) that is a short backward range scan
-- whatever the note's size; with (note_id, created_at) the database reads and sorts every comment
-- of the note for each slice. Nothing orders comments by time any more, and the new index also
-- serves the foreign key's cascade and the count per note, so the old index goes.

CREATE INDEX ix_comments_note_id ON comments (note_id, id);

DROP INDEX ix_comments_note_created;
