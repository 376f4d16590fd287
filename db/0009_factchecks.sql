-- Other outlets' fact-checks (schema.org ClaimReview, issue 19): one row per review URL, the claim it
-- reviewed, who reviewed it and how it was rated; searched with the same two indexes as claims (a trigram
-- index over the normalised words for the fuzzy layer, porter-stemmed words for BM25), and matched to
-- our claims in factcheck_matches.

CREATE TABLE factchecks (
    id               INTEGER PRIMARY KEY,
    review_url       TEXT NOT NULL UNIQUE,   -- what makes a re-import add nothing
    claim_reviewed   TEXT NOT NULL,
    claimant         TEXT,                   -- itemReviewed.author.name, the FCT API's claimant
    claimant_type    TEXT,                   -- Person or Organization, when the markup says
    claim_date       TEXT,                   -- itemReviewed.datePublished, the FCT API's claimDate
    appearance_url   TEXT,                   -- itemReviewed.appearance: where the claim was made
    appearance_title TEXT,
    outlet           TEXT,                   -- the review's author (an organisation), else its publisher
    outlet_url       TEXT,
    rating           TEXT,                   -- the rating's words: alternateName, else name
    rating_name      TEXT,                   -- reviewRating.name as given (often the same words)
    rating_value     REAL,
    best_rating      REAL,
    worst_rating     REAL,
    review_date      TEXT,                   -- the review's datePublished (YYYY-MM-DD when it reads as one)
    language         TEXT,
    headline         TEXT,                   -- the review page's own title (the FCT API's `title`)
    search_text      TEXT NOT NULL,          -- normalise(claim_reviewed), padded with spaces as claims' is
    origin           TEXT,                   -- the file it came from
    imported_at      TEXT NOT NULL,
    imported_by      TEXT NOT NULL
);
CREATE INDEX factchecks_newest ON factchecks(review_date DESC, id DESC);

CREATE VIRTUAL TABLE factchecks_fts USING fts5(search_text, content = "factchecks", content_rowid = "id",
                                               tokenize = "trigram");
-- Contentless, as sentence_words is: BM25 needs only the index, and rows are only ever added.
CREATE VIRTUAL TABLE factcheck_words USING fts5(own, content = '', tokenize = "porter unicode61");
-- No trigger keeps them: the one writer (workbench.store.factchecks.import_factchecks) adds each import's rows
-- to both in one INSERT … SELECT, 7x faster than row by row; rows are never updated or deleted.

-- A claim matched to a fact-check by the search engine, with its score. `differs` is NULL for a match;
-- otherwise the words read alike but a figure or year differs ("this says 4%, the check is of 7%"):
-- no match, but worth telling the reviewer.
CREATE TABLE factcheck_matches (
    claim_id     INTEGER NOT NULL REFERENCES claims(id),
    factcheck_id INTEGER NOT NULL REFERENCES factchecks(id),
    score        REAL NOT NULL,
    differs      TEXT,
    matched_at   TEXT NOT NULL,
    PRIMARY KEY (claim_id, factcheck_id)
);
CREATE INDEX factcheck_matches_factcheck ON factcheck_matches(factcheck_id);
