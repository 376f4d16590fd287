-- The library lists articles newest first a page at a time; this index is that order, so a page
-- (LIMIT/OFFSET) walks the index instead of sorting every article.
CREATE INDEX IF NOT EXISTS articles_newest ON articles(COALESCE(published, substr(imported_at, 1, 10)) DESC, id DESC);
