"""Other outlets' fact-checks in the database: the import (one transaction, idempotent by review URL),
their matches to our claims, reading them back, and attaching one to a claim as a source."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import NotFound
from .database import now, transaction

if TYPE_CHECKING:  # sqlite-utils loads on first use (store/database.py: WorkbenchDatabase)
    from sqlite_utils import Database

CHUNK = 5000  # rows handed to the storing thread at a time: the import streams, never holding a feed in memory
ROWS_PER_INSERT = 1000  # rows per INSERT statement (21,000 parameters: under SQLite's usual limit of 32,766)
INDEX_EVERY = 10_000  # rows added to both search indexes at a time at most (see store())
INDEX_HASH_BYTES = 4 * 2**20  # FTS5's pending-terms limit during an import (its own default is 1 MiB)
INDEXES = ("factchecks_fts", "factcheck_words")


@dataclass
class FactCheckImport:
    """What one `factchecks import` did."""
    read: int = 0  # fact-checks read from the files
    added: int = 0
    known: int = 0  # already stored (same review URL), or twice in what was read
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (where, reason), one per skipped entry
    added_ids: tuple[int, int] | None = None  # first and last id added


def _columns() -> list[str]:
    from ..factchecks.read import FactCheck

    return [*FactCheck._fields, "search_text", "origin", "imported_at", "imported_by"]


def _insert_sql(columns: list[str], rows: int) -> str:
    """One INSERT of `rows` rows (multi-row VALUES).

    Plain `?`s: numbered ones (`?12`, to bind a file's name, the stamp and the reviewer once for all the
    rows) are read as named by Python 3.13.0's sqlite3, which warns for each one bound from a sequence."""
    row = f"({', '.join('?' * len(columns))})"
    return f"INSERT OR IGNORE INTO factchecks ({', '.join(columns)}) VALUES {', '.join([row] * rows)}"


def import_factchecks(db: Database, results: Iterable[tuple[str, Any]], reviewer: str) -> FactCheckImport:
    """Store every FactCheck of `results` ((origin, FactCheck | Skipped) pairs) in one transaction: a crash
    or an interrupt leaves nothing of this import behind. A review URL already stored is left as it is."""
    import gc

    outcome = FactCheckImport()
    stamp = now()
    # The reader makes no reference cycles; the collector's passes over the many short-lived dicts of a feed
    # cost a quarter of an import's time, so it is paused for the import (and always resumed).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _import(db, results, reviewer, outcome, stamp)
    finally:
        if collecting:
            gc.enable()


def _import(db: Database, results: Iterable[tuple[str, Any]], reviewer: str, outcome: FactCheckImport,
            stamp: str) -> FactCheckImport:
    """Reading and normalising (Python) on this thread, storing (SQLite, which lets go of the GIL while it
    works) on another, chunk by chunk through a short queue: memory stays bounded, and the two overlap.

    The rows go in by multi-row INSERTs of up to ROWS_PER_INSERT rows, not executemany: executemany lets go
    of the GIL for each row's step and must win it back from the reading thread before the next row, which
    takes a switch interval (5 ms) while that thread runs Python, so storing ran only while reading waited
    on a full queue and the two hardly overlapped. One statement of a thousand rows waits for the GIL once."""
    import queue
    import sqlite3
    import threading
    from itertools import chain

    from ..factchecks.match import check_search_text
    from ..factchecks.read import FactCheck

    columns = _columns()
    _bind_none_directly()
    with transaction(db) as conn:
        per_insert = min(ROWS_PER_INSERT, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(columns))
        full_insert = _insert_sql(columns, per_insert)
        before = conn.execute("SELECT COALESCE(MAX(id), 0) FROM factchecks").fetchone()[0]
        hash_bytes = _index_hash_bytes(conn, INDEX_HASH_BYTES)
        chunks: queue.Queue = queue.Queue(maxsize=4)
        failed: list[BaseException] = []

        def fill_indexes(after: int) -> int:
            """Both search indexes get the rows stored after id `after`, in one INSERT … SELECT each (row by
            row, a trigger, took 7x as long); the last id they hold is returned."""
            conn.execute("INSERT INTO factchecks_fts (rowid, search_text) SELECT id, search_text "
                         "FROM factchecks WHERE id > ?", [after])
            conn.execute("INSERT INTO factcheck_words (rowid, own) SELECT id, search_text FROM factchecks "
                         "WHERE id > ?", [after])
            return conn.execute("SELECT COALESCE(MAX(id), 0) FROM factchecks").fetchone()[0]

        def store() -> None:
            try:
                indexed, waiting = before, 0
                while (chunk := chunks.get()) is not None:
                    for start in range(0, len(chunk), per_insert):
                        part = chunk[start:start + per_insert]
                        sql = full_insert if len(part) == per_insert else _insert_sql(columns, len(part))
                        conn.execute(sql, list(chain.from_iterable(part)))
                    waiting += len(chunk)
                    # every INDEX_EVERY rows when behind the reader (fewer, larger segments: less merging),
                    # every chunk when nothing else waits (the last fill, after reading ends, stays short)
                    if waiting >= INDEX_EVERY or chunks.empty():
                        indexed, waiting = fill_indexes(indexed), 0
                if waiting:
                    fill_indexes(indexed)
            except BaseException as exc:  # noqa: BLE001 -- handed to the reading thread, which raises it
                failed.append(exc)
                while chunks.get() is not None:  # let the reader finish putting
                    pass

        writer = threading.Thread(target=store, name="factcheck-import", daemon=True)
        writer.start()
        try:
            rows: list[tuple] = []
            for origin, result in results:
                if isinstance(result, FactCheck):
                    outcome.read += 1
                    rows.append((*result, check_search_text(result.claim_reviewed), origin, stamp, reviewer))
                    if len(rows) >= CHUNK:
                        chunks.put(rows)
                        rows = []
                        if failed:
                            break
                else:
                    outcome.skipped.append((result.where, result.reason))
            if rows and not failed:
                chunks.put(rows)
        finally:
            chunks.put(None)
            writer.join()
        if failed:
            raise failed[0]
        _index_hash_bytes(conn, hash_bytes)
        after = conn.execute("SELECT COALESCE(MAX(id), 0) FROM factchecks").fetchone()[0]
    outcome.added = after - before  # ids are given in order and nothing else writes in this transaction
    outcome.known = outcome.read - outcome.added
    if outcome.added:
        outcome.added_ids = (before + 1, after)
    return outcome


