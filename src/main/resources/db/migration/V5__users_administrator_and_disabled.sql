-- The same script runs on PostgreSQL and on the embedded H2 (MODE=PostgreSQL, DATABASE_TO_LOWER).
-- Moderation: an administrator may delete any note or comment, promote users and disable accounts
-- (dev.notes.user.Moderation). A disabled account cannot log in; disabling it also raises its
-- session epoch, which ends its logins on every instance. Existing users are neither.

ALTER TABLE users ADD COLUMN administrator BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE users ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;
