"""`workbench import`'s progress on stderr: a 5 MB article took minutes without a word (issue 17).

Shown for a large article (LARGE_CHARS or more: a line per stage and per tenth of it, which a log keeps),
and on a terminal for any file still going after TERMINAL_DELAY (one line, rewritten in place, cleared when
the file is done). stdout, and so `--json`, never carries any of it.
"""
from __future__ import annotations

import shutil
import time
from typing import TextIO

from .service import DONE, ImportProgress
from .typed_text import printable

LARGE_CHARS = 500_000  # ~80,000 words, a few seconds of work: more than any news article
TERMINAL_DELAY = 1.0  # seconds before a terminal shows a file's progress: a small file is done by then


class ProgressReporter:
    """Called with each ImportProgress of `import_paths`; `interrupted()` says where a ctrl+c landed."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        try:
            self.terminal = stream.isatty()
        except (AttributeError, ValueError):
            self.terminal = False
        self.current: ImportProgress | None = None
        self.started = time.monotonic()
        self.shown = ""  # the line last written (on a terminal, the one to overwrite)

    def __call__(self, event: ImportProgress) -> None:
        if self.current is None or event.path != self.current.path:
            self.done()
            self.started = time.monotonic()
        self.current = event
        if event.stage == DONE:
            self.done()
            return
        if not (event.chars >= LARGE_CHARS or self.terminal and time.monotonic() - self.started >= TERMINAL_DELAY):
            return
        line = self._line(event)
        if line == self.shown:
            return
        if self.terminal:
            # within one row: a line that wraps is not taken back by \r, and each rewrite would add a row
            width = shutil.get_terminal_size().columns - 1
            line = line if len(line) <= width else "…" + line[len(line) - width + 1:]
            self.stream.write("\r" + line.ljust(len(self.shown)))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
        self.shown = line

    def _line(self, event: ImportProgress) -> str:
        size = f" ({event.chars / 1e6:.1f} million characters)" if event.chars >= LARGE_CHARS else ""
        # tenths in a log (a line each), whole percents on a terminal (one line, rewritten)
        step = 1 if self.terminal else 10
        share = "" if event.fraction is None else f" {int(event.fraction * 100) // step * step}%"
        return f"workbench: {printable(event.path)}{size}: {event.stage}…{share}"

    def done(self) -> None:
        """The file is finished: a terminal's line is cleared, for stdout's "added: …" to stand alone."""
        if self.terminal and self.shown:
            self.stream.write("\r" + " " * len(self.shown) + "\r")
            self.stream.flush()
        self.shown = ""

    def interrupted(self, imported: int) -> str:
        """One line for a ctrl+c: which file was stopped, and that the database does not hold any of it."""
        self.done()
        before = f"; the {imported} file{'s' if imported != 1 else ''} before it stayed imported" if imported else ""
        if self.current is None:
            return f"interrupted before any file was read; the database is unchanged{before}"
        if self.current.stage == DONE:  # between two files
            return f"interrupted after {printable(self.current.path)}; it and the files before it stayed imported"
        stage = f" while {self.current.stage}" if self.current.stage else ""
        return (f"interrupted{stage}: {printable(self.current.path)} was not imported, the database holds none of "
                f"it{before}")