def _index_hash_bytes(conn: Any, size: int) -> int:
    """Set FTS5's pending-terms limit ('hashsize') of both search indexes to `size`; the old one is returned.

    FTS5 writes what an INSERT added as a new segment at the end of the statement, and whenever the pending
    terms pass this limit (1 MiB by default: two or three times in a statement of 10,000 rows); every
    segment is then merged with others as more are written. Fewer, larger segments per import mean less
    merging: filled every 10,000 rows, the 100,000-row speed feed left 4 segments in each index, not 10, with
    the same terms and rows. The limit is a setting kept in the index's _config table, so it is set back
    after the import (in the same transaction: a crash leaves it as it was)."""
    old = conn.execute("SELECT v FROM factchecks_fts_config WHERE k = 'hashsize'").fetchone()
    for table in INDEXES:
        conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('hashsize', ?)", [size])
    return int(old[0]) if old else 1024 * 1024


def _bind_none_directly() -> None:
    """Make sqlite3 bind None as NULL without its adaptation search, process-wide and for good.

    sqlite3 binds str, int and float as they are, but hands every other value, None too, to its adapters:
    no adapter is registered for None, so it then looks up `__adapt__` on the protocol type, which raises
    (and formats) an AttributeError before it is swallowed, then `__conform__` on None: about 1.4 µs a None
    more than a str. A feed row has four to seven Nones (485,000 in the 100,000-row speed feed: 0.5-0.7 s),
    all bound on the storing thread while it holds the GIL, so the reading thread waited for them too.
    With an adapter registered for None the search ends at once; `{}.get(None)` is None, so what is bound
    is exactly what it was: NULL. One that someone else registered is left as it is."""
    import sqlite3

    sqlite3.adapters.setdefault((type(None), sqlite3.PrepareProtocol), {}.get)


LISTED = """f.id, f.review_url, f.claim_reviewed, f.claimant, f.claimant_type, f.claim_date, f.appearance_url,
    f.appearance_title, f.outlet, f.outlet_url, f.rating, f.rating_name, f.rating_value, f.best_rating,
    f.worst_rating, f.review_date, f.language, f.headline, f.origin, f.imported_at"""


