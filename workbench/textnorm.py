"""Normalising claim text for matching: case, accents, quotes, punctuation, number formats.

Both sides of a search go through `normalise`, so "£12bn", "£12 billion", "12 billion pounds" and
"twelve billion pounds" all read "12000000000 gbp", "20 per cent" and "20%" both read "20 percent",
and "17,1 milliard euros" (a decimal comma, the European billion) reads "17100000000 eur".
"""
from __future__ import annotations

import math
import re
import unicodedata

from .extract.numbers import SCALES, TENS_WORDS, UNITS_WORDS, words_value

STOP_WORDS = frozenset(
    "a an the of in on at to and or but for with by from that which who was were is are be been had have has "
    "will would it its this these those as than into about over after before since there their they he she "
    "his her we our you your i me my not no so if".split()
)
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "b": 1e9, "billion": 1e9,
          "tn": 1e12, "trillion": 1e12, "milliard": 1e9, "milliards": 1e9, "mrd": 1e9}
_CURRENCY = {"£": "gbp", "$": "usd", "€": "eur", "¥": "jpy", "pounds": "gbp", "pound": "gbp", "dollars": "usd",
             "dollar": "usd", "euros": "eur", "euro": "eur", "yen": "jpy"}
_FIGURE_TAIL = (
    # a scale letter apart from the number, before a dash and a digit, is a code's: "90,000 k-1 visas" (no
    # "90 million"); "5m-10m" is a range
    r"(?P<num>\d[\d,]*(?:\.\d+)?)(?P<space>\s)?(?P<scale>k|m|mn|bn|b|tn|thousand|million|billion|trillion|milliards?|mrd)?\b"
    r"(?(space)(?![-–]\d))"
    r"(?:\s?(?P<curword>pounds?|dollars?|euros?|yen)\b)?"
    r"(?P<pct>\s?%|\s?per\s?cent\b|\s?percent\b)?"
)
_CURRENCY_SIGNS = "£$€¥"
# a figure: a currency sign, a space, the number and what follows it (_figures finds the same matches
# from the number on, see there)
_MONEY_OR_NUMBER = re.compile(rf"(?P<cur>[{_CURRENCY_SIGNS}])?\s?{_FIGURE_TAIL}")
# the same from its first digit on: opening with a digit, it lets the regex engine skip to the digits
_FIGURE_FROM_ITS_DIGIT = re.compile(_FIGURE_TAIL)


# a run of number words ("five thousand", "forty-eight million", "two hundred and ten"), read by the
# extractor's own words_value so that it meets the figure written in digits
_WORD = "|".join(sorted([*UNITS_WORDS, *TENS_WORDS], key=len, reverse=True))
# the lookahead of first letters changes no match; it lets the regex engine skip to where one can start
# (a third of this pattern's time over text that has no number words, as most has not)
_FIRST_LETTERS = "".join(sorted({word[0] for word in _WORD.split("|")}))
# "and" joins a run only after a scale word ("two hundred and ten"): "between forty and fifty" is two figures,
# which were read as one sum (90), as were "6 and 7 and 8 and 9" written in words (30)
_SCALE_WORDS = "hundred|thousand|million|billion|trillion|dozen"  # "two dozen" is 24, as words_value reads it
_AFTER_SCALE = "(?:" + "|".join(f"(?<={w})" for w in _SCALE_WORDS.split("|")) + ")"
_NUMBER_WORDS = re.compile(
    rf"(?=[{_FIRST_LETTERS}])\b(?:{_WORD})"
    rf"(?:(?:\s|-)(?:{_WORD}|{_SCALE_WORDS})\b|{_AFTER_SCALE}\s+and\s+(?:{_WORD})\b)*\b")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")  # "17,1": a thousands group always has three digits


# a score or a tally: two small numbers joined by a dash ("two-nil", "3-1", "nil-nil"), each read on its
# own; left to the run of number words, "three-one" was read as 4 and "two-nil" met no "2-0"
_SCORE_SIDE = "|".join(sorted([*UNITS_WORDS, "nil", r"\d{1,2}"], key=len, reverse=True))
_SCORE = re.compile(rf"\b({_SCORE_SIDE})\s?[-–]\s?({_SCORE_SIDE})\b")


