"""Numbers, money, percentages, measures, counts, ranges and comparisons."""
from __future__ import annotations

from datetime import date

from ..model import Claim, Sentence


def find_quantities(body: str, sentences: list[Sentence], published: date | None) -> list[Claim]:
    return []
