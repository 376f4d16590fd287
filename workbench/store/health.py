"""`db check` and `db backup`: SQLite's own checks plus the project's invariants,
and a consistent copy made while other reviewers keep writing."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from ..errors import WorkbenchError
from .database import transaction


def check_db(db: Database) -> list[str]:
    """Problems found, as sentences; an empty list means the database is sound."""
    problems: list[str] = []
    conn = db.conn
    for (line,) in conn.execute("PRAGMA integrity_check"):
        if line != "ok":
            problems.append(f"integrity: {line}")
    for row in conn.execute("PRAGMA foreign_key_check"):
        problems.append(f"foreign key: {row[0]} row {row[1]} points at a missing {row[2]}")
    problems.extend(_offsets_hold(conn))
    for cid, version, events in conn.execute(
        """SELECT c.id, c.version, (SELECT COUNT(*) FROM events e WHERE e.claim_id = c.id) AS n
           FROM claims c WHERE c.version > 1 AND c.version - 1 > (SELECT COUNT(*) FROM events e
                 WHERE e.claim_id = c.id AND e.action != 'add')"""
    ):
        problems.append(f"audit: claim {cid} is at version {version} but has only {events} events")
    for (aid,) in conn.execute(
        "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.table_name = 'articles' "
        "AND e.row_id = a.id AND e.action = 'import')"
    ):
        problems.append(f"audit: article {aid} has no import event")
    problems.extend(_search_index_in_step(conn))
    for check in EXTRA_CHECKS:
        problems.extend(check(db))
    return problems


def _offsets_hold(conn) -> list[str]:
    """body[start:end] == text for every claim, checked in Python with each body read once:
    SQL's substr walks the body from its start for every claim, quadratic on a long article."""
    problems = []
    for article_id, body in conn.execute("SELECT id, body FROM articles"):
        for cid, start, end, text in conn.execute(
                'SELECT id, start, "end", text FROM claims WHERE article_id = ?', [article_id]):
            if end > len(body) or body[start:end] != text:
                problems.append(f"offsets: claim {cid} text {text[:40]!r} is not the article text at its span")
    return problems


def _search_index_in_step(conn) -> list[str]:
    """The FTS index agrees with the claims table, and every claim has its search text."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'claims_fts'").fetchone():
        return []
    try:
        conn.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        return [f"search index: {exc}; rebuild it with INSERT INTO claims_fts(claims_fts) VALUES('rebuild')"]
    missing = conn.execute("SELECT COUNT(*) FROM claims WHERE search_text IS NULL").fetchone()[0]
    return [f"search index: {missing} claims have no search text"] if missing else []


# Other modules (search's FTS) register their own invariants here.
EXTRA_CHECKS: list = []


def backup_db(db: Database, target: str | Path, force: bool = False) -> Path:
    """Copy the live database with SQLite's online backup; the copy is private (0600)."""
    target = Path(target)
    if target.exists() and not force:
        raise WorkbenchError(f"{target} already exists; choose another path or pass --force")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".partial")
    if tmp.exists():
        tmp.unlink()
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    dest = sqlite3.connect(str(tmp))
    try:
        with db.workbench_lock:
            db.conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    os.replace(tmp, target)
    return target


def optimize_db(db: Database) -> None:
    """Merge the search indexes (trigram and sentence words) into one segment each and refresh the query planner's statistics.

    A library built by many imports leaves the FTS index in many segments; merged, searches at
    10^6 claims ran ~10% faster at p95 (benchmarks/README.md). Takes seconds on a large library
    and holds the write lock meanwhile, so it is a command, not something run behind a reviewer.
    """
    with transaction(db) as conn:
        conn.execute("INSERT INTO claims_fts (claims_fts) VALUES ('optimize')")
        conn.execute("INSERT INTO sentence_words (sentence_words) VALUES ('optimize')")
        conn.execute("PRAGMA optimize")