# "a million", "half a million", "a half-dozen", "two and a half billion", "a quarter-of-a-million": the article
# or the fraction makes the scale a figure, so "half a million" meets "500,000" and "a dozen" meets "12" ("a"
# starts no run of number words above: "a million" read "million"). "a" becomes "one", so that the run goes
# on: "a hundred and fifty" is 150.
_SCALE_VALUES = {"dozen": 12, **{w: SCALES[w] for w in ("hundred", "thousand", "million", "billion", "trillion")}}
_WHOLE_WORDS = "|".join(w for w, v in UNITS_WORDS.items() if 1 <= v <= 19)
_HALF_OR_ONE = re.compile(
    rf"\b(?:(?P<whole>\d+|{_WHOLE_WORDS})\s+and\s+a\s+(?P<f1>half|quarter)|(?:a[\s-]+)?(?P<f2>half|quarter)[\s-]+(?:of[\s-]+)?a"
    rf"|a[\s-]+(?P<f3>half|quarter)|(?P<one>a))[\s-]+(?P<scale>{'|'.join(_SCALE_VALUES)})\b")
_FRACTIONS = {"half": 0.5, "quarter": 0.25}
# "a half-hour speech", "half an hour": the "30-minute speech"
_HALF_HOUR = re.compile(r"\bhalf[\s-]+(?:an?[\s-]+)?hour\b")


def _half_or_one(m: re.Match) -> str:
    if m["one"]:
        return f"one {m['scale']}"
    whole = 0 if m["whole"] is None else int(m["whole"]) if m["whole"].isdigit() else UNITS_WORDS[m["whole"]]
    value = (whole + _FRACTIONS[m["f1"] or m["f2"] or m["f3"]]) * _SCALE_VALUES[m["scale"]]
    return f"{value:.12g}" if value != int(value) else str(int(value))


def _score_sides(m: re.Match) -> str:
    if m[1].isdigit() and m[2].isdigit():
        return m.group()
    return " ".join(str(UNITS_WORDS.get(side, 0)) if not side.isdigit() else side for side in (m[1], m[2]))


# a year said as two pairs of digits: "nineteen twenty-eight" is 1928 and "twenty sixteen" 2016, where a sum
# read them 47 and 36; no sum is ever said that way (19 + 28 is "forty-seven"), while "twenty five" stays 25
_YEAR_HEADS = {word: value for word, value in UNITS_WORDS.items() if 11 <= value <= 19} | {"twenty": 20}


def _year_in_words(words: list[str]) -> int | None:
    if len(words) not in (2, 3) or words[0] not in _YEAR_HEADS:
        return None
    tail = words[1:]
    if len(tail) == 1 and (tail[0] in TENS_WORDS or 10 <= UNITS_WORDS.get(tail[0], 0) <= 19):
        return _YEAR_HEADS[words[0]] * 100 + TENS_WORDS.get(tail[0], UNITS_WORDS.get(tail[0], 0))
    if len(tail) == 2 and tail[0] in TENS_WORDS and 1 <= UNITS_WORDS.get(tail[1], 0) <= 9:
        return _YEAR_HEADS[words[0]] * 100 + TENS_WORDS[tail[0]] + UNITS_WORDS[tail[1]]
    return None


def _spelt_number(m: re.Match) -> str:
    year = _year_in_words(m.group().lower().replace("-", " ").split())
    if year is not None:
        return str(year)
    value = words_value(m.group().replace("-", " "))
    return m.group() if value is None else f"{value:.12g}" if value != int(value) else str(int(value))


def _number(m: re.Match) -> str:
    """A figure matched by _MONEY_OR_NUMBER in canonical words."""
    return _figure_words(m["cur"], m["num"], m["scale"], m["curword"], m["pct"], m.group())


def _figure_words(cur: str | None, num: str, scale: str | None, curword: str | None, pct: str | None,
                  matched: str) -> str:
    if scale is None and len(num) <= 15 and num.isdigit():
        text = str(int(num))  # a whole number without a scale, the usual figure: what float() gives below
    else:
        try:
            value = float(num.replace(",", ".") if _DECIMAL_COMMA.fullmatch(num) else num.replace(",", ""))
        except ValueError:
            return matched
        if scale:
            value *= _SCALE[scale]
        if not math.isfinite(value):  # over 308 digits: no float holds it, so the digits stand for themselves
            return f" {num.replace(',', '')} "
        text = f"{value:.12g}" if value != int(value) else str(int(value))
    if pct:
        return f" {text} percent "
    cur = _CURRENCY.get(cur or "") or _CURRENCY.get(curword or "")
    return f" {text} {cur} " if cur else f" {text} "


