-- The same script runs on PostgreSQL and on the embedded H2 (MODE=PostgreSQL, DATABASE_TO_LOWER).
--
-- Session epochs come from one sequence from now on (dev.notes.user.SessionEpochs): a new account
-- starts at the next value, and every raise (password change, log out everywhere, disabling) takes
-- the next value too. So no epoch is ever handed out twice, to any account: when a deleted account's
-- username is registered again, a login of the deleted account, still held by some browser, carries
-- an epoch below the new account's first one and is ended at its next request instead of becoming a
-- login of the newcomer. The sequence starts far above the epochs counted one by one until now.
CREATE SEQUENCE session_epochs_seq START WITH 1000000000 INCREMENT BY 1;

-- Deleting an account deletes what its user wrote (dev.notes.comment.AuthoredContent), and the page
-- that asks to confirm counts it first: both find the rows by author through these.
CREATE INDEX ix_notes_author ON notes (author);
CREATE INDEX ix_comments_author ON comments (author);
