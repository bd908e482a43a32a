-- The same script runs on PostgreSQL and on the embedded H2 (MODE=PostgreSQL, DATABASE_TO_LOWER).
--
-- The logins each user has now, for the account page, when an instance runs alone
-- (dev.notes.user.DatabaseLoginIndex): its HTTP sessions outlive a restart (an embedded Derby,
-- cluster-none.xml), so the list of them must too. A cluster keeps this list in Redis instead, beside
-- its sessions, and leaves the table empty. login_id is the login's own random id, never the
-- session id. Rows older than the session lifetime are deleted as new logins arrive.
CREATE TABLE active_logins (
    login_id   VARCHAR(64)              NOT NULL PRIMARY KEY,
    username   VARCHAR(40)              NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    address    VARCHAR(64)              NOT NULL,
    browser    VARCHAR(200)             NOT NULL
);

CREATE INDEX ix_active_logins_user ON active_logins (username, started_at);
CREATE INDEX ix_active_logins_started ON active_logins (started_at);
