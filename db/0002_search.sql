-- Fuzzy search of past claims: normalised text indexed by FTS5 with the trigram tokenizer
-- (typos and substrings still match), kept in step by triggers; and "seen before" links.

ALTER TABLE claims ADD COLUMN search_text TEXT;

CREATE VIRTUAL TABLE claims_fts USING fts5(search_text, content="claims", content_rowid="id", tokenize="trigram");

CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, search_text) SELECT new.id, new.search_text WHERE new.search_text IS NOT NULL;
END;
CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, search_text)
        SELECT 'delete', old.id, old.search_text WHERE old.search_text IS NOT NULL;
END;
-- Rows stored before this migration are not in the index yet (their search_text is NULL until the
-- backfill): deleting an entry the index never had would corrupt it, so only indexed rows are deleted.
CREATE TRIGGER claims_au AFTER UPDATE OF search_text ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, search_text)
        SELECT 'delete', old.id, old.search_text WHERE old.search_text IS NOT NULL;
    INSERT INTO claims_fts (rowid, search_text) SELECT new.id, new.search_text WHERE new.search_text IS NOT NULL;
END;

CREATE TABLE claim_matches (
    claim_id      INTEGER NOT NULL REFERENCES claims(id),
    past_claim_id INTEGER NOT NULL REFERENCES claims(id),
    score         REAL NOT NULL,
    matched_at    TEXT NOT NULL,
    PRIMARY KEY (claim_id, past_claim_id)
);
CREATE INDEX claim_matches_past ON claim_matches(past_claim_id);
