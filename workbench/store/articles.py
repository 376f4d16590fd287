"""Storing an article with its claims and quotes in one transaction, and re-extraction
that keeps every claim a reviewer has touched or added."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from .audit import log_event
from .database import now, transaction

if TYPE_CHECKING:  # sqlite-utils loads on first use (store/database.py: WorkbenchDatabase)
    from sqlite_utils import Database

    # (annotations only: the TUI's launch opens the store without the model's six frozen dataclasses)
    from ..model import Article, Claim, Extraction, Quote

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


def store_article(db: Database, article: Article, extraction: Extraction, reviewer: str,
                  progress: Callable[[int, int], None] | None = None) -> ImportResult:
    """Insert the article and its findings atomically; an article already present adds nothing.
    Inside a transaction of the caller's, the rows are written there (an import that links them too)."""
    present = _present(db.conn, article.sha256)
    if present:
        return present
    return write_article(db, prepare_article(article, extraction), reviewer, progress)


@dataclass(frozen=True)
class PreparedArticle:
    """An article's rows, built before the write lock is taken (store_article, write_article)."""
    article: Article
    extraction: Extraction
    stamp: str
    rows: list[list]


def prepare_article(article: Article, extraction: Extraction) -> PreparedArticle:
    """The claims' rows of an article, ready to write: normalising each claim's sentence for search was 21 of
    the 27 s that a 1 MB article held the write lock, and every other reviewer's save waited."""
    stamp = now()
    rows = _finding_rows(article.body, extraction.claims, extraction.quotes, stamp)
    # in the order they stand in the text, quotes among claims: a sentence's row in the BM25 index takes
    # the sentences before it as context when its first claim is stored (db/0006)
    rows.sort(key=lambda row: row[2])
    return PreparedArticle(article, extraction, stamp, rows)


ROWS_PER_STEP = 2000  # claims inserted between two progress reports (one transaction all the same)


def write_article(db: Database, prepared: PreparedArticle, reviewer: str,
                  progress: Callable[[int, int], None] | None = None) -> ImportResult:
    """Write a prepared article and its claims in one transaction (joining the caller's, if open);
    `progress(done, total)` is told of the claims written."""
    article, extraction, stamp, rows = prepared.article, prepared.extraction, prepared.stamp, prepared.rows
    with transaction(db) as conn:
        present = _present(conn, article.sha256)  # again, inside the lock: another import may have won
        if present:
            return present
        m = article.meta
        cur = conn.execute(
            """INSERT INTO articles (headline, deck, byline, outlet, url, published, dateline, body, sha256,
                                     imported_at, imported_by, origin)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [m.headline, m.deck, m.byline, m.outlet, m.url, m.published, m.dateline, article.body,
             article.sha256, stamp, reviewer, article.origin],
        )
        article_id = cur.lastrowid
        for start in range(0, len(rows), ROWS_PER_STEP):
            if progress:
                progress(start, len(rows))
            conn.executemany(_INSERT_CLAIM, [[article_id, *row] for row in rows[start:start + ROWS_PER_STEP]])
        log_event(conn, reviewer, "import", "articles", article_id, None, None,
                  {"headline": m.headline, "sha256": article.sha256, "origin": article.origin,
                   "claims": len(extraction.claims), "quotes": len(extraction.quotes)})
        return ImportResult(article_id, True, m.headline, len(extraction.claims), len(extraction.quotes),
                            article.sha256)


def present_article(db: Database, sha256: str) -> ImportResult | None:
    """The stored article with this body, as an import of it reports it ("already present"), else None."""
    return _present(db.conn, sha256)


def _present(conn, sha256: str) -> ImportResult | None:
    row = conn.execute("SELECT id, headline FROM articles WHERE sha256 = ?", [sha256]).fetchone()
    if not row:
        return None
    counts = conn.execute(
        "SELECT SUM(kind != 'quote'), SUM(kind = 'quote') FROM claims WHERE article_id = ?", [row[0]]
    ).fetchone()
    return ImportResult(row[0], False, row[1], counts[0] or 0, counts[1] or 0, sha256)


def _finding_rows(body: str, claims: list[Claim], quotes: list[Quote], stamp: str) -> list[list]:
    """The claims' rows for _INSERT_CLAIM, less the article id in front, with their search text."""
    from ..textnorm import normalise, search_text  # (and the extractor's number words): on first import

    sentence_words: dict[tuple[int, int], str] = {}  # a sentence holds many claims: normalised once

    def indexed(text: str, s0: int, s1: int, speaker: str | None = None) -> str:
        words = sentence_words.get((s0, s1))
        if words is None:
            words = sentence_words[(s0, s1)] = normalise(body[s0:s1])
        return search_text(text, speaker=speaker, sentence_words=words)

    rows = []
    for c in claims:
        s0, s1 = _context(body, c.start, c.end, c.sentence_start, c.sentence_end)
        rows.append([c.kind, c.text, c.start, c.end, s0, s1,
                     body[s0:s1], _json(c.value), _json(list(c.hints) or None),
                     c.speaker, None, None, None, 0, c.checkworthiness, stamp,
                     indexed(c.text, s0, s1)])
    for q in quotes:
        s0 = q.sentence_start if q.sentence_start is not None else q.start
        s1 = q.sentence_end if q.sentence_end is not None else q.end
        s0, s1 = _context(body, q.start, q.end, s0, s1)
        rows.append(["quote", q.text, q.start, q.end, s0, s1, body[s0:s1], None, None,
                     q.speaker, q.speaker_start, q.speaker_end, q.cue, int(q.partial), q.checkworthiness, stamp,
                     indexed(q.text, s0, s1, q.speaker)])
    return rows


CONTEXT = 200  # a sentence over 3 × this is stored, per claim, as the block of this size that holds the claim


def _context(body: str, start: int, end: int, s0: int, s1: int) -> tuple[int, int]:
    """The claim's sentence; of a very long one, the blocks of CONTEXT characters that hold the claim.

    Every claim keeps a copy of its sentence for search: where quote marks never open, a 1 MB article
    is one "sentence", and 36,000 copies of it (and their index) would take hours. The blocks are fixed
    places in the sentence, so the claims of one block share one copy to normalise."""
    if s1 - s0 <= 3 * CONTEXT:
        return s0, s1
    return (_block_edge(body, s0, s1, (start - s0) // CONTEXT),
            max(end, _block_edge(body, s0, s1, (end - s0) // CONTEXT + 1)))


def _block_edge(body: str, s0: int, s1: int, block: int) -> int:
    """Where block number `block` of the sentence at [s0, s1) starts: at the space that ends the word there."""
    if block <= 0:
        return s0
    at = s0 + block * CONTEXT
    if at >= s1:
        return s1
    space = body.rfind(" ", at - 60, at)  # back to a word's start, so a block never starts mid-word
    return space + 1 if space != -1 else at


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
        rows = _finding_rows(body, claims, quotes, now())
        # in the order they stand in the text, quotes among claims: a sentence's row in the BM25 index takes
        # the sentences before it as context when its first claim is stored (db/0006)
        conn.executemany(_INSERT_CLAIM, [[article_id, *row] for row in sorted(rows, key=lambda row: row[2])])
        summary = {"kept": len(kept), "removed": removed, "added": len(claims) + len(quotes)}
        log_event(conn, reviewer, "reextract", "articles", article_id, None, None, summary)
        return summary
