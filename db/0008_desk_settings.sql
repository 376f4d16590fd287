-- Desk settings for publishing (organisation, its URL, the review URL pattern, whether reviewers are named),
-- and a per-claim summary: ClaimReview's claimReviewed, which Google wants short (<= 75 characters).
-- A NULL summary means "the default": the claim's own clause, trimmed, worked out when exported.
CREATE TABLE IF NOT EXISTS settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
ALTER TABLE claims ADD COLUMN summary TEXT;
