"""The command's global options (--db, --reviewer) as every command sees them: click-free, so that the
TUI's launch (launch.py) reads them as cli.py does without importing click."""
from __future__ import annotations

import getpass
import os

from .errors import BadInput


class Settings:
    """Global options, with the database opened only when a command needs it."""

    def __init__(self, db_path: str | None, reviewer: str | None):
        self.db_path = db_path
        self.reviewer = _reviewer_name(reviewer or os.environ.get("WORKBENCH_REVIEWER") or _login_name())
        self._db = None

    @property
    def db(self):
        if self._db is None:
            from .store import open_db

            self._db = open_db(self.db_path)
        return self._db

    @property
    def read_db(self):
        """The database for a command that only reads it: plain sqlite3 when its schema is current, so
        `workbench search` imports neither sqlite-utils nor the migrations (db_reader.py)."""
        if self._db is not None:
            return self._db
        from .db_reader import open_for_reading

        return open_for_reading(self.db_path)

    def resolved_db_path(self):
        from .db_reader import default_db_path

        return self.db_path or default_db_path()


MAX_NAME = 100


def _reviewer_name(given: str) -> str:
    """The name for the audit trail, cleaned as article text is: it reaches every other reviewer through
    `history`, warnings and exports, and an OSC 52 or a newline in it wrote their clipboard or forged a line."""
    from .typed_text import typed_name

    name = typed_name(given)
    if not name:
        raise BadInput("the reviewer name is empty once control characters are removed; give --reviewer NAME")
    if len(name) > MAX_NAME:
        raise BadInput(f"the reviewer name is {len(name):,} characters; give one of at most {MAX_NAME}")
    return name


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "reviewer"
