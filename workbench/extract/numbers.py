"""Reading numbers as newsrooms write them: "5,000", "1.2m", "twenty-five", "a dozen",
"a third", "one in five". Shared by the quantity and date finders and by figure checks."""
from __future__ import annotations

import math
import re  # not re_cached: `workbench search` reads this module, and must not load the extractor's regex store

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
    "bn": 1_000_000_000, "b": 1_000_000_000, "tn": 1_000_000_000_000, "lakh": 100_000, "crore": 10_000_000,
}
# a vague plural is normalised to the unit it counts in ("dozens" → 12, "thousands" → 1000): a floor a
# reviewer can check against, marked approx; the exact figure is unknowable from the text
VAGUE_COUNTS = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
                "billions": 1_000_000_000, "tens of thousands": 10_000, "hundreds of thousands": 100_000}
FRACTION_WORDS = {
    "half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25, "fifth": 0.2,
    "fifths": 0.2, "sixth": 1 / 6, "tenth": 0.1, "tenths": 0.1, "eighth": 0.125, "twentieth": 0.05,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20, "hundredth": 100,
}

WORD_NUMBER = (
    r"(?:(?:" + "|".join(TENS_WORDS) + r")(?:[\s-](?:" + "|".join(k for k in UNITS_WORDS if k != "zero") + r"))?"
    r"|" + "|".join(sorted(UNITS_WORDS, key=len, reverse=True)) + r"|a\s+dozen|a\s+hundred|a\s+thousand"
    r"|(?<!\bin\s)a(?=\s+(?:million|billion|trillion)\b)|dozen)"  # "a million", not "one in a million"
)
VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625,
                    "⅞": 0.875, "⅕": 0.2}
# thousands groups ("5,000"; a stray space before a group of zeros, "80, 000", since nobody writes a
# free-standing "000"), Indian lakh grouping ("12,34,567"), decimals, mixed fractions ("10 1/2", "7¾")
DIGITS = (
    r"(?:\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?!,?\d)"
    r"|\d{1,3}(?:,(?:\d{3}|\s0\d\d))+(?:\.\d+)?"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+(?![.,]\d)"  # "300 000", with a thin or no-break space too
    r"|\d+\s(?:1/[248]|3/[48]|[1-7]/8|[12]/3)(?![\d/])"
    r"|\d*[½¼¾⅓⅔⅛⅜⅝⅞⅕]"
    r"|\d+(?:\.\d+)?|\.\d+)"
)
_MIXED = re.compile(r"(\d*)\s?(?:(\d)/(\d)|([½¼¾⅓⅔⅛⅜⅝⅞⅕]))$")
_WORD_TOKEN = re.compile(r"[a-z]+", re.IGNORECASE)


def digits_value(text: str) -> float:
    """"5,000" → 5000, "80, 000" → 80000, "10 1/2" → 10.5, "¾" → 0.75."""
    text = text.replace(",", "")
    if "/" in text or not text[-1:].isascii():
        m = _MIXED.search(text)
        if m:
            whole = float(m.group(1) or 0)
            frac = VULGAR_FRACTIONS[m.group(4)] if m.group(4) else int(m.group(2)) / int(m.group(3))
            return whole + frac
    return float(text.replace(" ", "").replace("\u00a0", "").replace("\u202f", ""))


def words_value(text: str) -> float | None:
    """Value of a number written in words ("twenty-five", "two hundred", "a dozen")."""
    total, current, seen = 0.0, 0.0, False
    for token in _WORD_TOKEN.findall(text.lower()):
        if token in ("a", "an", "and"):
            if token == "a" and not seen:
                current, seen = 1.0, True
            continue
        if token == "dozen":
            current = (current or 1) * 12
        elif token in UNITS_WORDS:
            current += UNITS_WORDS[token]
        elif token in TENS_WORDS:
            current += TENS_WORDS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in SCALES and len(token) > 2:
            total += (current or 1) * SCALES[token]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def number_value(text: str) -> float | None:
    """Value of "5,000", "1.2m", "£12bn", "two million", "a dozen"; None if it is not a number."""
    t = text.strip().lower()
    m = re.match(r"(\d[\d,]*(?:\.\d+)?|\.\d+)\s{0,3}(?:-\s{0,2})?([a-z]+)?", t)
    if m:
        value = digits_value(m.group(1))
        scale = m.group(2)
        if scale in SCALES:
            value *= SCALES[scale]
        return value
    return words_value(t)


def scale_factor(text: str) -> float:
    """"million" → 1e6, "hundred thousand" → 1e5: a scale of one or more words (1 if none)."""
    factor = 1.0
    for word in text.lower().replace("-", " ").split():
        factor *= SCALES.get(word, 1)
    return factor


def clean_number(value: float) -> int | float:
    """5000.0 → 5000, 0.0085 stays 0.0085: what a reader expects to see (fractions round themselves)."""
    value = float(f"{value:.12g}")  # 17.1 * 1e9 is 17100000000.000002 in binary floating point
    if not math.isfinite(value):  # over 308 digits: extract() drops the claim, no float holds its figure
        return value
    if value == int(value) and abs(value) < 1e15:
        return int(value)
    return value


# how much a fact-checker wants each kind of figure, before its sentence is considered: money,
# shares and comparisons are what gets checked most; a date or an ordinal mostly places a claim
KIND_WEIGHT = {"money": 1.0, "percent": 1.0, "comparison": 1.0, "range": 0.95, "count": 0.9,
               "quantity": 0.85, "distance": 0.85, "duration": 0.75, "ordinal": 0.7, "date": 0.6}


def claim_checkworthiness(kind: str, sentence_worth: float, value: dict | None = None) -> float:
    """A claim's score 0..1: its sentence's score, lifted so any figure counts, scaled by its kind;
    vague figures ("dozens of") are harder to check than exact ones."""
    score = KIND_WEIGHT.get(kind, 0.8) * (0.35 + 0.65 * max(0.0, min(1.0, sentence_worth)))
    if value and value.get("vague"):
        score *= 0.8
    return round(min(1.0, score), 3)
