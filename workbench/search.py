"""Fuzzy search of every claim ever stored, and "seen before" matching at import.

Candidates come from the FTS5 trigram index over each claim's normalised text and its
sentence (workbench.search_index; never a scan of the claims table); rapidfuzz reranks
only those. The user's words are never FTS syntax: quotes, AND, OR, NEAR, -, *, ( ) and %
are searched as text.
"""
from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, process
from sqlite_utils import Database

from .search_index import candidate_sets, searched_words, word_groups
from .store import now, transaction
from .textnorm import SEPARATOR, normalise, search_text

RERANK = 150  # candidates given the full scoring, after a quick first pass in rapidfuzz's C loop
SEEN_BEFORE_THRESHOLD = 82.0
GOOD_MATCH = 85.0  # a candidate set with a match this good ends the search: wider ones only add noise


def _prefilter(db: Database, normalised: str, ids: list[int], where: list[str], args: list[Any]) -> list[int]:
    """The RERANK candidates that pass the filters and are closest to the query by one quick
    rapidfuzz pass over their text."""
    if len(ids) <= RERANK:
        return ids
    clause = " AND ".join([f"c.id IN ({','.join('?' * len(ids))})", *where])
    texts = dict(db.execute(f"SELECT c.id, c.search_text FROM claims c JOIN articles a ON a.id = c.article_id "
                            f"WHERE {clause}", [*ids, *args]))
    return [key for _, _, key in process.extract(normalised, texts, scorer=fuzz.token_set_ratio, limit=RERANK,
                                                 processor=_claim_part)]


def _claim_part(indexed: str) -> str:
    """The claim's own words (and a quote's speaker), without its sentence: sentences bring names
    and places of their own that would outweigh a near-miss on the claim's."""
    return indexed.partition(SEPARATOR)[0]


def _score(query: str, indexed: str) -> float:
    """How well the query reads as this claim: its own words first, its sentence as context."""
    claim, _, sentence = (indexed or "").strip().partition(SEPARATOR.strip())
    claim, sentence = claim.strip(), sentence.strip()
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
    exclude_article: int | None = None, reviewed_only: bool = False, typed: bool = True,
) -> list[dict[str, Any]]:
    """Claims that match `query` best first, each with a 0..100 score; [] when nothing matches.

    `typed=False` for text taken from an article (matching at import): no typo recovery."""
    normalised = normalise(query)
    if not searched_words(normalised):
        normalised = normalise(query, drop_stop_words=False)
    groups = word_groups(db, normalised)
    if not groups:
        return []
    where, args = [], []
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
    found: dict[int, dict] = {}
    for ids in candidate_sets(db, groups, leave_one_out=typed):
        found.update((r["id"], r) for r in _ranked(db, normalised, [i for i in ids if i not in found], where, args))
        if any(r["score"] >= GOOD_MATCH for r in found.values()):
            break
    return sorted(found.values(), key=lambda r: (-r["score"], r["id"]))[:limit]


def _ranked(db: Database, normalised: str, ids: list[int], where: list[str], args: list[Any]) -> list[dict]:
    """The candidates that pass the filters, as result rows, best rapidfuzz score first."""
    ids = _prefilter(db, normalised, ids, where, args)
    if not ids:
        return []
    clause = " AND ".join([f"c.id IN ({','.join('?' * len(ids))})", *where])
    rows = db.execute(f"{_RESULT} WHERE {clause}", [*ids, *args])
    columns = [d[0] for d in rows.description]
    results = []
    for row in rows.fetchall():
        item = dict(zip(columns, row))
        item["score"] = _score(normalised, item.pop("search_text"))
        results.append(item)
    results.sort(key=lambda r: (-r["score"], r["id"]))
    return results


def similar_claims(db: Database, claim_id: int, limit: int = 5) -> list[dict[str, Any]]:
    """Claims from other articles that read like this one; reviewed ones first."""
    from .store import get_claim

    claim = get_claim(db, claim_id)
    # the claim's own words only: its sentence would make every "on Monday" elsewhere look similar
    query = f"{claim['speaker'] or ''} {claim['text']}" if claim["kind"] == "quote" else claim["text"]
    found = search_claims(db, query, limit=limit * 4, exclude_article=claim["article_id"], typed=False)
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
        best = search_claims(db, query, limit=1, exclude_article=article_id, reviewed_only=True, typed=False)
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
