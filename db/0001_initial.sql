-- The first schema: articles, their claims and quotes, sources, the rating scale, the audit log.
-- Offsets index articles.body (Python str characters); the body never changes after import.

CREATE TABLE articles (
    id          INTEGER PRIMARY KEY,
    headline    TEXT,
    deck        TEXT,
    byline      TEXT,
    outlet      TEXT,
    url         TEXT,
    published   TEXT,             -- YYYY-MM-DD
    dateline    TEXT,
    body        TEXT NOT NULL,
    sha256      TEXT NOT NULL UNIQUE,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    origin      TEXT
);
CREATE INDEX articles_published ON articles(published);

-- The newsroom's rating scale; rating_value feeds ClaimReview's ratingValue (1 worst .. 5 best).
CREATE TABLE verdicts (
    key          TEXT PRIMARY KEY,
    label        TEXT NOT NULL,
    meaning      TEXT NOT NULL,
    rating_value INTEGER,
    shortcut     TEXT UNIQUE,     -- the one key that picks it in the TUI
    position     INTEGER NOT NULL
);
INSERT INTO verdicts (key, label, meaning, rating_value, shortcut, position) VALUES
    ('true',         'True',         'Accurate, nothing significant missing.',                      5, '1', 1),
    ('mostly-true',  'Mostly true',  'Accurate but needs clarification or extra context.',          4, '2', 2),
    ('half-true',    'Half true',    'Partly accurate; leaves out details or takes things out of context.', 3, '3', 3),
    ('misleading',   'Misleading',   'Literally accurate figures used to give a false impression.',  2, '4', 4),
    ('mostly-false', 'Mostly false', 'Contains an element of truth but ignores critical facts.',    2, '5', 5),
    ('false',        'False',        'Not accurate.',                                                1, '6', 6),
    ('unproven',     'Unproven',     'The evidence available neither confirms nor refutes it.',     NULL, '7', 7);

CREATE TABLE claims (
    id              INTEGER PRIMARY KEY,
    article_id      INTEGER NOT NULL REFERENCES articles(id),
    kind            TEXT NOT NULL,
    text            TEXT NOT NULL,
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    sentence_start  INTEGER,
    sentence_end    INTEGER,
    sentence        TEXT,             -- copy of body[sentence_start:sentence_end], for search
    value           TEXT,             -- JSON: normalised number/currency/unit/date
    hints           TEXT,             -- JSON list: the article's own figures disagree
    speaker         TEXT,
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    cue             TEXT,
    partial         INTEGER NOT NULL DEFAULT 0,
    checkworthiness REAL NOT NULL DEFAULT 0,
    origin          TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto', 'manual')),
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'reviewed', 'rejected')),
    verdict         TEXT REFERENCES verdicts(key),
    note            TEXT,
    reviewer        TEXT,
    updated_at      TEXT,
    version         INTEGER NOT NULL DEFAULT 1,
    CHECK (start >= 0 AND "end" > start)
);
CREATE INDEX claims_article ON claims(article_id, start);
CREATE INDEX claims_verdict ON claims(verdict);

CREATE TABLE sources (
    id           INTEGER PRIMARY KEY,
    url          TEXT UNIQUE,
    title        TEXT,
    publisher    TEXT,
    published    TEXT,
    accessed_at  TEXT,
    archived_url TEXT,
    note         TEXT,
    text         TEXT,                -- saved text of the source (transcript, release) for quote checks
    added_by     TEXT,
    added_at     TEXT
);

CREATE TABLE claim_sources (
    id         INTEGER PRIMARY KEY,
    claim_id   INTEGER NOT NULL REFERENCES claims(id),
    source_id  INTEGER NOT NULL REFERENCES sources(id),
    stance     TEXT NOT NULL DEFAULT 'context' CHECK (stance IN ('supports', 'refutes', 'context')),
    excerpt    TEXT,
    checks     TEXT,                  -- JSON: quote/figure check result stored with the link
    added_by   TEXT NOT NULL,
    added_at   TEXT NOT NULL
);
CREATE INDEX claim_sources_claim ON claim_sources(claim_id);

-- Append-only audit log: every reviewer action writes one row here in the same transaction.
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    reviewer   TEXT NOT NULL,
    action     TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id     INTEGER,
    claim_id   INTEGER,
    before     TEXT,                  -- JSON of the changed fields before
    after      TEXT,                  -- JSON of the changed fields after
    undoes     INTEGER REFERENCES events(id)
);
CREATE INDEX events_claim ON events(claim_id, id);
CREATE INDEX events_reviewer ON events(reviewer, id);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER articles_body_immutable BEFORE UPDATE OF body, sha256 ON articles
BEGIN SELECT RAISE(ABORT, 'an article body never changes after import'); END;
