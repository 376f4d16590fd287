"""Reading rows back: claims and articles as plain dicts with their JSON fields parsed."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..errors import NotFound

if TYPE_CHECKING:  # sqlite-utils loads on first use (store/database.py: WorkbenchDatabase)
    from sqlite_utils import Database

CLAIM_COLUMNS = (
    "id, article_id, kind, text, start, \"end\", sentence_start, sentence_end, sentence, value, hints, "
    "speaker, speaker_start, speaker_end, cue, partial, checkworthiness, origin, status, verdict, note, "
    "reviewer, updated_at, version, search_text, summary"
)


# SQLite's integers are 64-bit: a larger id (30 digits typed) was an OverflowError, not "no such claim"
SQLITE_INT_RANGE = range(-(2**63), 2**63)


def known_claim_id(claim_id: int) -> int:
    """`claim_id` if SQLite can hold it; else NotFound, as for any id that is not in the database."""
    if claim_id not in SQLITE_INT_RANGE:
        raise NotFound(f"no claim with id {claim_id}; list them with `workbench claims ARTICLE`")
    return claim_id


def claim_from_row(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["value"] = json.loads(out["value"]) if out.get("value") else None
    out["hints"] = json.loads(out["hints"]) if out.get("hints") else []
    out["partial"] = bool(out.get("partial"))
    return out


def get_claim(db: Database, claim_id: int) -> dict[str, Any]:
    rows = list(db.query(f"SELECT {CLAIM_COLUMNS} FROM claims WHERE id = ?", [known_claim_id(claim_id)]))
    if not rows:
        raise NotFound(f"no claim with id {claim_id}; list them with `workbench claims ARTICLE`")
    return claim_from_row(rows[0])


def get_article(db: Database, ref: str | int) -> dict[str, Any]:
    """An article by id or by a prefix (4+ hex digits) of its body's sha256."""
    text = str(ref).strip()
    rows: list[dict[str, Any]] = []
    if text.isascii() and text.isdigit() and int(text) in SQLITE_INT_RANGE:
        rows = list(db.query("SELECT * FROM articles WHERE id = ?", [int(text)]))
    if not rows and len(text) >= 4 and all(c in "0123456789abcdef" for c in text.lower()):
        rows = list(db.query("SELECT * FROM articles WHERE sha256 LIKE ? LIMIT 2", [text.lower() + "%"]))
        if len(rows) > 1:
            raise NotFound(f"sha256 prefix {text!r} matches several articles; give more digits or the id")
    if not rows:
        raise NotFound(f"no article {_cut(text)!r}; list them with `workbench articles`")
    return rows[0]


# how a claim list can be ordered: where the claim stands in the article, most check-worthy first, grouped
# by kind, or by verdict (not yet reviewed first, then the newsroom's scale in its order, rejected last);
# ties always fall back to article order
_IN_TEXT = "start, \"end\" DESC, id"
CLAIM_ORDERS = {"position": _IN_TEXT,
                "worthiness": f"checkworthiness DESC, {_IN_TEXT}",
                "kind": f"kind, {_IN_TEXT}",
                "verdict": f"status = 'rejected', verdict IS NOT NULL, "
                           f"(SELECT position FROM verdicts v WHERE v.key = claims.verdict), {_IN_TEXT}"}


def list_claims(
    db: Database, article_id: int, kind: str | None = None, status: str | None = None, order: str = "position"
) -> list[dict[str, Any]]:
    """Claims and quotes of one article in one of CLAIM_ORDERS: article order, check-worthiness, kind or
    verdict."""
    where, args = ["article_id = ?"], [article_id]
    if kind:
        where.append("kind = ?")
        args.append(kind)
    if status:
        where.append("status = ?")
        args.append(status)
    sql = f"SELECT {CLAIM_COLUMNS} FROM claims WHERE {' AND '.join(where)} ORDER BY {CLAIM_ORDERS[order]}"
    return [claim_from_row(r) for r in db.query(sql, args)]


NEWEST_FIRST = "COALESCE(published, substr(imported_at, 1, 10)) DESC, id DESC"  # index articles_newest (0004)


ARTICLE_LISTED = "id, headline, deck, byline, outlet, url, published, dateline, sha256, imported_at, imported_by, origin"


def _article_filter(text_filter: str | None) -> tuple[str, list[str]]:
    if not text_filter:
        return "", []
    return "WHERE headline LIKE ? OR outlet LIKE ? OR byline LIKE ?", [f"%{text_filter}%"] * 3


def count_articles(db: Database, text_filter: str | None = None) -> int:
    where, args = _article_filter(text_filter)
    return db.execute(f"SELECT COUNT(*) FROM articles {where}", args).fetchone()[0]


# the library's orders besides newest first (the default, paged from an index): each counts every article's
# claims before choosing the page (~0.1 s at 10,000 articles, in the library's worker); ties newest first
_NEWEST_A = "COALESCE(a.published, substr(a.imported_at, 1, 10)) DESC, a.id DESC"
_TO_REVIEW = "COALESCE(c.claims + c.quotes - c.rejected, 0)"
ARTICLE_ORDERS = {
    "newest": NEWEST_FIRST,
    # the smallest share reviewed first; articles with nothing to review last
    "least_reviewed": f"{_TO_REVIEW} = 0, 1.0 * COALESCE(c.reviewed, 0) / MAX({_TO_REVIEW}, 1), {_NEWEST_A}",
    "most_claims": f"COALESCE(c.claims + c.quotes, 0) DESC, {_NEWEST_A}",
    "last_reviewer": f"l.reviewer IS NULL, l.reviewer COLLATE NOCASE, {_NEWEST_A}",
}