def count_factchecks(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM factchecks").fetchone()[0]


def list_factchecks(db: Database, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Fact-checks newest review first (undated last)."""
    sql = f"SELECT {LISTED} FROM factchecks f ORDER BY f.review_date IS NULL, f.review_date DESC, f.id DESC"
    args: list[Any] = []
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args = [int(limit), int(offset)]
    return list(db.query(sql, args))


def get_factchecks(db: Database, ids: list[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    rows = db.query(f"SELECT {LISTED}, f.search_text FROM factchecks f WHERE f.id IN ({','.join('?' * len(ids))})",
                    ids)
    return {r["id"]: r for r in rows}


def get_factcheck(db: Database, factcheck_id: int) -> dict[str, Any]:
    found = get_factchecks(db, [factcheck_id])
    if factcheck_id not in found:
        raise NotFound(f"no fact-check {factcheck_id}; `workbench factchecks` lists them")
    return found[factcheck_id]


def store_matches(db: Database, claim_ids: list[int], matches: list[tuple[int, int, float, str | None]]) -> None:
    """Replace the matches of these claims with `matches` ((claim, fact-check, score, differs) rows)."""
    stamp = now()
    with transaction(db) as conn:
        for start in range(0, len(claim_ids), 500):
            part = claim_ids[start:start + 500]
            conn.execute(f"DELETE FROM factcheck_matches WHERE claim_id IN ({','.join('?' * len(part))})", part)
        conn.executemany("INSERT OR REPLACE INTO factcheck_matches VALUES (?, ?, ?, ?, ?)",
                         [(*m, stamp) for m in matches])


def checked_elsewhere(db: Database, claim_id: int) -> list[dict[str, Any]]:
    """The fact-checks matched to one claim, newest review first; `differs` says why one that reads alike
    is not a match (another figure or year); `attached` whether it is already one of the claim's sources."""
    rows = db.query(
        f"""SELECT {LISTED}, m.score, m.differs,
                   EXISTS (SELECT 1 FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
                           WHERE cs.claim_id = m.claim_id AND s.url = f.review_url) AS attached
            FROM factcheck_matches m JOIN factchecks f ON f.id = m.factcheck_id
            WHERE m.claim_id = ?
            ORDER BY m.differs IS NOT NULL, f.review_date IS NULL, f.review_date DESC, m.score DESC""", [claim_id])
    return [dict(r, attached=bool(r["attached"])) for r in rows]


def matched_claims(db: Database, article_id: int) -> int:
    """How many claims of an article have an outside fact-check matched (not counting figure mismatches)."""
    return db.execute(
        "SELECT COUNT(DISTINCT m.claim_id) FROM factcheck_matches m JOIN claims c ON c.id = m.claim_id "
        "WHERE c.article_id = ? AND m.differs IS NULL", [article_id]).fetchone()[0]


def rating_text(check: dict[str, Any]) -> str:
    """“False” (1 of 1–5): the rating's words, and its number on the outlet's scale when given."""
    words = check.get("rating") or check.get("rating_name") or "no rating given"
    value = check.get("rating_value")
    if value is None:
        return words

    def num(x: float) -> str:
        return f"{x:g}"
    scale = ""
    if check.get("best_rating") is not None and check.get("worst_rating") is not None:
        scale = f" on {num(check['worst_rating'])}–{num(check['best_rating'])}"
    return f"{words} ({num(value)}{scale})"


def attach_factcheck(db: Database, claim_id: int, factcheck_id: int, stance: str, reviewer: str,
                     expected_version: int | None = None) -> dict[str, Any]:
    """Link an outside fact-check to a claim as a source: its review URL, outlet, date, and its rating kept in
    the link (excerpt for people, `checks.factcheck` for reports), with the stance the reviewer chose."""
    from .review import _current, add_source
    from ..errors import Conflict

    check = get_factcheck(db, factcheck_id)
    excerpt = f"{check['outlet'] or 'Another outlet'} rated it {rating_text(check)}: “{check['claim_reviewed']}”"
    kept = {k: check[k] for k in ("outlet", "rating", "rating_name", "rating_value", "best_rating", "worst_rating",
                                  "review_date", "claim_reviewed", "review_url", "claimant")}
    with transaction(db) as conn:
        if expected_version is not None:
            current = _current(conn, claim_id)
            if current["version"] != expected_version:
                raise Conflict(f"claim {claim_id} was changed by {current['reviewer'] or 'someone'} meanwhile; "
                               "look again, then attach", current=current, attempted={"factcheck": factcheck_id})
        return add_source(db, claim_id, check["review_url"], reviewer,
                          title=check["headline"] or f"Fact check: {check['claim_reviewed']}"[:300],
                          publisher=check["outlet"], published=_day(check["review_date"]), excerpt=excerpt,
                          stance=stance, checks={"factcheck": kept})


def _day(value: str | None) -> str | None:
    from ..errors import BadInput
    from .review import valid_date

    try:
        return valid_date(value)
    except BadInput:
        return None
