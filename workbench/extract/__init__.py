"""Extraction: pure functions from an article body to sentences, claims and quotes.

Nothing here touches SQLite, files or Textual. Every span indexes `body`
(Python str offsets) and satisfies body[start:end] == text.
"""
from __future__ import annotations

import bisect

import math
from datetime import date
from typing import Callable

from ..model import Claim, Extraction, Sentence, replaced

# A calendar date wins over a bare count read from the same digits ("24 November");
# money, percentages, measures and durations win over a date that overlaps them.
_DATE_BEATS = {"count", "ordinal"}


# the share of an extraction each step takes (measured on 5 MB of news text), for `progress`
_STEP_DONE = {"sentences": 0.05, "figures": 0.37, "scores": 0.53, "quotes": 0.85}


def extract(body: str, published: date | None = None,
            progress: Callable[[float], None] | None = None) -> Extraction:
    """Split `body` into sentences, atomic claims and quotes; `published` anchors relative dates.
    `progress(fraction)` is told, between steps, roughly how much of the work is done."""
    def done(step: str) -> None:
        if progress:
            progress(_STEP_DONE[step])

    # imported here, not at the top: the search normaliser reads .numbers, and `workbench search` must not
    # pay ~100 ms of start-up for the extractor's patterns it never runs
    from .checkworthiness import score_sentences
    from .consistency import add_consistency_hints
    from .quotes import attribute_claims, find_quotes
    from .sentences import split_sentences

    sentences = split_sentences(body)
    done("sentences")
    claims = find_claims(body, sentences, published)
    done("figures")
    # the figures a sentence holds are features of its score, and its score is part of theirs
    sentences = score_sentences(body, sentences, claims)
    claims = _with_sentence_scores(sentences, claims)
    claims = add_consistency_hints(body, claims)
    done("scores")
    quotes = find_quotes(body, sentences)
    done("quotes")
    claims = attribute_claims(body, sentences, claims, quotes)
    return Extraction(sentences=sentences, claims=claims, quotes=quotes)


def find_claims(body: str, sentences: list[Sentence], published: date | None = None) -> list[Claim]:
    """The dates, figures, ranks and superlatives of `body`, in body order: a date and a figure read from the
    same digits merged, a figure too large to be finite dropped, a rank kept where no figure reads it."""
    from .datelines import dateline_end
    from .dates import find_dates
    from .quantities import find_quantities

    figures = find_quantities(body, sentences, published)
    claims = _merge(find_dates(body, sentences, published), [f for f in figures if _finite(f.value)])
    filed = dateline_end(body)  # "LONDON, May 3 —": when the story was filed, not a date it claims
    if filed:
        claims = [c for c in claims if c.start >= filed]
    return _with_ranks(body, sentences, claims)


def _with_sentence_scores(sentences: list[Sentence], claims: list[Claim]) -> list[Claim]:
    """The claims again, each scored with its sentence's check-worthiness (they were found unscored)."""
    from .numbers import claim_checkworthiness

    worth = {s.start: s.checkworthiness for s in sentences}
    return [replaced(c, checkworthiness=claim_checkworthiness(c.kind, worth[c.sentence_start], c.value))
            if c.sentence_start in worth else c for c in claims]


def _merge(dates: list[Claim], figures: list[Claim]) -> list[Claim]:
    # coverage maps instead of pairwise tests: a 1 MB line holds tens of thousands of figures
    size = max((c.end for c in (*dates, *figures)), default=0)
    dated = _coverage(size, dates)
    ago = _coverage(size, [d for d in dates if d.value and "ago" in d.value])
    kept_figures = [f for f in figures if not (f.kind in _DATE_BEATS and dated.find(1, f.start, f.end) != -1)
                    and not (f.kind == "duration" and ago.find(1, f.start, f.end) != -1)]  # "two years ago"
    strong = _coverage(size, [f for f in kept_figures if f.kind not in _DATE_BEATS])
    kept_dates = [d for d in dates if strong.find(1, d.start, d.end) == -1]
    return sorted(kept_dates + kept_figures, key=lambda c: (c.start, -c.end))


