"""Dates and durations, resolved against the article's published date."""
from __future__ import annotations

from datetime import date

from ..model import Claim, Sentence


def find_dates(body: str, sentences: list[Sentence], published: date | None) -> list[Claim]:
    return []
