"""The figure-and-year rule of matching: "unemployment is 4%" is not the claim of a check of
"unemployment is 7%", however alike the words. Figures and years are the extractor's own readings
(normalised values: 4.1 per cent, £12bn = 12000000000 GBP, "in 2019"), so a figure written another
way still agrees; a rounded one agrees with the precise one ("about 4%" with "4.1%")."""
from __future__ import annotations

from collections.abc import Iterable
import re
from functools import lru_cache
from typing import Any, NamedTuple


class Figure(NamedTuple):
    kind: str  # what it is measured in: "percent", "money usd", "count", "year", …; only like kinds compare
    number: float
    text: str  # as written, for the note shown to the reviewer


def figures_of(claims: Iterable[Any]) -> list[Figure]:
    """The figures and years of claims (extractor Claims or stored claim rows with a `value`)."""
    out: list[Figure] = []
    for claim in claims:
        kind, value, text = _get(claim, "kind"), _get(claim, "value") or {}, _get(claim, "text") or ""
        if not isinstance(value, dict) or kind in ("quote", "rank"):
            continue
        if kind == "date":
            year = str(value.get("date") or "")[:4]
            if year.isdigit() and not value.get("relative") and not value.get("ago"):
                out.append(Figure("year", float(year), text))
            continue
        unit = " ".join(str(value[k]) for k in ("currency", "unit") if value.get(k))
        measure = f"{kind} {unit}".strip()
        scale = 1.0
        if value.get("unit") == "share":  # "one in five" is 20%, as a check may write it
            measure, scale = "percent percent", 100.0
        for key in ("number", "low", "high", "from", "to"):
            number = value.get(key)
            if isinstance(number, (int, float)) and not isinstance(number, bool):
                out.append(Figure(measure, round(float(number) * scale, 6), text))
        for amount in value.get("amounts", [])[1:]:  # "£12bn ($18.2bn)": each currency's figure stands
            if isinstance(amount, dict) and isinstance(amount.get("number"), (int, float)):
                out.append(Figure(f"{kind} {amount.get('currency', '')}".strip(), float(amount["number"]), text))
    return out


def _get(claim: Any, name: str) -> Any:
    return claim.get(name) if isinstance(claim, dict) else getattr(claim, name, None)


@lru_cache(maxsize=4096)  # the same fact-checks come up for many claims of an article
def figures_in_text(text: str) -> tuple[Figure, ...]:
    """The figures and years of a short text (a fact-check's claimReviewed), read by the extractor."""
    from ..extract import find_claims
    from ..extract.sentences import split_sentences

    return tuple(with_years(figures_of(find_claims(text, split_sentences(text))), text))


_YEAR = re.compile(r"(?<![\d.,£$€])\b(1[89]\d\d|20\d\d)\b(?![.,]\d)(?!\s?(?:%|per ?cent|m\b|bn\b|million|billion))")


def with_years(figures: list[Figure], text: str) -> list[Figure]:
    """The figures, and every year written in the text that they lack: the extractor reads "68 in 2039"
    as a proportion (68 of 2039), which would hide the year a check is of."""
    years = {f.number for f in figures if f.kind == "year"}
    for m in _YEAR.finditer(text):
        if float(m[1]) not in years:
            years.add(float(m[1]))
            figures.append(Figure("year", float(m[1]), m[1]))
    return figures


def agree(a: float, b: float) -> bool:
    """Equal, or equal once the more precise is rounded as the other is written: 4 and 4.1, 12bn and 12.3bn,
    130 and 130; not 4 and 7, 100 and 130, nor 2019 and 2020."""
    if a == b:
        return True
    coarse, fine = (a, b) if _places(a) <= _places(b) else (b, a)
    step = 10.0 ** -_places(coarse)
    if _places(coarse) == 0:  # 12000000000: rounded to its last non-zero digit (12 billion, not 12,000,000,000)
        digits = f"{abs(coarse):.0f}"
        step = 10.0 ** (len(digits) - len(digits.rstrip("0"))) if coarse else 1.0
    # and within a tenth: 100 is no rounding of 130, though both are written to the hundred
    return coarse != 0 and abs(fine - coarse) <= step / 2 and abs(fine - coarse) <= abs(coarse) / 10


def _places(x: float) -> int:
    text = f"{x:.10f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def differing_figures(ours: list[Figure], theirs: Iterable[Figure]) -> str | None:
    """Why a fact-check that reads like our sentence is not a check of it, or None:
    - one of its figures has the like of ours beside it (a percentage, a sum in pounds, a year) and none
      agrees ("this says 4%; the check is of 7%");
    - both give figures (years aside) and not one of theirs agrees with one of ours, whatever each is
      read as (the extractor may read "48 million passengers" and "$82 million" as different kinds).
    A figure only one side gives is no conflict: a check may leave out the year, an article the total."""
    theirs = list(theirs)
    for figure in theirs:
        like = [f for f in ours if f.kind == figure.kind]
        if like and not any(_same(f, figure) for f in like):
            return _note(figure, like)
    # "doubled", "a third" of a change agree too easily to vouch for the claim: its amounts must
    our_numbers = [f for f in ours if f.kind not in ("year", "comparison")]
    their_numbers = [f for f in theirs if f.kind not in ("year", "comparison")]
    if our_numbers and their_numbers and not any(_comparable(a, b) and agree(a.number, b.number)
                                                 for a in our_numbers for b in their_numbers):
        return _note(their_numbers[0], our_numbers)
    return None


def _comparable(a: Figure, b: Figure) -> bool:
    """Of one kind, one of them a bare number, or measures whose units are written two ways ("120 mph",
    "120 miles per hour"); but £80m and $82m are two sums."""
    if a.kind == b.kind or " " not in a.kind or " " not in b.kind:
        return True
    family = a.kind.split()[0]
    return family == b.kind.split()[0] and family != "money"


def _same(a: Figure, b: Figure) -> bool:
    """A year is the year (2020 is no rounding of 2015); other figures may be rounded."""
    return a.number == b.number if a.kind == "year" else agree(a.number, b.number)


def _note(figure: Figure, ours: list[Figure]) -> str:
    what = "year" if figure.kind == "year" else "figure"
    said = ", ".join(dict.fromkeys(f.text for f in ours))
    return f"a different {what}: this says {said}; the check is of {figure.text}"
