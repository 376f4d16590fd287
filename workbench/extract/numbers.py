"""Reading numbers as newsrooms write them: "5,000", "1.2m", "twenty-five", "a dozen",
"a third", "one in five". Shared by the quantity and date finders and by figure checks."""
from __future__ import annotations

import re

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
VAGUE_COUNTS = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
                "billions": 2_000_000_000, "tens of thousands": 20_000, "hundreds of thousands": 200_000}
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
    r"|" + "|".join(sorted(UNITS_WORDS, key=len, reverse=True)) + r"|a\s+dozen|a\s+hundred|a\s+thousand|dozen)"
)
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_WORD_TOKEN = re.compile(r"[a-z]+", re.IGNORECASE)


def digits_value(text: str) -> float:
    return float(text.replace(",", ""))


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
    m = re.match(r"(\d[\d,]*(?:\.\d+)?|\.\d+)\s*-?\s*([a-z]+)?", t)
    if m:
        value = digits_value(m.group(1))
        scale = m.group(2)
        if scale in SCALES:
            value *= SCALES[scale]
        return value
    return words_value(t)


def clean_number(value: float) -> int | float:
    """5000.0 → 5000, 0.3333333 → 0.333: what a reader expects to see."""
    value = float(f"{value:.12g}")  # 17.1 * 1e9 is 17100000000.000002 in binary floating point
    if value == int(value) and abs(value) < 1e15:
        return int(value)
    return round(value, 3) if abs(value) < 1 else round(value, 6)
