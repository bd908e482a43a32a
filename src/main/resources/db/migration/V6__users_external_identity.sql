-- The same script runs on PostgreSQL and on the embedded H2 (MODE=PostgreSQL, DATABASE_TO_LOWER).
-- OpenID Connect login (dev.notes.oidc): a user created by a first login through the provider has no
-- password; it is linked to the provider's issuer and subject, by which every later login finds it
-- (never by username, which the provider lets its users choose). One local user per external identity.

ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE users ADD COLUMN external_issuer VARCHAR(500);
ALTER TABLE users ADD COLUMN external_subject VARCHAR(255);
ALTER TABLE users ADD CONSTRAINT users_external_identity UNIQUE (external_issuer, external_subject);
-- Issuer and subject together or not at all, and every account has a way to log in.
ALTER TABLE users ADD CONSTRAINT users_external_identity_whole
    CHECK ((external_issuer IS NULL) = (external_subject IS NULL));
ALTER TABLE users ADD CONSTRAINT users_password_or_external
    CHECK (password_hash IS NOT NULL OR external_subject IS NOT NULL);
