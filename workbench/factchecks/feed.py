"""The entries of a JSON feed's list, streamed: each entry decoded by json's C decoder (raw_decode) from a
text buffer that is refilled as it is used up, so a 50 MB feed is read in bounded memory at C speed.

Hostile entries are found without a Python pass over every character: the decoder raises RecursionError
on nesting past Python's recursion limit (in linear time, having built at most that many levels), and an
entry that has not ended within MAX_ENTRY_CHARS is not buffered further (and an integer of thousands of
digits makes int() refuse). Each is then read past by a small bracket scanner (strings and escapes
understood) that streams to the entry's end, and reported as TOO_DEEP, TOO_BIG or BIG_NUMBER; the feed
goes on with the next entry."""
from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

READ_BYTES = 1 << 18  # read at a time: an entry is ~600 bytes, so a retry at a chunk's end is rare
MAX_ENTRY_CHARS = 4 << 20  # an entry still open after this many characters is read past, not buffered

TOO_DEEP = object()  # an entry nested deeper than the decoder goes
TOO_BIG = object()  # an entry longer than MAX_ENTRY_CHARS
BIG_NUMBER = object()  # an entry holding an integer of more digits than Python converts (int_max_str_digits)

_decode = json.JSONDecoder().raw_decode
_SPACE = re.compile(r"[ \t\n\r]*")  # JSON's white space, no more
# A truncated value makes the decoder fail at the end of the text, except inside a string, where it names
# the string's start; a failure further back than this is the text's own (the longest backtrack is
# "-Infinit", 8 characters).
_TRUNCATION_MARGIN = 16


class Broken(ValueError):
    """The feed's JSON breaks: the entries after it cannot be told apart. The message says how."""


