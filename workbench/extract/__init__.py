"""Extraction: pure functions from an article body to sentences, claims and quotes.

Nothing here touches SQLite, files or Textual. Every span indexes `body`
(Python str offsets) and satisfies body[start:end] == text.
"""
from __future__ import annotations

from datetime import date

from ..model import Extraction
from .checkworthiness import score_sentences
from .consistency import add_consistency_hints
from .dates import find_dates
from .quantities import find_quantities
from .quotes import attribute_claims, find_quotes
from .sentences import split_sentences


def extract(body: str, published: date | None = None) -> Extraction:
    """Split `body` into sentences, atomic claims and quotes; `published` anchors relative dates."""
    sentences = split_sentences(body)
    sentences = score_sentences(body, sentences)
    claims = find_quantities(body, sentences, published) + find_dates(body, sentences, published)
    claims.sort(key=lambda c: (c.start, -c.end))
    claims = add_consistency_hints(body, claims)
    quotes = find_quotes(body, sentences)
    claims = attribute_claims(body, sentences, claims, quotes)
    return Extraction(sentences=sentences, claims=claims, quotes=quotes)