def list_articles(
    db: Database, text_filter: str | None = None, limit: int | None = None, offset: int = 0,
    order: str = "newest",
) -> list[dict[str, Any]]:
    """Articles with claim counts and review progress, newest first or in one of ARTICLE_ORDERS.

    Newest first, the page of articles is chosen first (walking the articles_newest index), then only its
    claims are counted, so a page costs the same at 10 or 10,000 articles.
    """
    if order != "newest":
        return _list_articles_by(db, text_filter, ARTICLE_ORDERS[order], limit, offset)
    where, args = _article_filter(text_filter)
    page = (f"SELECT {ARTICLE_LISTED} FROM articles {where} ORDER BY {NEWEST_FIRST}")
    if limit is not None:
        page += " LIMIT ? OFFSET ?"
        args = [*args, int(limit), int(offset)]
    sql = f"""
        SELECT a.id, a.headline, a.deck, a.byline, a.outlet, a.url, a.published, a.dateline, a.sha256,
               a.imported_at, a.imported_by, a.origin,
               COALESCE(c.claims, 0) AS claims, COALESCE(c.quotes, 0) AS quotes,
               COALESCE(c.reviewed, 0) AS reviewed, COALESCE(c.rejected, 0) AS rejected,
               (SELECT reviewer FROM claims r WHERE r.article_id = a.id AND r.reviewer IS NOT NULL
                ORDER BY r.updated_at DESC LIMIT 1) AS last_reviewer,
               (SELECT COUNT(DISTINCT m.claim_id) FROM claims k JOIN factcheck_matches m ON m.claim_id = k.id
                WHERE k.article_id = a.id AND m.differs IS NULL) AS checked_elsewhere
        FROM ({page}) a
        LEFT JOIN (
            SELECT article_id,
                   SUM(kind != 'quote') AS claims, SUM(kind = 'quote') AS quotes,
                   SUM(status = 'reviewed') AS reviewed, SUM(status = 'rejected') AS rejected
            FROM claims WHERE article_id IN (SELECT id FROM ({page})) GROUP BY article_id
        ) c ON c.article_id = a.id
        ORDER BY COALESCE(a.published, substr(a.imported_at, 1, 10)) DESC, a.id DESC
    """
    return list(db.query(sql, [*args, *args]))


def _list_articles_by(db: Database, text_filter: str | None, order_by: str, limit: int | None,
                      offset: int) -> list[dict[str, Any]]:
    """A page of articles in an order that needs every article's counts (least reviewed, most claims...)."""
    where, args = _article_filter(text_filter)
    page = "" if limit is None else " LIMIT ? OFFSET ?"
    args = [*args, *([int(limit), int(offset)] if limit is not None else [])]
    sql = f"""
        SELECT p.*, (SELECT COUNT(DISTINCT m.claim_id) FROM claims k
                     JOIN factcheck_matches m ON m.claim_id = k.id
                     WHERE k.article_id = p.id AND m.differs IS NULL) AS checked_elsewhere
        FROM (
            SELECT a.id, a.headline, a.deck, a.byline, a.outlet, a.url, a.published, a.dateline, a.sha256,
                   a.imported_at, a.imported_by, a.origin,
                   COALESCE(c.claims, 0) AS claims, COALESCE(c.quotes, 0) AS quotes,
                   COALESCE(c.reviewed, 0) AS reviewed, COALESCE(c.rejected, 0) AS rejected,
                   l.reviewer AS last_reviewer, ROW_NUMBER() OVER (ORDER BY {order_by}) AS place
            FROM articles a
            LEFT JOIN (SELECT article_id, SUM(kind != 'quote') AS claims, SUM(kind = 'quote') AS quotes,
                              SUM(status = 'reviewed') AS reviewed, SUM(status = 'rejected') AS rejected
                       FROM claims GROUP BY article_id) c ON c.article_id = a.id
            -- SQLite takes the bare column from the row that holds the MAX
            LEFT JOIN (SELECT article_id, reviewer, MAX(updated_at) FROM claims WHERE reviewer IS NOT NULL
                       GROUP BY article_id) l ON l.article_id = a.id
            {where}
            ORDER BY {order_by}{page}
        ) p
        ORDER BY p.place
    """
    return list(db.query(sql, args))


def list_verdicts(db: Database) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM verdicts ORDER BY position"))


def list_sources(db: Database, claim_id: int) -> list[dict[str, Any]]:
    """The sources linked to a claim with the link's stance and excerpt."""
    rows = db.query(
        """SELECT cs.id AS link_id, cs.stance, cs.excerpt, cs.checks, cs.added_by, cs.added_at,
                  s.id AS source_id, s.url, s.title, s.publisher, s.published, s.archived_url
           FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
           WHERE cs.claim_id = ? ORDER BY cs.id""",
        [claim_id],
    )
    out = []
    for r in rows:
        r = dict(r)
        r["checks"] = json.loads(r["checks"]) if r["checks"] else None
        out.append(r)
    return out


def _cut(text: str, width: int = 60) -> str:
    """A reference as typed, short enough for one line of an error (a 1 MB argument was printed whole)."""
    return text if len(text) <= width else text[:width - 1] + "…"
