"""Shortcuts for scanning a body: where a pattern can match, found by fast string searches, so the
regex engine runs only there. Each shortcut finds exactly what the plain scan it replaces finds
(tests/test_extract_scans.py checks them against it).
"""
from __future__ import annotations

from . import re_cached as re  # the re module, compiled code read from a file (re_cached.py)
from collections.abc import Iterable, Iterator
from functools import lru_cache

# the only characters that IGNORECASE matches to an ASCII letter while str.lower() does not turn them
# into that letter (İ also lower-cases to two characters, which would move every offset after it)
_CASE_ODD = ("İ", "ı", "ſ")


@lru_cache(maxsize=1)
def lower(body: str) -> str:
    """body.lower(), made once per article for the three steps that scan it."""
    return body.lower()


# what IGNORECASE matches to an ASCII letter besides its two cases (found by trying every code point)
_IGNORECASE_EXTRA = {"i": "İı", "k": "\u212a", "s": "ſ"}


def word_choice(words: Iterable[str], ignorecase: bool = False) -> str:
    """Regex source that finds what r"\b(?:w1|w2|...)" finds, in a form the regex engine can skip to.

    A pattern that opens with `\b` or a lookahead makes Python's engine start a match attempt at every
    character of the text; one that opens with a set of characters lets it skip in C to the next
    character of the set (scans 2 to 20 times faster, measured on 840 articles). So: the set of first
    letters (case-blind where the pattern is), the word-start test on the letter just read, then the
    rest of the word picked by that letter. `words` are regex source, each opening with a letter or a
    digit; within a first letter they keep their order, since an alternation takes the first that matches.
    `ignorecase` says whether the pattern this goes into is compiled with re.IGNORECASE (a pattern run
    case-sensitively over lower-cased text can pass lower-case words and False)."""
    words = list(words)
    if len(words) == 1 and words[0].isalnum() and not ignorecase:
        # one plain word: a literal prefix, which the engine finds faster still (as str.find does)
        return rf"{words[0]}(?<!\w{words[0]})"
    by_first: dict[str, list[str]] = {}
    for word in words:
        if not word[:1].isalnum() or not word.isascii():
            raise ValueError(f"word_choice needs words that open with an ASCII letter or digit: {word!r}")
        first = word[0].lower() if ignorecase else word[0]
        by_first.setdefault(first, []).append(word[1:])
    firsts = "".join(c + (c.upper() + _IGNORECASE_EXTRA.get(c, "") if ignorecase and c.isalpha() else "")
                     for c in by_first)
    rests = "|".join(f"(?<={first})(?:{'|'.join(rest)})" for first, rest in by_first.items())
    return rf"(?-i:[{firsts}])(?<!\w.)(?:{rests})"


# a decimal digit outside ASCII ("٣", "３"): where a text holds one, [0-9] does not stand in for \d
_NON_ASCII_DIGIT = re.compile(r"[^\x00-\x7f](?<=\d)")


@lru_cache(maxsize=2)  # an article's body and its lower-cased copy
def ascii_digits_only(text: str) -> bool:
    """Whether every character \\d matches in `text` is one of 0-9, so that a pattern with [0-9] for \\d
    finds the same. Worth knowing: a class with \\d in it is tested a character at a time through the
    Unicode tables, three times slower than a plain [0-9] set."""
    return text.isascii() or _NON_ASCII_DIGIT.search(text) is None