class Text:
    """A feed's text, decoded from UTF-8 as it is read; `text[pos:]` is what is still to be read. The part
    before `pos` is dropped at the next refill, so memory holds about one chunk and the current entry.

    Bytes that are not UTF-8 (a Latin-1 feed) end the text: what came before them is given, and the
    UnicodeDecodeError is raised when the reader asks for more, so the entries before them are read."""

    def __init__(self, stream: BinaryIO, head: bytes = b"", read_bytes: int = READ_BYTES):
        """`head`: bytes already read from `stream` (to sniff the file's shape), read first."""
        self.stream, self.head, self.read_bytes = stream, head, read_bytes
        self.text, self.pos, self.ended = "", 0, False
        self._cut = b""  # the start of a character cut at a chunk's end, decoded with the next chunk
        self._first = True
        self._error: UnicodeDecodeError | None = None

    def more(self) -> bool:
        """Append the next chunk (dropping what was read); False when the stream had nothing more."""
        if self._error:
            raise self._error
        if self.ended:
            return False
        chunk, self.head = self.head or self.stream.read(self.read_bytes), b""
        self.ended = not chunk
        data, self._cut = self._cut + chunk, b""
        if self._first:  # a byte-order mark is dropped (once its three bytes are in)
            if len(data) < 3 and not self.ended:
                self._cut = data
                return True
            data = data[3:] if data.startswith(codecs.BOM_UTF8) else data
            self._first = False
        try:
            new = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            new = data[:exc.start].decode("utf-8")
            if exc.end == len(data) and exc.reason == "unexpected end of data" and not self.ended:
                self._cut = data[exc.start:]
            else:
                self._error = exc
        self.text = self.text[self.pos:] + new
        self.pos = 0
        return True

    def skip_space(self) -> str:
        """The next character that is not white space (the position left at it); "" at the end."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return ""


def list_start(text: str, keys: tuple[str, ...]) -> int | None:
    """Where the entries of the feed in `text` (its head) begin, just past the list's "[": a top-level list,
    or the list under one of `keys` of the top-level object; None for one object (no list found in the
    head: read whole), or text that is no JSON. The values before the list are skipped by the decoder."""
    pos = _SPACE.match(text).end()
    if text.startswith("[", pos):
        return pos + 1
    if not text.startswith("{", pos):
        return None
    pos += 1
    try:
        while True:
            key, pos = _decode(text, _SPACE.match(text, pos).end())
            pos = _SPACE.match(text, pos).end()
            if type(key) is not str or not text.startswith(":", pos):
                return None
            pos = _SPACE.match(text, pos + 1).end()
            if key in keys and text.startswith("[", pos):
                return pos + 1
            _, pos = _decode(text, pos)
            pos = _SPACE.match(text, pos).end()
            if not text.startswith(",", pos):
                return None
            pos += 1
    except (ValueError, RecursionError):  # the head ends inside a value, or the file is broken: read it whole
        return None


def entries(source: Text) -> Iterator[Any]:
    """Each element of the list that starts at `source.pos`, decoded; TOO_DEEP, TOO_BIG or BIG_NUMBER for
    one that is read past instead. Raises Broken where the JSON breaks, UnicodeDecodeError on text that is
    not UTF-8."""
    first = True
    while True:
        # the usual step, from the end of one entry past its comma to the end of the next, in one regex match
        # and one decode; anything else (white space up to the buffer's end, an entry the buffer cuts, a
        # hostile one, the list's end) by the steps below
        if not first and (comma := _COMMA(source.text, source.pos)) and comma.end() < len(source.text):
            text, pos = source.text, comma.end()
            try:
                value, end = _decode(text, pos)
            except (ValueError, RecursionError):
                pass
            else:
                if end <= len(text) - _TRUNCATION_MARGIN and end - pos <= MAX_ENTRY_CHARS:
                    source.pos = end
                    yield value
                    continue
        char = source.skip_space()
        if not char:
            raise Broken("the text ends inside the list")
        if char == "]":
            source.pos += 1
            return
        if not first:  # between entries
            if char != ",":
                raise Broken("expecting ',' or ']' after an entry")
            source.pos += 1
            if not source.skip_space():
                raise Broken("the text ends inside the list")
        first = False
        yield _entry(source)


_COMMA = re.compile(r"[ \t\n\r]*,[ \t\n\r]*").match  # between two entries


def _entry(source: Text) -> Any:
    """One entry from `source.pos`, the position left past it."""
    while True:
        text, pos = source.text, source.pos
        try:
            value, end = _decode(text, pos)
        except json.JSONDecodeError as exc:
            truncated = exc.pos >= len(text) - _TRUNCATION_MARGIN or exc.msg.startswith("Unterminated string")
            if not truncated:
                raise Broken(exc.msg) from None
            if len(text) - pos >= MAX_ENTRY_CHARS:
                _skip_value(source)
                return TOO_BIG
            if not source.more():
                raise Broken(f"the text ends inside an entry ({exc.msg})") from None
            continue
        except RecursionError:
            _skip_value(source)
            return TOO_DEEP
        except ValueError:  # an integer past sys.get_int_max_str_digits(): converting it would take long
            _skip_value(source)
            return BIG_NUMBER
        if end > len(text) - _TRUNCATION_MARGIN and not source.ended and source.more():
            continue  # a bare number may go on in the next chunk ("12" of "1234", "1" of "1e-3"): decode anew
        source.pos = end
        if end - pos > MAX_ENTRY_CHARS:  # said of every entry this long, wherever the chunks happened to end
            return TOO_BIG
        return value


_STRING_PART = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*')  # a string's characters and whole escapes
_STRING_WINDOW = 1 << 16
_BRACKET = re.compile(r"[\[\]{}]")
_BARE_END = re.compile(r"[,\s\]}]")  # what ends a bare value (a number, true) at the top


def _skip_value(source: Text) -> None:
    """Read past the value at `source.pos` (brackets counted, strings and their escapes understood),
    streaming: only the part not yet read is kept. Raises Broken when the text ends first.

    A hostile entry is mostly brackets or one long string, so neither is stepped through a character at a
    time: a string is matched whole by one regex, and a stretch between strings whose closing brackets are
    fewer than the depth cannot end the value, so its brackets are counted (str.count) and jumped over."""
    depth, in_string = 0, False
    while True:
        text, pos = source.text, source.pos
        if in_string:
            # a window at a time: the regex engine keeps state per escape it matches (130 MB for 5 MB of them)
            pos = _STRING_PART.match(text, pos, pos + _STRING_WINDOW).end()
            if text.startswith('"', pos):
                source.pos, in_string = pos + 1, False
                if not depth:
                    return
                continue
            source.pos = pos
            if pos < len(text) - 1:  # the window's end, not the text's: match on
                continue
            # the text read ends inside the string (perhaps after a lone backslash, kept for the next chunk)
        elif not depth:  # the value's first character
            char = text[pos:pos + 1]
            if char in ("[", "{"):
                source.pos, depth = pos + 1, 1
                continue
            if char == '"':
                source.pos, in_string = pos + 1, True
                continue
            if char:
                bare = _BARE_END.search(text, pos)
                if bare:
                    source.pos = bare.start()
                    return
                source.pos = len(text)  # the bare value goes on past what was read
        else:
            quote = text.find('"', pos)
            end = len(text) if quote < 0 else quote
            closes = text.count("]", pos, end) + text.count("}", pos, end)
            if closes < depth:
                depth += text.count("[", pos, end) + text.count("{", pos, end) - closes
            else:
                for bracket in _BRACKET.finditer(text, pos, end):
                    depth += 1 if bracket.group() in "[{" else -1
                    if not depth:
                        source.pos = bracket.end()
                        return
            if quote >= 0:
                source.pos, in_string = quote + 1, True
                continue
            source.pos = end
        if not source.more():
            raise Broken("the text ends inside an entry")
