"""Everything a report shows about one article, read one article at a time so that
exports of any size stream instead of holding the whole library in memory."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..speaker_names import named_speaker  # noqa: F401  (reports import it from here)
from ..store import claim_history, get_article, list_claims, list_sources, list_verdicts, valid_date

if TYPE_CHECKING:  # sqlite-utils loads on first use (store/database.py: WorkbenchDatabase)
    from sqlite_utils import Database


def article_ids(db: Database, refs: list[str] | None, *, since: str | None = None,
                reviewer: str | None = None) -> list[int]:
    """Ids to export in a stable order: the given articles, or all (newest first), filtered."""
    if refs:
        ids = [get_article(db, r)["id"] for r in refs]
    else:
        ids = [r[0] for r in db.execute(
            "SELECT id FROM articles ORDER BY COALESCE(published, '') DESC, id DESC").fetchall()]
    since = valid_date(since)  # "last week" is refused rather than compared as text
    if since:
        ids = [i for i in ids if (db.execute("SELECT published FROM articles WHERE id = ?", [i]).fetchone()[0] or "")
               >= since]
    if reviewer:
        ids = [i for i in ids if db.execute("SELECT 1 FROM claims WHERE article_id = ? AND reviewer = ? LIMIT 1",
                                            [i, reviewer]).fetchone()]
    return ids


def scale(db: Database) -> dict[str, dict[str, Any]]:
    return {v["key"]: v for v in list_verdicts(db)}


def article_report(db: Database, article_id: int, with_history: bool = False) -> dict[str, Any]:
    """One article with its claims in article order, each with sources (and history if asked)."""
    article = dict(get_article(db, article_id))
    claims = []
    for c in list_claims(db, article_id):
        c.pop("search_text", None)
        c["sources"] = list_sources(db, c["id"])
        if with_history:
            c["history"] = [e for e in claim_history(db, c["id"]) if e["claim_id"] == c["id"]]
        claims.append(c)
    article["claims"] = claims
    # a claim rejected as not check-worthy after a verdict keeps the verdict in the store (undo brings it
    # back), but it was not checked: counted as reviewed, its rating stood in the report's tally
    reviewed = [c for c in claims if c["verdict"] and c["status"] != "rejected"]
    article["summary"] = {
        "total": len(claims),
        "reviewed": len(reviewed),
        "rejected": sum(c["status"] == "rejected" for c in claims),
        "by_verdict": {k: sum(c["verdict"] == k for c in reviewed) for k in sorted({c["verdict"] for c in reviewed})},
        "reviewers": sorted({c["reviewer"] for c in claims if c["reviewer"] and (c["verdict"] or c["note"])}),
    }
    return article


def iter_reports(db: Database, ids: list[int], with_history: bool = False) -> Iterator[dict[str, Any]]:
    for article_id in ids:
        yield article_report(db, article_id, with_history)


# Characters a URL may hold as they are: RFC 3986's unreserved and reserved ones, and % for what is
# already escaped. Everything else (< > " ' ( ) spaces, non-ASCII) is percent-encoded, which the
# server reads the same, so the link survives in HTML attributes and in Markdown's (…) alike.
_URL_KEEP = "-._~:/?#[]@!$&*+,;=%"


def safe_url(url: str | None) -> str | None:
    """A link target for an http(s) address, percent-encoded where HTML or Markdown would break on it;
    None for javascript:, data: and anything else, which reports show as text instead."""
    url = (url or "").strip()
    if not url.lower().startswith(("http://", "https://")):
        return None
    return quote(url, safe=_URL_KEEP)