def ascii_led(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` with its first \\d, the character class that opens it, written [0-9]: the same matches in
    any text where ascii_digits_only() holds, and the engine's skip to the next digit tests a plain set
    instead of the Unicode tables at every character (20-30 % faster for a scan opened by a digit)."""
    source = pattern.pattern
    lead = source.index(r"\d")
    return re.compile(source[:lead] + "[0-9]" + source[lead + 2:], pattern.flags)


def lower_in_place(body: str) -> str:
    """body.lower() with every character at its own offset: the few characters that lower-case to two
    ("İ" -> "i̇") are kept as they are, so a position found in the result is the same in `body`."""
    lowered = body.lower()
    if len(lowered) == len(body):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in body)


def lowered_for_words(body: str) -> str | None:
    """body.lower(), when finding a lower-case ASCII word in it finds exactly what (?i:word) finds in body."""
    if any(ch in body for ch in _CASE_ODD):
        return None
    return lower(body)


def all_starts(pattern: re.Pattern[str], body: str) -> Iterator[int]:
    """Start of every match of `pattern`, overlapping ones too."""
    m = pattern.search(body)
    while m:
        yield m.start()
        m = pattern.search(body, m.start() + 1)


def word_starts(body: str, lowered: str | None, words: tuple[str, ...], pattern: re.Pattern[str]) -> list[int]:
    """Sorted starts of every case-insensitive occurrence of any of `words` (lower-case ASCII) in body.

    `lowered` is lowered_for_words(body); `pattern` is the same words as one (?i:...) regex, for the
    rare body where lower-casing cannot stand in for it. str.find is a fast C search; a regex
    alternation of words tries every character in turn."""
    if lowered is None:
        return list(all_starts(pattern, body))
    return sorted(occurrences(lowered, words))


def occurrences(text: str, words: tuple[str, ...]) -> list[int]:
    """Start of every occurrence of each of `words` in `text`, word by word (unsorted): str.find is a C
    search, where a regex alternation of the words would try every character in turn."""
    starts = []
    for word in words:
        at = text.find(word)
        while at != -1:
            starts.append(at)
            at = text.find(word, at + 1)
    return starts


def finditer_at(pattern: re.Pattern[str], text: str, starts) -> list[re.Match[str]]:
    """What pattern.finditer(text) finds, given every position where a match can start (`starts` may
    hold more, in any order). For a pattern that never matches the empty string: each position is tried
    in order and those inside the last match skipped, as finditer does; where matches are rare the
    engine no longer tries every character of the text."""
    matches: list[re.Match[str]] = []
    resume = 0
    for start in sorted(set(starts)):
        if start < resume:
            continue
        m = pattern.match(text, start)
        if m:
            matches.append(m)
            resume = m.end()
    return matches


def search_before(pattern: re.Pattern[str], text: str, start: int, reach: int, runs: int,
                  trailing: str = "") -> re.Match[str] | None:
    """pattern.search(text, start - reach, start), for a pattern that ends at `start` ($ or \\Z) and whose every
    match spans at most `runs` runs of non-space, then only whitespace and `trailing` characters ("captured
    earlier as of", "one of the very"). Such a pattern opens with \\b or an optional group, so the engine tries
    it at every character searched: the search starts at the `runs`-th run back instead, where the same
    leftmost match is found (tests/test_extract_gates.py)."""
    lo = max(0, start - reach)
    end = start
    while end > lo and (text[end - 1].isspace() or text[end - 1] in trailing):
        end -= 1
    head = text[lo:end].rsplit(None, runs)
    return pattern.search(text, lo + len(head[0]) if len(head) > runs else lo, start)


def starts_near_anchors(text: str, anchors: tuple[str, ...], words_before: int = 2, in_run: bool = False) -> list[int]:
    """Every position where a match can start, for a pattern whose every match holds one of `anchors`
    (plain strings, as str.find finds them) either at its start or after at most `words_before` words
    that the anchor follows across whitespace ("more than doubled", "the highest", "3.5 times").

    Positions given: each anchor's own, and where the anchor follows whitespace, the word starts of the
    `words_before` runs of non-space before it (a position whose character before is no letter or digit:
    a superset of where a `\\b`-led alternative can start); with `in_run`, also those of the anchor's own
    run before it ("threefold", "three-fold"). Linear: a run is read for at most `words_before` anchors,
    those right after it."""
    starts: list[int] = []
    for anchor in anchors:
        at = text.find(anchor)
        while at != -1:
            starts.append(at)
            end = at
            if in_run:
                while end > 0 and not text[end - 1].isspace():
                    end -= 1
                starts.extend(i for i in range(end, at) if i == end or not text[i - 1].isalnum())
            for _ in range(words_before):
                if end == 0 or not text[end - 1].isspace():
                    break  # every pattern using this joins its words by \s+: no space, no word before
                while end > 0 and text[end - 1].isspace():
                    end -= 1
                begin = end
                while begin > 0 and not text[begin - 1].isspace():
                    begin -= 1
                starts.extend(i for i in range(begin, end) if i == begin or not text[i - 1].isalnum())
                end = begin
            at = text.find(anchor, at + 1)
    return starts
