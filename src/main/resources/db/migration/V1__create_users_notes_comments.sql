-- The same script runs on PostgreSQL and on the embedded H2 (MODE=PostgreSQL, DATABASE_TO_LOWER).
-- Lengths are enforced here too, so a bug in a validator can never store an oversize value.
-- Ids come from sequences that EclipseLink reserves in blocks of 50 (one round trip per 50 rows);
-- identity columns are avoided because EclipseLink's H2 platform reads them with a function H2 2.x removed.

CREATE SEQUENCE users_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE notes_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE comments_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE users (
    id            BIGINT PRIMARY KEY,
    username      VARCHAR(40)              NOT NULL,
    password_hash VARCHAR(512)             NOT NULL,
    display_name  VARCHAR(100)             NOT NULL,
    email         VARCHAR(254),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_users_username UNIQUE (username)
);

CREATE TABLE notes (
    id         BIGINT PRIMARY KEY,
    note_key   VARCHAR(100)             NOT NULL,
    title      VARCHAR(255)             NOT NULL,
    body       VARCHAR(100000)          NOT NULL,
    author     VARCHAR(40)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL,
    CONSTRAINT uk_notes_note_key UNIQUE (note_key)
);

CREATE INDEX ix_notes_title ON notes (title);

CREATE TABLE comments (
    id         BIGINT PRIMARY KEY,
    note_id    BIGINT                   NOT NULL,
    author     VARCHAR(40)              NOT NULL,
    text       VARCHAR(1024)            NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_comments_note FOREIGN KEY (note_id) REFERENCES notes (id) ON DELETE CASCADE
);

CREATE INDEX ix_comments_note_created ON comments (note_id, created_at);
