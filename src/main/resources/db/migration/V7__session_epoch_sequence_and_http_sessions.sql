-- The same script runs on PostgreSQL and on the embedded H2 (MODE=PostgreSQL, DATABASE_TO_LOWER).
--
-- Session epochs come from one sequence from now on (dev.notes.user.SessionEpochs): a new account
-- starts at the next value, and every raise (password change, log out everywhere, disabling) takes
-- the next value too. So no epoch is ever handed out twice, to any account: when a deleted account's
-- username is registered again, a login of the deleted account, still held by some browser, carries
-- an epoch below the new account's first one and is ended at its next request instead of becoming a
-- login of the newcomer. The sequence starts far above the epochs counted one by one until now.
CREATE SEQUENCE session_epochs_seq START WITH 1000000000 INCREMENT BY 1;

-- HTTP sessions of an instance alone (NOTES_CLUSTER=none, liberty/config/cluster-none.xml): Liberty's
-- sessionDatabase-1.0 keeps them here, so a restart logs nobody out. The columns are those Liberty
-- creates on PostgreSQL (one row per session, attributes serialised into small/medium/large). Liberty
-- has no H2 dialect, so the table is made here for both databases, with the unique index Liberty
-- looks sessions up by (skipIndexCreation in cluster-none.xml).
CREATE TABLE http_sessions (
    id              VARCHAR(128) NOT NULL,
    propid          VARCHAR(128) NOT NULL,
    appname         VARCHAR(128) NOT NULL,
    listenercnt     SMALLINT,
    lastaccess      BIGINT,
    creationtime    BIGINT,
    maxinactivetime INTEGER,
    username        VARCHAR(256),
    small           BYTEA,
    medium          BYTEA,
    large           BYTEA
);

CREATE UNIQUE INDEX sess_index ON http_sessions (id, propid, appname);

-- Deleting an account deletes what its user wrote (dev.notes.comment.AuthoredContent), and the page
-- that asks to confirm counts it first: both find the rows by author through these.
CREATE INDEX ix_notes_author ON notes (author);
CREATE INDEX ix_comments_author ON comments (author);
