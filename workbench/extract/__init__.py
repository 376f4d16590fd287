"""Extraction: pure functions from an article body to sentences, claims and quotes.

Nothing here touches SQLite, files or Textual. Every span indexes `body`
(Python str offsets) and satisfies body[start:end] == text.
"""
from __future__ import annotations

from datetime import date

from ..model import Claim, Extraction
from .checkworthiness import score_sentences
from .consistency import add_consistency_hints
from .dates import find_dates
from .quantities import find_quantities
from .quotes import attribute_claims, find_quotes
from .sentences import split_sentences

# A calendar date wins over a bare count read from the same digits ("24 November");
# money, percentages, measures and durations win over a date that overlaps them.
_DATE_BEATS = {"count", "ordinal"}


def extract(body: str, published: date | None = None) -> Extraction:
    """Split `body` into sentences, atomic claims and quotes; `published` anchors relative dates."""
    sentences = score_sentences(body, split_sentences(body))
    dates = find_dates(body, sentences, published)
    figures = find_quantities(body, sentences, published)
    claims = _merge(dates, figures)
    claims = add_consistency_hints(body, claims)
    quotes = find_quotes(body, sentences)
    claims = attribute_claims(body, sentences, claims, quotes)
    return Extraction(sentences=sentences, claims=claims, quotes=quotes)


def _merge(dates: list[Claim], figures: list[Claim]) -> list[Claim]:
    kept_figures = []
    di = 0
    for f in figures:
        clash = next((d for d in dates if d.start < f.end and f.start < d.end), None) if dates else None
        if clash is not None and f.kind in _DATE_BEATS:
            continue
        kept_figures.append(f)
    kept_dates = [d for d in dates
                  if not any(f.start < d.end and d.start < f.end and f.kind not in _DATE_BEATS for f in kept_figures)]
    del di
    return sorted(kept_dates + kept_figures, key=lambda c: (c.start, -c.end))
