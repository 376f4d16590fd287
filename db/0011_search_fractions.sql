-- The normaliser now reads an article or a fraction before a scale as a figure ("a million" = 1000000,
-- "half a million" = 500000, "a half-dozen" = 6, "two and a half billion" = 2500000000) and "half-hour" as
-- "30 minute", and reads the digits of a code without a scale ("90,000 K-1 visas" was 90 million, "H-1B" one
-- billion), so every stored search text is recomputed: claims' and other outlets' fact-checks'
-- (workbench.store.database: SQL cannot call the normaliser). The BM25 indexes are contentless and only
-- ever added to: both are emptied here and refilled, sentence_words by its triggers as each claim gets its
-- search text back, factcheck_words by the step after this script.

DROP TRIGGER claims_au;
UPDATE claims SET search_text = NULL;
CREATE TRIGGER claims_au AFTER UPDATE OF search_text ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, search_text)
        SELECT 'delete', old.id, old.search_text WHERE old.search_text IS NOT NULL;
    INSERT INTO claims_fts (rowid, search_text) SELECT new.id, new.search_text WHERE new.search_text IS NOT NULL;
END;

INSERT INTO factcheck_words (factcheck_words) VALUES ('delete-all');
INSERT INTO sentence_words (sentence_words) VALUES ('delete-all');
