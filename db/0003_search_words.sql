-- Search text gains a space at each end (see textnorm.search_text), so that whole words, numbers
-- above all, can be matched as " 74 ". The update trigger is off while the text changes: the
-- index is rebuilt once from the content table afterwards (workbench.store.database), which is
-- much faster than row by row.

DROP TRIGGER claims_au;
UPDATE claims SET search_text = ' ' || search_text || ' ' WHERE search_text IS NOT NULL AND search_text NOT LIKE ' %';
CREATE TRIGGER claims_au AFTER UPDATE OF search_text ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, search_text)
        SELECT 'delete', old.id, old.search_text WHERE old.search_text IS NOT NULL;
    INSERT INTO claims_fts (rowid, search_text) SELECT new.id, new.search_text WHERE new.search_text IS NOT NULL;
END;
