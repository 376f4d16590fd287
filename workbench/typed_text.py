"""Text a person typed or a file name, made safe to store and to print: terminal escapes and control
characters out, argv bytes that were not UTF-8 read as Windows-1252, one line where one line is due.

Apart from ingest.py (which re-exports all of it), so that every command, `workbench search` first,
cleans its arguments without importing the article reader (issue 16: start-up).
"""
from __future__ import annotations

import re
import unicodedata

# ANSI CSI/OSC sequences are removed whole: a stray "[2J" left behind helps nobody.
# The 8-bit forms (CSI 0x9b, OSC 0x9d) too: stripping only their first byte would leave "31m" in the text.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?"
                   r"|\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07\x1b\x9c\n]*(?:\x07|\x9c)")
# C0 controls except tab and newline, DEL, and C1 controls reach the terminal through every widget.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_EVERY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # for one line: newline and tab too


def printable(name: str) -> str:
    """A file name safe to print on one line: a name can hold terminal escapes (ESC]52 writes the
    clipboard), and a newline in it forged a line of the command's output."""
    return _EVERY_CONTROL.sub("?", name)


def strip_controls(text: str) -> str:
    """Terminal escapes and control characters removed, tab and newline kept (CR ends a line)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:  # what every _ANSI sequence opens with
        text = _ANSI.sub("", text)
    return _CONTROLS.sub("", text)


def typed_text(text: str) -> str:
    """What a person typed or passed as an argument, cleaned as article text is at import: terminal
    escapes and control characters out (the CLI prints it, and other reviewers read it), NFC."""
    if any("\udc80" <= ch <= "\udcff" for ch in text):
        # argv bytes that were not UTF-8 (a Latin-1 terminal's "café") arrive as lone surrogates, which
        # SQLite refuses with a traceback; read them as import reads such a file, Windows-1252 for UTF-8
        raw = text.encode("utf-8", "surrogateescape")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
    text = text.encode("utf-8", "replace").decode("utf-8")  # any other lone surrogate
    return unicodedata.normalize("NFC", strip_controls(text))


def typed_name(text: str | None) -> str | None:
    """A name, outlet or address as one line: typed_text with every run of spaces, tabs and newlines one
    space (a newline in --reviewer forged a line of `history`)."""
    if text is None:
        return None
    return " ".join(typed_text(text).split())
