"""A database opened to be read, without sqlite-utils and without the migrations' code.

`workbench search` as a command is mostly start-up: importing sqlite-utils (with the dateutil and
plugin entry-point scan it brings) took longer than the search itself on 30,000 claims (issue 16).
A database whose migrations are all applied needs none of it to be read, so this opens it with
plain sqlite3, as store.open_db would, and checks the schema is the one this code knows. Anything
else (a new path, an older schema to migrate, a folder, a file that is not a database, a newer
workbench's schema) goes through store.open_db, which creates, migrates or says what is wrong.

The connection only has what sqlite3 gives (`execute`), which is all the search modules use.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

MIGRATIONS_DIR = Path(__file__).resolve().parents[1] / "db"
BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"


def default_db_path() -> Path:
    """$WORKBENCH_DB, else the platform's user data directory."""
    env = os.environ.get("WORKBENCH_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("claim-workbench", appauthor=False)) / "workbench.db"


def known_migrations() -> set[str]:
    """The migrations this code applies, by name (the files of db/)."""
    return {name[:-4] for name in os.listdir(MIGRATIONS_DIR) 
            if name[:4].isdigit() and name[4:5] == "_" and name.endswith(".sql")}


class ReadConnection(sqlite3.Connection):
    """sqlite3's connection, able to hold the search's remembered look-ups (search_cache.py)."""


def open_for_reading(path: str | Path | None = None) -> Any:
    """A connection to read the database at `path` (default: default_db_path()): plain sqlite3 when it
    is a database at the schema this code writes, else store.open_db's sqlite-utils Database."""
    path = Path(path) if path is not None else default_db_path()
    conn = _plain_connection(path)
    if conn is not None:
        return conn
    from .store import open_db

    return open_db(path)


def _plain_connection(path: Path) -> sqlite3.Connection | None:
    try:
        if not path.is_file():
            return None
        with open(path, "rb") as fh:
            if fh.read(16) != SQLITE_HEADER:
                return None
    except OSError:
        return None
    target, uri = str(path), False
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)
    if not writable:  # as store.open_db: a WAL database whose -shm we may not create is read "immutable"
        shm = path.with_name(path.name + "-shm")
        target, uri = f"file:{quote(str(path))}?mode=ro" + ("" if shm.exists() else "&immutable=1"), True
    conn = sqlite3.connect(target, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, uri=uri, factory=ReadConnection)
    try:
        applied = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    except sqlite3.DatabaseError:  # no _migrations table (a new file), or damaged: open_db says which
        applied = set()
    if not applied or applied != known_migrations():
        conn.close()
        return None
    return conn
