"""Storing an article with its claims and quotes in one transaction, and re-extraction
that keeps every claim a reviewer has touched or added."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ..model import Article, Claim, Extraction, Quote
from ..textnorm import search_text
from .audit import log_event
from .database import now, transaction

_INSERT_CLAIM = """
    INSERT INTO claims (article_id, kind, text, start, "end", sentence_start, sentence_end, sentence,
                        value, hints, speaker, speaker_start, speaker_end, cue, partial, checkworthiness,
                        origin, status, version, updated_at, search_text)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'auto', 'open', 1, ?, ?)
"""


@dataclass(frozen=True)
class ImportResult:
    article_id: int
    added: bool
    headline: str | None
    claims: int
    quotes: int
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


def store_article(db: Database, article: Article, extraction: Extraction, reviewer: str) -> ImportResult:
    """Insert the article and its findings atomically; an article already present adds nothing."""
    with transaction(db) as conn:
        row = conn.execute("SELECT id, headline FROM articles WHERE sha256 = ?", [article.sha256]).fetchone()
        if row:
            counts = conn.execute(
                "SELECT SUM(kind != 'quote'), SUM(kind = 'quote') FROM claims WHERE article_id = ?", [row[0]]
            ).fetchone()
            return ImportResult(row[0], False, row[1], counts[0] or 0, counts[1] or 0, article.sha256)
        m = article.meta
        stamp = now()
        cur = conn.execute(
            """INSERT INTO articles (headline, deck, byline, outlet, url, published, dateline, body, sha256,
                                     imported_at, imported_by, origin)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [m.headline, m.deck, m.byline, m.outlet, m.url, m.published, m.dateline, article.body,
             article.sha256, stamp, reviewer, article.origin],
        )
        article_id = cur.lastrowid
        _insert_findings(conn, article_id, article.body, extraction.claims, extraction.quotes, stamp)
        log_event(conn, reviewer, "import", "articles", article_id, None, None,
                  {"headline": m.headline, "sha256": article.sha256, "origin": article.origin,
                   "claims": len(extraction.claims), "quotes": len(extraction.quotes)})
        return ImportResult(article_id, True, m.headline, len(extraction.claims), len(extraction.quotes),
                            article.sha256)


def _insert_findings(conn, article_id: int, body: str, claims: list[Claim], quotes: list[Quote], stamp: str) -> None:
    rows = []
    for c in claims:
        rows.append([article_id, c.kind, c.text, c.start, c.end, c.sentence_start, c.sentence_end,
                     body[c.sentence_start:c.sentence_end], _json(c.value), _json(list(c.hints) or None),
                     c.speaker, None, None, None, 0, c.checkworthiness, stamp,
                     search_text(c.text, body[c.sentence_start:c.sentence_end])])
    for q in quotes:
        s0 = q.sentence_start if q.sentence_start is not None else q.start
        s1 = q.sentence_end if q.sentence_end is not None else q.end
        rows.append([article_id, "quote", q.text, q.start, q.end, s0, s1, body[s0:s1], None, None,
                     q.speaker, q.speaker_start, q.speaker_end, q.cue, int(q.partial), q.checkworthiness, stamp,
                     search_text(q.text, body[s0:s1], q.speaker)])
    conn.executemany(_INSERT_CLAIM, rows)


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


_TOUCHED = """(origin = 'manual' OR version > 1 OR verdict IS NOT NULL OR note IS NOT NULL
               OR status != 'open' OR EXISTS (SELECT 1 FROM claim_sources cs WHERE cs.claim_id = claims.id))"""


def reextract_article(db: Database, article_id: int, extraction: Extraction, reviewer: str) -> dict[str, int]:
    """Replace untouched automatic claims with a fresh extraction; reviewed or manual ones stay as they are.

    A new finding with the same kind and span as a kept claim is not added twice.
    """
    with transaction(db) as conn:
        body = conn.execute("SELECT body FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        kept = {(k, s, e) for k, s, e in conn.execute(
            f'SELECT kind, start, "end" FROM claims WHERE article_id = ? AND {_TOUCHED}', [article_id])}
        removed = conn.execute(
            f"DELETE FROM claims WHERE article_id = ? AND NOT {_TOUCHED}", [article_id]).rowcount
        claims = [c for c in extraction.claims if (c.kind, c.start, c.end) not in kept]
        quotes = [q for q in extraction.quotes if ("quote", q.start, q.end) not in kept]
        _insert_findings(conn, article_id, body, claims, quotes, now())
        summary = {"kept": len(kept), "removed": removed, "added": len(claims) + len(quotes)}
        log_event(conn, reviewer, "reextract", "articles", article_id, None, None, summary)
        return summary