def normalise(text: str, drop_stop_words: bool = True) -> str:
    """Lower-case ASCII words and canonical numbers, separated by single spaces."""
    text = text or ""
    # each step below is skipped where it cannot change the text (same result, issue 19: a 100,000-item
    # fact-check feed is normalised at import): ASCII has nothing to decompose, a score needs a dash,
    # a figure a digit
    if not text.isascii() and _NOT_PLAIN.search(text):
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    else:
        text = text.lower()
    # four substring tests, a third of the time of one search for the six words ("illion": three of them)
    if "illion" in text or "hundred" in text or "thousand" in text or "dozen" in text:
        text = _HALF_OR_ONE.sub(_half_or_one, text)
    if "half" in text:
        text = _HALF_HOUR.sub("30 minute", text)
    if "-" in text or "–" in text:
        text = _SCORE.sub(_score_sides, text)
    text = _NUMBER_WORDS.sub(_spelt_number, text)
    text = _figures(text)
    if _DOT_DIGIT(text):
        words = _WORDS.findall(text)
        if drop_stop_words:
            words = [w for w in words if w not in STOP_WORDS]
    else:
        # _WORDS's matches are the runs between its non-word characters when none is a "." before a digit
        # (a decimal's); split() is the cheaper pass of the two, and leaves "" at either end to drop
        words = _NON_WORDS(text)
        if drop_stop_words:
            words = [w for w in words if w not in _STOP_WORDS_OR_NONE]
        else:
            words = [w for w in words if w]
    return " ".join(words)


def _figures(text: str) -> str:
    """_MONEY_OR_NUMBER.sub(_number, text), its matches found from their first digit: the pattern opens with
    two optional parts (a currency sign, a space), which leaves the regex engine no first character to look
    for, so sub() tried it at every position. The part from the digit on is the same whatever came before
    it, so it matches from the first digit of each figure sub() finds; what sub() takes before that digit is
    read off the two characters before it as sub() tries them, leftmost first: a sign and a space, then a
    sign or a space. Nothing of the figure before is taken again (`done`); where the part from a digit fails
    ("12th": a figure ends at a word's end) the engine goes on to the next digit, as sub() does."""
    parts: list[str] = []
    done = 0  # text[:done] is in parts
    for figure in _FIGURE_FROM_ITS_DIGIT.finditer(text):
        start = figure.start()
        cur = None
        before = text[max(done, start - 2):start]  # the one or two characters before the digit, not yet taken
        if before:
            last = before[-1]
            if last in _CURRENCY_SIGNS:
                cur, start = last, start - 1
            elif last.isspace():
                start -= 1
                if len(before) == 2 and before[0] in _CURRENCY_SIGNS:
                    cur, start = before[0], start - 1
        num, scale, curword, pct = figure["num"], figure["scale"], figure["curword"], figure["pct"]
        at = figure.start()
        if scale and at and (text[at - 1].isalpha() or text[at - 1] == "-" and at > 1 and text[at - 2].isalpha()
                             and (at < 3 or not text[at - 3].isdigit())):
            # the digits of a code, "h-1b visas", "y2k": no scale (and "h-1b" reads "h 1 b" as typed either way)
            parts += (text[done:at], _figure_words(None, num, None, None, None, num))
            done = figure.end("num")
            continue
        parts += (text[done:start], _figure_words(cur, num, scale, curword, pct, text[start:figure.end()]))
        done = figure.end()
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)

# signs news text is full of that NFKD leaves as they are and that combine with nothing: a text that is
# ASCII besides them needs no decomposition ("£12bn" did, at a third of the normaliser's time)
_NOT_PLAIN = re.compile("[^\x00-\x7f£€¥’‘“”–—]")
_WORDS = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")
_NON_WORDS = re.compile(r"[^a-z0-9]+").split
_DOT_DIGIT = re.compile(r"\.[0-9]").search
_STOP_WORDS_OR_NONE = STOP_WORDS | {""}
SEPARATOR = " | "


def search_text(claim: str, sentence: str = "", speaker: str | None = None, *,
                sentence_words: str | None = None) -> str:
    """What the search index holds for a claim: its words, then its sentence's (and a quote's speaker).

    Padded with a space at both ends so that every word has a space on each side: the trigram
    index can then match " 74 " as a whole word rather than inside 1974 or 740.
    `sentence_words` is normalise(sentence) when the caller has it already: a sentence holds many claims.
    """
    head = normalise(claim)
    if speaker:
        head = f"{normalise(speaker)} {head}"
    return f" {head}{SEPARATOR}{normalise(sentence) if sentence_words is None else sentence_words} "
