-- Reviewers who may use `workbench serve` (issue 20), and their browser sessions. Only SHA-256 hashes of
-- the secrets are kept: a copy of the database (a backup, a Litestream replica) lets nobody sign in.
-- A sign-in link is used once: redeeming it clears link_hash and starts a session.

CREATE TABLE serve_users (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE COLLATE NOCASE,  -- the --reviewer name their sessions run as
    link_hash    TEXT,                                 -- hash of the unused sign-in link's secret, else NULL
    link_expires TEXT,
    added_by     TEXT NOT NULL,
    added_at     TEXT NOT NULL,
    last_seen    TEXT
);

CREATE TABLE serve_sessions (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES serve_users(id) ON DELETE CASCADE,
    secret_hash TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
CREATE INDEX serve_sessions_user ON serve_sessions(user_id);
