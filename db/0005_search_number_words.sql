-- The normaliser now reads number words ("five thousand" as 5000) and decimal commas ("17,1" as 17.1),
-- so every stored search text is recomputed (workbench.store.database: SQL cannot call the
-- normaliser). The update trigger is off meanwhile; the index is rebuilt once afterwards.

DROP TRIGGER claims_au;
UPDATE claims SET search_text = NULL;
CREATE TRIGGER claims_au AFTER UPDATE OF search_text ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, search_text)
        SELECT 'delete', old.id, old.search_text WHERE old.search_text IS NOT NULL;
    INSERT INTO claims_fts (rowid, search_text) SELECT new.id, new.search_text WHERE new.search_text IS NOT NULL;
END;