def _finite(value: object) -> bool:
    """No infinity or NaN anywhere in a claim's value: a figure of over 308 digits is no float, nothing a
    reviewer can check, and would reach the JSON export as `Infinity`, which strict parsers refuse."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return all(_finite(v) for v in value)
    return True


def _with_ranks(body: str, sentences: list[Sentence], claims: list[Claim]) -> list[Claim]:
    """The claims and every rank or superlative that overlaps none of them (a figure's own reading
    of "the fifth-largest" or "lowest since 2009" is kept)."""
    from .numbers import ORDINAL_WORDS
    from .proportions import find_proportions
    from .ranks import find_ranks
    from .sentences import claim_in_sentence

    ranks = sorted(find_ranks(body) + find_proportions(body, body.lower()))  # proportions: regex on body
    if not ranks:
        return claims
    covered = _coverage(len(body) + 1, claims)
    claims = _absorb_dates(claims, ranks, covered)  # "the most liberal justices since 1937"
    by_start = {c.start: i for i, c in enumerate(claims)}
    starts = [s.start for s in sentences]
    added = []
    for start, end, kind, value in ranks:
        hit = covered.find(1, start, end) if end > start else start
        if hit == start:
            continue
        if hit != -1:
            figure = by_start.get(hit)
            lead = body[start:hit]
            record = value.get("superlative") == "record" and lead.split()[-1:] in (["record"], ["Record"])
            if figure is not None and (claims[figure].end <= end or record) and lead.rstrip() != lead \
                    and len(lead.split()) <= 3 and (kind == "ordinal" and lead.split()[-1].lower() in ORDINAL_WORDS
                                                    or record):
                # "the first 100 days", "a record €228.6 billion": the figure's claim takes the place or
                # the record that comes before it
                c = claims[figure]
                claims[figure] = replaced(c, start=start, text=body[start:c.end],
                                          value={**(c.value or {}), **value})
                covered[start:hit] = b"\x01" * (hit - start)
                continue
            if figure is not None and kind == "ordinal" and claims[figure].kind == "ordinal" \
                    and claims[figure].end <= end:
                # "the 45th president", "her 70th international goal": the rank with what it ranks, not
                # the bare "45th" the figures read
                c = claims[figure]
                claims[figure] = replaced(c, start=start, end=end, text=body[start:end],
                                          value={**(c.value or {}), **value})
                covered[start:end] = b"\x01" * (end - start)
                continue
            if kind != "ordinal" or len(lead.split()) < 3:
                continue
            end = len(lead.rstrip(" ,;:")) + start  # "her first caucus Saturday": the date keeps its day
        covered[start:end] = b"\x01" * (end - start)
        added.append(claim_in_sentence(body, sentences, starts, start, end, kind, value, 0.5))
    return sorted(claims + added, key=lambda c: (c.start, -c.end)) if added else claims


def _absorb_dates(claims: list[Claim], ranks: list[tuple[int, int, str, dict]],
                  covered: bytearray) -> list[Claim]:
    """The claims without the dates inside a superlative's "since …" (its basis is part of it), when only
    dates lie inside it; `covered` is cleared where they were. One pass: a bisect a rank, one rebuild."""
    starts = [c.start for c in claims]  # claims are in body order
    drop: set[int] = set()
    for start, end, _, value in ranks:
        if "since" not in value or covered.find(1, start, end) <= start:
            continue  # nothing inside, or a claim covers the rank's start (it is no basis of it)
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        inside = range(first, last)
        if not inside or any(claims[i].kind != "date" or claims[i].end > end for i in inside):
            continue
        for i in inside:
            covered[claims[i].start:claims[i].end] = b"\x00" * (claims[i].end - claims[i].start)
        drop.update(inside)
    return [c for i, c in enumerate(claims) if i not in drop] if drop else list(claims)


def _coverage(size: int, claims: list[Claim]) -> bytearray:
    """1 at every character some claim covers."""
    covered = bytearray(size)
    for c in claims:
        if c.end > c.start:
            covered[c.start:c.end] = b"\x01" * (c.end - c.start)
    return covered
