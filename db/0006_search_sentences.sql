-- Words of each claim's sentence for BM25 ranking (issue 16), beside the trigram index that finds
-- typos and figures. Porter stems, so "flooded" meets "floods". Two fields: `own`, the sentence's
-- normalised words (figures as the trigram index holds them, "£12bn" = "12000000000 gbp"), and
-- `context`, the article's headline and the two sentences before (the nearest earlier ones holding a claim):
-- what a claim is about when its sentence says "they" (ranked as a weaker field). Not the body around
-- the sentence: substr() reads the whole body, and a 1 MB one-line article with 15,000 sentences took
-- minutes to import; each sentence before is one step back along claims_article, as a DISTINCT over the
-- article's earlier claims made that import quadratic again. Not the sentence after either: it is stored
-- after this row, which is never updated.
-- One row per sentence, not per claim. Its rowid is article_id * 2^32 + sentence_start, which any claim
-- can compute, so no mapping table is needed; a body never changes, so rows are only ever added (a
-- sentence whose claims are all gone maps to no claim and is never shown). So the index can be
-- contentless: it keeps no copy of the text (123 MB at 10^5 one-sentence claims with one).
-- It keeps word positions: without them (detail=column) a contentless index scores every row bm25 0.
-- Claims are looked up by sentence through claims_sentence, which holds all a lookup reads.

CREATE VIRTUAL TABLE sentence_words USING fts5(own, context, content = '',
                                               tokenize = 'porter unicode61');

CREATE INDEX claims_sentence ON claims(article_id, COALESCE(sentence_start, start));

CREATE TRIGGER sentence_words_ai AFTER INSERT ON claims WHEN new.search_text IS NOT NULL BEGIN
    INSERT INTO sentence_words (rowid, own, context)
        SELECT new.article_id * 4294967296 + COALESCE(new.sentence_start, new.start),
               CASE WHEN trim(substr(new.search_text, instr(new.search_text, ' | ') + 3)) = ''
                    THEN replace(new.search_text, ' | ', ' ')
                    ELSE substr(new.search_text, instr(new.search_text, ' | ') + 3) END,
               COALESCE(a.headline, '') || ' ' || COALESCE((
                   SELECT substr(p.search_text, instr(p.search_text, ' | ') + 3) || ' ' || COALESCE((
                       SELECT substr(q.search_text, instr(q.search_text, ' | ') + 3) FROM claims q
                       WHERE q.article_id = p.article_id AND q.start < COALESCE(p.sentence_start, p.start)
                         AND COALESCE(q.sentence_end, q."end") <= COALESCE(p.sentence_start, p.start)
                         AND q.search_text IS NOT NULL
                       ORDER BY q.start DESC LIMIT 1), '')
                   FROM claims p
                   WHERE p.article_id = new.article_id AND p.start < COALESCE(new.sentence_start, new.start)
                     AND COALESCE(p.sentence_end, p."end") <= COALESCE(new.sentence_start, new.start)
                     AND p.search_text IS NOT NULL
                   ORDER BY p.start DESC LIMIT 1), '')
        FROM articles a
        WHERE a.id = new.article_id AND NOT EXISTS (
            SELECT 1 FROM sentence_words_docsize WHERE id = new.article_id * 4294967296 + COALESCE(new.sentence_start, new.start));
END;

-- A claim moved to another sentence, or given its search text late (a migration's backfill): the same.
CREATE TRIGGER sentence_words_au AFTER UPDATE OF search_text, sentence_start ON claims
WHEN new.search_text IS NOT NULL BEGIN
    INSERT INTO sentence_words (rowid, own, context)
        SELECT new.article_id * 4294967296 + COALESCE(new.sentence_start, new.start),
               CASE WHEN trim(substr(new.search_text, instr(new.search_text, ' | ') + 3)) = ''
                    THEN replace(new.search_text, ' | ', ' ')
                    ELSE substr(new.search_text, instr(new.search_text, ' | ') + 3) END,
               COALESCE(a.headline, '') || ' ' || COALESCE((
                   SELECT substr(p.search_text, instr(p.search_text, ' | ') + 3) || ' ' || COALESCE((
                       SELECT substr(q.search_text, instr(q.search_text, ' | ') + 3) FROM claims q
                       WHERE q.article_id = p.article_id AND q.start < COALESCE(p.sentence_start, p.start)
                         AND COALESCE(q.sentence_end, q."end") <= COALESCE(p.sentence_start, p.start)
                         AND q.search_text IS NOT NULL
                       ORDER BY q.start DESC LIMIT 1), '')
                   FROM claims p
                   WHERE p.article_id = new.article_id AND p.start < COALESCE(new.sentence_start, new.start)
                     AND COALESCE(p.sentence_end, p."end") <= COALESCE(new.sentence_start, new.start)
                     AND p.search_text IS NOT NULL
                   ORDER BY p.start DESC LIMIT 1), '')
        FROM articles a
        WHERE a.id = new.article_id AND NOT EXISTS (
            SELECT 1 FROM sentence_words_docsize WHERE id = new.article_id * 4294967296 + COALESCE(new.sentence_start, new.start));
END;

-- The claims already stored: every search text is recomputed (the normaliser now reads scores,
-- "two-nil" = "2-0"), which fills this index through the trigger above (workbench.store.database).
DROP TRIGGER claims_au;
UPDATE claims SET search_text = NULL;
CREATE TRIGGER claims_au AFTER UPDATE OF search_text ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, search_text)
        SELECT 'delete', old.id, old.search_text WHERE old.search_text IS NOT NULL;
    INSERT INTO claims_fts (rowid, search_text) SELECT new.id, new.search_text WHERE new.search_text IS NOT NULL;
END;
