-- The same script runs on PostgreSQL and on the embedded H2 (MODE=PostgreSQL, DATABASE_TO_LOWER).
-- A user's session epoch: every login carries the value it had when the password was checked, and
-- a login whose value is lower than the current one is ended at its next request, on any instance
-- (dev.notes.user.SessionEpochs). Changing the password raises it, ending every other login of the
-- user. Existing logins carry 0, like the existing users, so none ends by this migration.

ALTER TABLE users ADD COLUMN session_epoch BIGINT DEFAULT 0 NOT NULL;
