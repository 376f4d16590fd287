"""`db check` and `db backup`: SQLite's own checks plus the project's invariants,
and a consistent copy made while other reviewers keep writing."""
from __future__ import annotations

from typing import TYPE_CHECKING

import os
import sqlite3
from pathlib import Path

from ..errors import WorkbenchError
from ..typed_text import printable
from .database import transaction

if TYPE_CHECKING:  # sqlite-utils loads on first use (store/database.py: WorkbenchDatabase)
    from sqlite_utils import Database


def check_db(db: Database) -> list[str]:
    """Problems found, as sentences; an empty list means the database is sound.

    Each check runs on its own: on a damaged file SQLite refuses some reads ("malformed"), which is a
    finding to report, not a reason for `db check` itself to fail."""
    problems: list[str] = []
    for check in (_sqlite_checks, _offsets_hold, _audit_complete, _search_index_in_step, *EXTRA_CHECKS):
        try:
            problems.extend(check(db))
        except sqlite3.DatabaseError as exc:
            problems.append(f"integrity: {exc} (while checking {check.__name__.strip('_').replace('_', ' ')})")
    return problems


def _sqlite_checks(db: Database) -> list[str]:
    conn, problems = db.conn, []
    for (line,) in conn.execute("PRAGMA integrity_check"):
        if line != "ok":
            problems.append(f"integrity: {line}")
    for row in conn.execute("PRAGMA foreign_key_check"):
        problems.append(f"foreign key: {row[0]} row {row[1]} points at a missing {row[2]}")
    return problems


def _audit_complete(db: Database) -> list[str]:
    conn, problems = db.conn, []
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
    return problems


def _offsets_hold(db: Database) -> list[str]:
    """body[start:end] == text for every claim, checked in Python with each body read once:
    SQL's substr walks the body from its start for every claim, quadratic on a long article."""
    conn, problems = db.conn, []
    for article_id, body in conn.execute("SELECT id, body FROM articles"):
        for cid, start, end, text in conn.execute(
                'SELECT id, start, "end", text FROM claims WHERE article_id = ?', [article_id]):
            if end > len(body) or body[start:end] != text:
                problems.append(f"offsets: claim {cid} text {text[:40]!r} is not the article text at its span")
    return problems


def _search_index_in_step(db: Database) -> list[str]:
    """The FTS index agrees with the claims table, and every claim has its search text."""
    conn = db.conn
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'claims_fts'").fetchone():
        return []
    try:
        # FTS5's check is written as an INSERT: on a file we may only read it fails, and reporting that as a
        # broken index sent the reader after a problem that is not there
        if not getattr(db, "workbench_refusal", None) or "damaged" in db.workbench_refusal:
            conn.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        return [f"search index: {exc}; rebuild it with INSERT INTO claims_fts(claims_fts) VALUES('rebuild')"]
    missing = conn.execute("SELECT COUNT(*) FROM claims WHERE search_text IS NULL").fetchone()[0]
    return [f"search index: {missing} claims have no search text"] if missing else []


# Other modules (search's FTS) register their own invariants here.
EXTRA_CHECKS: list = []


def backup_db(db: Database, target: str | Path, force: bool = False) -> Path:
    """Copy the live database with SQLite's online backup; the copy is private (0600) and checked
    (PRAGMA integrity_check) before it takes TARGET's name: a backup of a damaged file is no backup."""
    target = Path(target)
    shown = printable(str(target))
    if target.exists() and not force:
        raise WorkbenchError(f"{shown} already exists; choose another path or pass --force")
    if target.is_dir():
        raise WorkbenchError(f"{shown} is a folder; give the path of the backup file")
    tmp = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except OSError as exc:  # /proc/nope.db: one line, not a traceback
        raise WorkbenchError(f"cannot write {shown} ({exc.strerror or exc}); choose a place you can write to") from None
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            with db.workbench_lock:
                db.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
            found = [" ".join(line.split()) for (line,) in dest.execute("PRAGMA integrity_check(3)") if line != "ok"]
        finally:
            dest.close()
        if found:
            raise WorkbenchError(f"the copy failed its integrity check ({printable(found[0])[:120]}): the database "
                                 f"itself is damaged; nothing was written to {shown}; run `workbench db check`")
        os.replace(tmp, target)
    except sqlite3.DatabaseError as exc:
        tmp.unlink(missing_ok=True)
        raise WorkbenchError(f"the database could not be copied ({exc}): it is damaged; nothing was written to "
                             f"{shown}; run `workbench db check`") from None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WorkbenchError(f"cannot write {shown} ({exc.strerror or exc}); choose a place you can write to") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
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

