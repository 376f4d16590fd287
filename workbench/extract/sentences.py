"""Sentence boundaries for news text: offsets of each sentence in the body.

One left-to-right pass with bounded look-behind, so a 1 MB line without a full
stop, or a million quote marks, costs linear time. Knows the abbreviations that
end in a full stop in news copy (Mr., Dr., U.S., Jan. 5, No. 10, 3 p.m.),
initials (J. K. Rowling), decimals, ellipses, quotes that close after the stop
("... rise." She) and lines without a stop (headings, "SPEAKER: text" turns).
"""
from __future__ import annotations

import bisect
from . import re_cached as re  # the re module, compiled code read from a file (re_cached.py)

from ..model import Claim, Sentence
from .numbers import claim_checkworthiness

# A run of terminators (matched only at its start, possessively: no backtracking on
# "....." or '"""""'), the closing quotes/brackets after it, then whitespace; or a newline.
# Written to open with one character class, which the regex engine skips to directly instead of
# trying the pattern at every character: a stop or newline, then "it was a newline", or "no stop
# stands before this one" and the rest of the run. Same matches as
# r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s)|\n", three times faster.
_END = re.compile(r"[.!?…\n](?:(?<=\n)|(?<![.!?…][.!?…])[.!?…]*+[\"'”’»)\]]*+(?=\s))")
_SPACE = re.compile(r"\s*")
# The word before a full stop, looked for within a few characters only.
_TOKEN = re.compile(r"[\w.&'’-]+\Z")
_LOOKBACK = 16

# Titles never end a sentence ("Dr. Smith").
_TITLES = frozenset("""mr mrs ms mssrs messrs dr prof st sen rep gov gen lt col capt cmdr sgt cpl adm maj
    rev hon pres supt insp det mt ft fr sr jr ste gens sens reps""".split())
# These end a sentence only when a figure does not follow ("Jan. 5", "No. 10", "p. 7").
_BEFORE_FIGURES = frozenset("""jan feb mar apr jun jul aug sep sept oct nov dec no nos p pp vol art fig
    ch sec para approx est tel""".split())
# Never end a sentence.
_NEVER = frozenset("e.g i.e cf vs v viz al".split())
# Dotted abbreviations ("U.S.", "p.m.", "Inc.") end a sentence only before a word that usually starts one.
_STARTERS = frozenset("""the a an he she it they we i you his her its their our this that these those there
    but and so yet or if when while after before as in on at by for from with without during since
    meanwhile however also still then now today yesterday tomorrow last next officials police mr mrs ms
    dr some many most more all no not one two three what who why how where""".split())
_DOTTED = frozenset("""inc ltd co corp bros llc plc etc""".split())


def split_sentences(body: str) -> list[Sentence]:
    """Sentences of `body` in order, non-overlapping, trimmed of surrounding whitespace."""
    sentences: list[Sentence] = []
    start = 0
    size = len(body)
    for m in _END.finditer(body):
        stop = m.start()
        if stop < start:  # inside whitespace already consumed after the last boundary
            continue
        after = _SPACE.match(body, m.end()).end()
        if m.group() == "\n":
            if not _breaks_at_newline(body, stop, after, size):
                continue
            end = stop
        else:
            if not _ends_sentence(body, m, after, size):
                continue
            end = m.end()
        _add(sentences, body, start, end)
        start = after
    _add(sentences, body, start, size)
    return sentences


def _breaks_at_newline(body: str, at: int, after: int, size: int) -> bool:
    """A paragraph break always ends a sentence; a single newline unless the text runs on in lower case."""
    if after >= size or body.count("\n", at, after) > 1:
        return True
    return not body[after].islower()


def _ends_sentence(body: str, m: re.Match[str], after: int, size: int) -> bool:
    if after >= size or body.count("\n", m.end(), after) > 1:
        return True
    nxt = body[after]
    if nxt.islower() or nxt in ",;:":
        return False  # "e.g. cats", "... and then", a stop inside a phrase
    if m.group() != ".":
        return True  # "!", "?", an ellipsis, or a stop then a closing quote: '... rise." She'
    token_match = token_before(body, m.start())
    if token_match is None:
        return True
    token = token_match.group().lstrip("'’-").lower()
    word = token.rsplit(".", 1)[-1] if "." in token else token
    if token in _NEVER or word in _NEVER:
        return False
    if token in _TITLES:
        return False
    if token in _BEFORE_FIGURES and nxt.isdigit():
        return False
    if len(token) == 1 and token.isalpha():
        return False  # an initial: "J. K. Rowling", "George W. Bush"
    if "." in token or token in _DOTTED:
        # "U.S.", "p.m.", "Inc.": a sentence ends only if the next word usually starts one
        next_word = re.match(r"[\w’']+", body[after:after + 20])
        return bool(next_word and next_word.group().lower() in _STARTERS)
    return True


def token_before(body: str, stop: int) -> re.Match[str] | None:
    """_TOKEN.search(body, stop - _LOOKBACK, stop): the word before a full stop. The token holds no space, so
    the search starts after the last one, which spares trying _TOKEN at every character before it."""
    lo = max(0, stop - _LOOKBACK)
    return _TOKEN.search(body, max(lo, body.rfind(" ", lo, stop) + 1), stop)


def _add(sentences: list[Sentence], body: str, start: int, end: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end))


def claim_in_sentence(body: str, sentences: list[Sentence], starts: list[int], start: int, end: int, kind: str,
                      value: dict, default_worth: float) -> Claim:
    """The claim body[start:end] with the sentence it lies in (`starts`: the sentences' starts) and the
    check-worthiness it takes from it; `default_worth` where it lies in no one sentence."""
    i = bisect.bisect_right(starts, start) - 1
    sentence = sentences[i] if i >= 0 and sentences[i].end >= end else None
    s0, s1 = (sentence.start, sentence.end) if sentence else (start, end)
    worth = sentence.checkworthiness if sentence else default_worth
    return Claim(kind=kind, text=body[start:end], start=start, end=end, sentence_start=s0,
                 sentence_end=max(s1, end), value=value, checkworthiness=claim_checkworthiness(kind, worth, value))
