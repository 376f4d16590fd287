"""Open a workbench database: create it private (0600), set WAL/foreign keys/busy timeout,
apply the numbered SQL migrations in db/, and run short write transactions with retry."""
from __future__ import annotations

import os
import random
import sqlite3
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..db_reader import BUSY_TIMEOUT_MS, MIGRATIONS_DIR, default_db_path  # shared with the read-only opener
from ..errors import SchemaTooNew, WorkbenchError
from ..typed_text import printable  # not via ingest: its regexes and hashlib are not needed to open

if TYPE_CHECKING:
    from sqlite_utils import Database

BEGIN_ATTEMPTS = 8


class WorkbenchDatabase:
    """An open workbench database: sqlite-utils' Database, made on first use.

    The store asks a database for `execute`, `query` and `conn` only, which are sqlite3's own calls
    (sqlite-utils' are the same on our autocommit connections). Importing sqlite-utils was a tenth of
    the TUI's start-up (45-65 ms, and ~250 ms more where numpy is installed: sqlite-utils imports it
    when present), so it is imported when something asks for more: `db["claims"]`, `table_names()`...
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._utils: Database | None = None
        conn.execute("PRAGMA recursive_triggers=on;")  # as sqlite-utils' Database(conn) sets it

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    def query(self, sql: str, params: Any = None) -> Iterator[dict[str, Any]]:
        """Rows as dicts; the SQL runs at once, the rows are read as they are iterated (as sqlite-utils')."""
        cursor = self.execute(sql, params)
        keys = [d[0] for d in cursor.description or ()]
        return (dict(zip(keys, row)) for row in cursor)

    def table_names(self) -> list[str]:
        return [row[0] for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    @property
    def utils(self) -> Database:
        """sqlite-utils' Database over the same connection."""
        if self._utils is None:
            from sqlite_utils import Database

            self._utils = Database(self.conn)
        return self._utils

    def __getattr__(self, name: str) -> Any:
        if name.startswith(("_", "workbench_")):  # ours, not set (yet): not a reason to load sqlite-utils
            raise AttributeError(name)
        return getattr(self.utils, name)

    def __getitem__(self, table: str):
        return self.utils[table]


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def open_db(path: str | Path | None = None) -> WorkbenchDatabase:
    """Open (creating if needed) and migrate the database at `path`."""
    path = Path(path) if path is not None else default_db_path()
    shown = printable(str(path))
    if path.exists() and path.is_dir():
        raise WorkbenchError(f"{shown} is a folder; give --db the path of a database file")
    if path.exists() and not path.is_file():  # a FIFO would block the read of the header below forever
        raise WorkbenchError(f"{shown} is not a regular file; give --db the path of a database file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        created = _create_private(path)
        with open(path, "rb") as fh:
            header = fh.read(16)
    except OSError as exc:  # /proc/nope/x.db, a folder of someone else's: the user's to fix, in one line
        raise WorkbenchError(f"cannot open or create {shown} ({exc.strerror or exc}); "
                             "give --db a path in a folder you can write to") from None
    if not header and not created:
        # we never leave an empty file behind (see _create_private): this one lost its contents, or is not ours
        raise WorkbenchError(f"{shown} is an empty file (0 bytes), not a workbench database; restore it from a "
                             "backup, or delete it to start a new database there")
    if header != b"SQLite format 3\x00":
        raise WorkbenchError(f"{shown} is not a SQLite database; point --db at a workbench database or a new path")
    writable = _writable(path)
    target, uri = str(path), False
    if not writable:
        # reading a WAL database needs its -shm file; one we may not create means no writer has it open, and
        # only "immutable" reads it then (else every read failed "attempt to write a readonly database")
        shm = path.with_name(path.name + "-shm")
        target, uri = f"file:{quote(str(path))}?mode=ro" + ("" if shm.exists() else "&immutable=1"), True
    conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000,
                           uri=uri)
    db = WorkbenchDatabase(conn)
    db.workbench_lock = threading.RLock()  # one connection may serve the TUI's worker threads
    db.workbench_check_lock = threading.Lock()  # one quick_check at a time (see check_before_writes)
    db.workbench_path = path
    db.workbench_refusal = None  # why writes are refused (damaged, read-only); None until the first write asks
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if not writable:
        db.workbench_refusal = read_only_message(path)
    else:
        _with_retry(lambda: conn.execute("PRAGMA journal_mode = WAL"))
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    migrate(db)
    return db


def read_only_message(path: Path) -> str:
    return (f"{printable(str(path))} is read-only for you, so nothing was written; ask its owner for write "
            "access, or work on a copy (`workbench db backup COPY`, then --db COPY)")


def _writable(path: Path) -> bool:
    """Whether this process may write the file and make its -wal and -shm files beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _create_private(path: Path) -> bool:
    """Create the database with mode 0600 (a newsroom's notes are not world-readable); True if we made it.

    It is made whole beside its place and linked in, so that no reader ever finds an empty file there:
    an empty file at the path is then a database that lost its contents, refused rather than started anew.
    """
    if path.exists():
        return False
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.new")
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        conn = sqlite3.connect(str(tmp))
        conn.execute("PRAGMA journal_mode = WAL")  # writes the header: the file is a database from here on
        conn.close()
        os.link(tmp, path)  # never replaces: another process creating it at the same moment wins
        return True
    except FileExistsError:
        return False
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
            leftover.unlink(missing_ok=True)


def write_refusal(db: Database) -> str | None:
    """Why this database must not be written, checked once per connection before its first write:
    a damaged file (PRAGMA quick_check) or one this process may only read."""
    if db.workbench_refusal is None:
        with _check_lock(db):  # a check already running in a thread (check_before_writes): wait for it
            if db.workbench_refusal is None:
                _quick_check(db)
    return db.workbench_refusal or None


def _check_lock(db: Database):
    return getattr(db, "workbench_check_lock", None) or nullcontext()


def _quick_check(db: Database) -> None:
    try:
        found = [row[0] for row in db.conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as exc:
        found = [str(exc)]
    db.workbench_refusal = _refusal(found)


def _refusal(found: list[str]) -> str:
    """What quick_check's findings mean for writing: "" when it said ok."""
    damage = [line for line in found if line != "ok"]
    if not damage:
        return ""
    first = " ".join(damage[0].split())  # quick_check's findings come as lines
    return (f"the database is damaged ({printable(first)[:120]}), so nothing was written; "
            "run `workbench db check`, then restore a backup")


def check_before_writes(db: Database) -> None:
    """Run write_refusal's check ahead of the first write, on a read-only connection of its own, so that a
    thread can do it while the reviewer reads: on a 180 MB database quick_check took 0.7-1.7 s, paid by the
    first verdict of the session, and on the shared connection it would hold up every read meanwhile.
    A write that comes meanwhile waits for this check rather than running its own."""
    if db.workbench_refusal is not None or getattr(db, "workbench_path", None) is None:
        return
    with _check_lock(db):
        if db.workbench_refusal is not None:
            return
        try:
            conn = sqlite3.connect(f"file:{quote(str(db.workbench_path))}?mode=ro", uri=True)
            try:
                found = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
            finally:
                conn.close()
        except sqlite3.Error:
            return  # the first write checks on its own connection, as before
        db.workbench_refusal = _refusal(found)


def _with_retry(call):
    for attempt in range(BEGIN_ATTEMPTS):
        try:
            return call()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or attempt == BEGIN_ATTEMPTS - 1:
                raise
            time.sleep(0.02 * 2**attempt * (1 + random.random()))


# How long a write from the TUI's UI thread (db.workbench_ui_thread, set by the app) waits for another
# process's write lock: the screen is frozen while it waits. Another process's transaction (an import
# stores one article per transaction) is over in well under this; one held longer (a big fact-check
# import, `db optimize`) made the TUI freeze for the busy timeout, 5 s a try (4.1-4.7 s stalls in a trial).
UI_WAIT_MS = 400


def _begin_without_freezing(conn: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE waiting UI_WAIT_MS at most; a lock held longer is the reviewer's to know of, not a
    frozen screen: a WorkbenchError (the TUI shows it; nothing was written, the key can be pressed again)."""
    conn.execute(f"PRAGMA busy_timeout = {UI_WAIT_MS}")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        raise WorkbenchError("Not saved: another program is writing to this database (an import?); "
                             "try again in a moment") from exc
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


@contextmanager
def transaction(db: Database) -> Iterator[sqlite3.Connection]:
    """A short BEGIN IMMEDIATE transaction, retried when another writer holds the lock.

    Nested use joins the outer transaction, so a service function can call another.
    """
    conn = db.conn
    with db.workbench_lock:
        if conn.in_transaction:
            yield conn
            return
        refusal = write_refusal(db) if hasattr(db, "workbench_refusal") else None
        if refusal:
            raise WorkbenchError(refusal)
        if getattr(db, "workbench_ui_thread", None) == threading.get_ident():
            _begin_without_freezing(conn)
        else:
            try:
                _with_retry(lambda: conn.execute("BEGIN IMMEDIATE"))
            except sqlite3.OperationalError as exc:
                raise WorkbenchError(f"the database stayed busy ({exc}); try again in a moment") from exc
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            # a failed COMMIT leaves the transaction open, and every later action on this
            # connection would silently join it and never commit; SQLite may also have rolled back already
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            from ..search_cache import forget

            forget(db)
            raise


# ---------------------------------------------------------------- migrations


def migration_files() -> list[Path]:
    return sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql"))


def applied_migrations(db: Database) -> list[str]:
    if "_migrations" not in db.table_names():
        return []
    return [row["name"] for row in db.query("SELECT name FROM _migrations ORDER BY name")]


def migrate(db: Database, upto: str | None = None) -> list[str]:
    """Apply pending migrations in order, each in its own transaction; return their names.

    `upto` stops after the named migration (tests use it to build an older database).
    """
    known = [p.stem for p in migration_files()]
    conn = db.conn
    if "_migrations" not in db.table_names():
        conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    applied = set(applied_migrations(db))
    unknown = sorted(applied - set(known))
    if unknown:
        raise SchemaTooNew(
            f"this database was written by a newer Claim Workbench (migration {unknown[-1]}); "
            "upgrade the workbench (git pull && make install) before opening it"
        )
    done: list[str] = []
    for path in migration_files():
        # no write lock for what is done: opening an up-to-date database only reads, so `articles` or the
        # TUI opens while another process holds a long write (a big import) instead of failing "busy"
        if path.stem not in applied and path.stem in AFTER_MIGRATION:
            _say_a_long_migration(db, path.stem)
        if path.stem not in applied and _apply_migration(db, path):
            done.append(path.stem)
        if upto is not None and path.stem == upto:
            break
    return done


LONG_MIGRATION = 20_000  # claims from which a migration that re-reads every claim is said before it starts


def _say_a_long_migration(db: Database, name: str) -> None:
    """One line on stderr before a migration that recomputes every claim's search text of a big desk: at
    10^6 claims it takes minutes (0011: 246 s), and a command or the TUI would otherwise hang unexplained."""
    if "claims" not in db.table_names():
        return
    claims = db.execute("SELECT COALESCE(MAX(id), 0) FROM claims").fetchone()[0]
    if claims >= LONG_MIGRATION:
        minutes = max(1, round(claims * 4 / 1_000_000))  # 246 s at 10^6 on the 2-core test machine
        print(f"Updating the search index of {claims:,} claims for this version ({name}); this happens once "
              f"and takes about {minutes} min.", file=sys.stderr, flush=True)


def _apply_migration(db: Database, path: Path) -> bool:
    """Apply one migration in its own transaction; False when another process applied it first."""
    conn = db.conn
    with transaction(db):
        # re-read inside the lock: another process may have applied it meanwhile
        if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", [path.stem]).fetchone():
            return False
        for statement in _statements(path.read_text(encoding="utf-8")):
            conn.execute(statement)
        if path.stem in AFTER_MIGRATION:
            # in the migration's own transaction: a crash mid-backfill must not leave it recorded as done
            AFTER_MIGRATION[path.stem](db)
        conn.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", [path.stem, now()])
        return True


def _backfill_search_text(db: Database) -> None:
    """Claims stored before search existed get their normalised text (SQL cannot call our normaliser)."""
    from ..textnorm import search_text

    conn = db.conn
    after = (-1, -1, -1)
    while True:
        # article by article, in text order: a sentence's row in the BM25 index (0006) takes the sentences
        # before it as context when its first claim gets its search text
        rows = conn.execute(
            'SELECT id, text, sentence, speaker, article_id, start FROM claims WHERE search_text IS NULL '
            'AND (article_id, start, id) > (?, ?, ?) ORDER BY article_id, start, id LIMIT 2000', after).fetchall()
        if not rows:
            return
        after = (rows[-1][4], rows[-1][5], rows[-1][0])
        with transaction(db):
            conn.executemany("UPDATE claims SET search_text = ? WHERE id = ?",
                             [(search_text(t, s or "", sp), i) for i, t, s, sp, _, _ in rows])


def _backfill_and_reindex(db: Database) -> None:
    """After 0003, 0005 and 0006 changed every search text behind the index's back: fill them in, rebuild."""
    _backfill_search_text(db)
    db.conn.execute("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')")


def _renormalise_everything(db: Database) -> None:
    """After 0011 changed the normaliser: claims as after 0005, and other outlets' fact-checks, whose search
    text is stored by their import (never NULL), recomputed here and their two indexes refilled."""
    from ..factchecks.match import check_search_text

    _backfill_and_reindex(db)
    conn = db.conn
    after = 0
    while rows := conn.execute("SELECT id, claim_reviewed FROM factchecks WHERE id > ? ORDER BY id LIMIT 5000",
                               [after]).fetchall():
        conn.executemany("UPDATE factchecks SET search_text = ? WHERE id = ?",
                         [(check_search_text(text), i) for i, text in rows])
        after = rows[-1][0]
    conn.execute("INSERT INTO factchecks_fts (factchecks_fts) VALUES ('rebuild')")
    conn.execute("INSERT INTO factcheck_words (rowid, own) SELECT id, search_text FROM factchecks")


AFTER_MIGRATION = {"0002_search": _backfill_search_text, "0003_search_words": _backfill_and_reindex,
                   "0005_search_number_words": _backfill_and_reindex, "0006_search_sentences": _backfill_and_reindex,
                   "0011_search_fractions": _renormalise_everything}


def _statements(script: str) -> Iterator[str]:
    """Split a SQL script into statements; trigger bodies keep their inner semicolons."""
    buf: list[str] = []
    for line in script.splitlines(keepends=True):
        if not buf and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buf.append(line)
        if sqlite3.complete_statement("".join(buf)):
            yield "".join(buf)
            buf = []
    if "".join(buf).strip():
        yield "".join(buf)
