"""The figure-and-year rule of matching: "unemployment is 4%" is not the claim of a check of
"unemployment is 7%", however alike the words. Figures and years are the extractor's own readings
(normalised values: 4.1 per cent, £12bn = 12000000000 GBP, "in 2019"), so a figure written another
way still agrees; a rounded one agrees with the precise one ("about 4%" with "4.1%")."""
from __future__ import annotations

from collections.abc import Iterable
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
        for key in ("number", "low", "high", "from", "to"):
            number = value.get(key)
            if isinstance(number, (int, float)) and not isinstance(number, bool):
                out.append(Figure(measure, float(number), text))
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

    return tuple(figures_of(find_claims(text, split_sentences(text))))


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
    """Why a fact-check that reads like our sentence is not a check of it: one of its figures has the like
    of ours beside it and none agrees ("this says 4 percent; the check is of 7%"). None when every figure of
    the check that can be compared agrees (a figure only one side gives is no conflict)."""
    for figure in theirs:
        like = [f for f in ours if f.kind == figure.kind]
        if like and not any(agree(f.number, figure.number) for f in like):
            what = "year" if figure.kind == "year" else "figure"
            said = ", ".join(dict.fromkeys(f.text for f in like))
            return f"a different {what}: this says {said}; the check is of {figure.text}"
    return None
