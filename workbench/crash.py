"""The last resort: an exception nobody foresaw becomes one line for the person and a private log for us.

A traceback on a reviewer's terminal says nothing they can act on and can echo their data back raw;
the log (mode 0600, in the user data directory) keeps it for whoever fixes the bug.
"""
from __future__ import annotations

import os
import traceback
from datetime import datetime, timezone
from pathlib import Path

INTERNAL_ERROR_EXIT = 70  # EX_SOFTWARE in sysexits.h: the program, not the input, is at fault


def log_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("claim-workbench", appauthor=False)) / "errors.log"


def record(exc: BaseException, context: str = "") -> Path | None:
    """Append the traceback to the private log; the log's path, or None when it cannot be written."""
    path = log_path()
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8", errors="backslashreplace") as log:
            log.write(f"--- {stamp} {context}\n{text}\n")
    except OSError:
        return None
    return path


def summary(exc: BaseException) -> str:
    """The exception's kind and the start of its message, on one line and free of control characters."""
    from .ingest import printable

    message = printable(" ".join(str(exc).split()))
    if len(message) > 120:
        message = message[:119] + "…"
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def internal_error_line(exc: BaseException, context: str = "") -> str:
    """'internal error (…); details in FILE': what the person sees instead of a traceback."""
    path = record(exc, context)
    from .ingest import printable

    where = f"details in {printable(str(path))}" if path else "the details could not be written to a log"
    return f"internal error ({summary(exc)}); {where}; please report it"
