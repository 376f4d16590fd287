"""Fuzzy search of every claim ever stored, and "seen before" matching at import.

Candidates come from the FTS5 trigram index over each claim's normalised text (never a
scan of the claims table); rapidfuzz reranks only those. The user's words are never
FTS syntax: each becomes a quoted string, so quotes, AND, OR, NEAR, -, *, ( ) and %
are searched as text.
"""
from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz
from sqlite_utils import Database

from .store import now, transaction
from .textnorm import SEPARATOR, normalise, search_text

CANDIDATES = 300
SEEN_BEFORE_THRESHOLD = 82.0


def _fts_query(normalised: str) -> str | None:
    """An OR of quoted terms: each word, and for long words both halves, so one typo still matches."""
    terms: list[str] = []
    for word in normalised.split():
        if len(word) < 3:
            continue
        terms.append(word)
        if len(word) >= 7:
            terms.extend((word[:4], word[-4:]))
    if not terms:
        return None
    unique = list(dict.fromkeys(terms))[:40]
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in unique)


def _fts_strict(normalised: str) -> str | None:
    """An AND of the quoted words of three letters or more, or None."""
    words = list(dict.fromkeys(w for w in normalised.split() if len(w) >= 3))[:12]
    return " AND ".join('"' + w.replace('"', '""') + '"' for w in words) if len(words) >= 2 else None


def _score(query: str, indexed: str) -> float:
    """How well the query reads as this claim: its own words first, its sentence as context."""
    claim, _, sentence = (indexed or "").partition(SEPARATOR)
    on_claim = fuzz.token_set_ratio(query, claim) if claim else 0.0
    on_claim = max(on_claim, fuzz.ratio(query, claim)) if claim else 0.0
    on_sentence = fuzz.token_set_ratio(query, sentence) if sentence else 0.0
    return round(max(on_claim, 0.55 * on_claim + 0.45 * on_sentence), 1)


_RESULT = """
    SELECT c.id, c.text, c.kind, c.article_id, c.verdict, c.speaker, c.status, c.reviewer, c.search_text,
           a.headline, a.published, a.outlet
    FROM claims c JOIN articles a ON a.id = c.article_id
"""


def search_claims(
    db: Database, query: str, *, limit: int = 20, verdict: str | None = None, kind: str | None = None,
    outlet: str | None = None, since: str | None = None, until: str | None = None, reviewer: str | None = None,
    exclude_article: int | None = None, reviewed_only: bool = False,
) -> list[dict[str, Any]]:
    """Claims that match `query` best first, each with a 0..100 score; [] when nothing matches."""
    normalised = normalise(query)
    match = _fts_query(normalised)
    if match is None:
        normalised = normalise(query, drop_stop_words=False)
        match = _fts_query(normalised)
        if match is None:
            return []
    # Precise first: every word must appear (cheap, few rows to rank); the broad OR with word halves
    # (typos) runs only when that finds too little.
    strict = _fts_strict(normalised) if exclude_article is None and not reviewed_only else None
    if strict and db.execute("SELECT COUNT(*) FROM (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? LIMIT ?)",
                             [strict, limit]).fetchone()[0] >= limit:
        match = strict
    where, args = ["c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?)"], [
        match, CANDIDATES]
    for column, value in (("c.verdict", verdict), ("c.kind", kind), ("c.reviewer", reviewer)):
        if value:
            where.append(f"{column} = ?")
            args.append(value)
    if outlet:
        where.append("a.outlet LIKE ?")
        args.append(f"%{outlet}%")
    if since:
        where.append("a.published >= ?")
        args.append(since)
    if until:
        where.append("a.published <= ?")
        args.append(until)
    if exclude_article is not None:
        where.append("c.article_id != ?")
        args.append(exclude_article)
    if reviewed_only:
        where.append("c.verdict IS NOT NULL")
    rows = db.execute(f"{_RESULT} WHERE {' AND '.join(where)}", args)
    columns = [d[0] for d in rows.description]
    results = []
    for row in rows.fetchall():
        item = dict(zip(columns, row))
        item["score"] = _score(normalised, item.pop("search_text"))
        results.append(item)
    results.sort(key=lambda r: (-r["score"], r["id"]))
    return results[:limit]


def similar_claims(db: Database, claim_id: int, limit: int = 5) -> list[dict[str, Any]]:
    """Claims from other articles that read like this one; reviewed ones first."""
    from .store import get_claim

    claim = get_claim(db, claim_id)
    # the claim's own words only: its sentence would make every "on Monday" elsewhere look similar
    query = f"{claim['speaker'] or ''} {claim['text']}" if claim["kind"] == "quote" else claim["text"]
    found = search_claims(db, query, limit=limit * 4, exclude_article=claim["article_id"])
    found = [r for r in found if r["score"] >= 70]
    found.sort(key=lambda r: (r["verdict"] is None, -r["score"]))
    return found[:limit]


def link_seen_before(db: Database, article_id: int) -> int:
    """At import: link each new claim to its best match among already-reviewed claims; returns links made."""
    if not db.execute("SELECT 1 FROM claims WHERE verdict IS NOT NULL AND article_id != ? LIMIT 1",
                      [article_id]).fetchone():
        return 0
    links = []
    for claim_id, text, sentence, speaker, kind in db.execute(
        "SELECT id, text, sentence, speaker, kind FROM claims WHERE article_id = ?", [article_id]
    ).fetchall():
        query = f"{speaker or ''} {text}" if kind == "quote" else f"{text} {sentence or ''}"
        best = search_claims(db, query, limit=1, exclude_article=article_id, reviewed_only=True)
        if best and best[0]["score"] >= SEEN_BEFORE_THRESHOLD:
            links.append((claim_id, best[0]["id"], best[0]["score"], now()))
    if links:
        with transaction(db) as conn:
            conn.executemany("INSERT OR IGNORE INTO claim_matches VALUES (?, ?, ?, ?)", links)
    return len(links)


def seen_before(db: Database, claim_id: int) -> list[dict[str, Any]]:
    """The stored "seen before" links of a claim: the past claim, its verdict and its sources."""
    from .store import list_sources

    rows = db.execute(
        f"""SELECT m.score, m.matched_at, c.id, c.text, c.kind, c.article_id, c.verdict, c.speaker, c.status,
                   c.reviewer, c.note, a.headline, a.published, a.outlet
            FROM claim_matches m JOIN claims c ON c.id = m.past_claim_id JOIN articles a ON a.id = c.article_id
            WHERE m.claim_id = ? ORDER BY m.score DESC""",
        [claim_id],
    )
    columns = [d[0] for d in rows.description]
    out = []
    for row in rows.fetchall():
        item = dict(zip(columns, row))
        item["sources"] = list_sources(db, item["id"])
        out.append(item)
    return out


__all__ = ["search_claims", "similar_claims", "link_seen_before", "seen_before", "search_text"]
