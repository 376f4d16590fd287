"""Property tests: extraction never crashes and every span it emits is a true slice of the body.

Arbitrary Unicode from hypothesis, text built from news-like pieces (so the
figure, date and quote rules actually fire), and a few hostile bodies.
"""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.extract import extract

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that make the extractor's rules fire, glued together in random order.
_PIECES = [
    "Mr. ", "Dr. ", "U.S. ", "Jan. 5 ", "No. 10 ", "3 p.m. ", "£12 billion ", "($18.2 billion) ", "90 of 130 ",
    "45% ", "150 per cent ", "nearly two months ", "on Monday ", "in May ", "1.2m ", "a third ", "one in five ",
    '"', "“", "”", "‘", "’", "«", "»", "'", ", he said. ", " said Jane Doe.", " told reporters: ", "...", "…",
    ". ", "? ", "! ", "\n", "\n\n", "SPEAKER: ", "The prime minister said ", "state television said ",
    "\u200b", "\u200f", "\u202e", "\x00", "\ufeff", "é", "ß", "İ", "ﬁ", "٣", "١٢", "𝟘", "🙂", " ", "\t", "\r\n",
    "5,000-strong ", "by 2025 ", "the highest since 1990 ", "doubled ", "-", "–", "(", ")", "[/b]",
]
news_like = st.lists(st.sampled_from(_PIECES) | st.text(max_size=12), max_size=60).map("".join)
published = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


def assert_spans_are_slices(body: str) -> None:
    result = extract(body, date(2015, 11, 24))
    previous_end = 0
    for s in result.sentences:
        assert 0 <= s.start < s.end <= len(body)
        assert s.start >= previous_end, "sentences overlap or run backwards"
        assert 0.0 <= s.checkworthiness <= 1.0
        previous_end = s.end
    for c in result.claims:
        assert 0 <= c.start < c.end <= len(body)
        assert body[c.start:c.end] == c.text
        assert 0 <= c.sentence_start <= c.start and c.end <= c.sentence_end <= len(body)
        assert 0.0 <= c.checkworthiness <= 1.0
    for q in result.quotes:
        assert 0 <= q.start < q.end <= len(body)
        assert body[q.start:q.end] == q.text
        if q.speaker_start is not None or q.speaker_end is not None:
            assert q.speaker_start is not None and q.speaker_end is not None
            assert 0 <= q.speaker_start < q.speaker_end <= len(body)


@PROPERTY
@given(st.text())
def test_arbitrary_unicode_gives_only_true_slices(body):
    assert_spans_are_slices(body)


@PROPERTY
@given(news_like)
def test_news_like_text_gives_only_true_slices(body):
    assert_spans_are_slices(body)


@PROPERTY
@given(news_like, published)
def test_any_published_date_is_accepted(body, when):
    result = extract(body, when)
    assert all(body[c.start:c.end] == c.text for c in result.claims)


@pytest.mark.parametrize("body", [
    '"' * 100_000,
    "“" * 50_000 + "”" * 50_000,
    ("The cost rose 12% to £3.5 billion on Monday, he said. " * 20_000)[:1_000_000],
    "x" * 1_000_000,
    "\x00" * 10_000 + "He said 5 people died.\x00",
    "\u202eقال الوزير إن 40 شخصا قتلوا.\u202c He said \u200b12\u200b people were hurt.",
    "\u200b" * 100_000,
    "." * 200_000 + "?" * 200_000,
    "\n" * 200_000,
], ids=["100k-straight-quotes", "curly-quotes", "1MB-figures-line", "1MB-one-word", "nul", "rtl-zero-width",
        "zero-width-run", "stops", "newlines"])
def test_hostile_bodies_give_only_true_slices(body):
    assert_spans_are_slices(body)
