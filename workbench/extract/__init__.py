"""Extraction: pure functions from an article body to sentences, claims and quotes.

Nothing here touches SQLite, files or Textual. Every span indexes `body`
(Python str offsets) and satisfies body[start:end] == text.
"""
from __future__ import annotations

from datetime import date

from ..model import Claim, Extraction, Sentence
from .checkworthiness import score_sentences
from .consistency import add_consistency_hints
from .dates import find_dates
from .numbers import claim_checkworthiness
from .quantities import find_quantities
from .quotes import attribute_claims, find_quotes
from .sentences import split_sentences

# A calendar date wins over a bare count read from the same digits ("24 November");
# money, percentages, measures and durations win over a date that overlaps them.
_DATE_BEATS = {"count", "ordinal"}


def extract(body: str, published: date | None = None) -> Extraction:
    """Split `body` into sentences, atomic claims and quotes; `published` anchors relative dates."""
    sentences = split_sentences(body)
    claims = find_claims(body, sentences, published)
    # the figures a sentence holds are features of its score, and its score is part of theirs
    sentences = score_sentences(body, sentences, claims)
    claims = _with_sentence_scores(sentences, claims)
    claims = add_consistency_hints(body, claims)
    quotes = find_quotes(body, sentences)
    claims = attribute_claims(body, sentences, claims, quotes)
    return Extraction(sentences=sentences, claims=claims, quotes=quotes)


def find_claims(body: str, sentences: list[Sentence], published: date | None = None) -> list[Claim]:
    """The dates and figures of `body`, a date and a figure read from the same digits merged, in body order."""
    return _merge(find_dates(body, sentences, published), find_quantities(body, sentences, published))


def _with_sentence_scores(sentences: list[Sentence], claims: list[Claim]) -> list[Claim]:
    """The claims again, each scored with its sentence's check-worthiness (they were found unscored)."""
    worth = {s.start: s.checkworthiness for s in sentences}
    return [Claim(kind=c.kind, text=c.text, start=c.start, end=c.end, sentence_start=c.sentence_start,
                  sentence_end=c.sentence_end, value=c.value, hints=c.hints, speaker=c.speaker,
                  checkworthiness=claim_checkworthiness(c.kind, worth[c.sentence_start], c.value))
            if c.sentence_start in worth else c for c in claims]


def _merge(dates: list[Claim], figures: list[Claim]) -> list[Claim]:
    # coverage maps instead of pairwise tests: a 1 MB line holds tens of thousands of figures
    size = max((c.end for c in (*dates, *figures)), default=0)
    dated = _coverage(size, dates)
    kept_figures = [f for f in figures if not (f.kind in _DATE_BEATS and dated.find(1, f.start, f.end) != -1)]
    strong = _coverage(size, [f for f in kept_figures if f.kind not in _DATE_BEATS])
    kept_dates = [d for d in dates if strong.find(1, d.start, d.end) == -1]
    return sorted(kept_dates + kept_figures, key=lambda c: (c.start, -c.end))


def _coverage(size: int, claims: list[Claim]) -> bytearray:
    """1 at every character some claim covers."""
    covered = bytearray(size)
    for c in claims:
        if c.end > c.start:
            covered[c.start:c.end] = b"\x01" * (c.end - c.start)
    return covered
