"""Sentences composed from news vocabulary (tests/news_grammar.py) never break the extractor, and every
span it emits is a true slice of the body: the rules fire on these, unlike on arbitrary Unicode."""
from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings

from news_grammar import articles, sentences
from workbench.extract import extract

GRAMMAR = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_true_slices(body: str) -> None:
    result = extract(body, date(2015, 11, 24))
    for item in (*result.claims, *result.quotes):
        assert 0 <= item.start < item.end <= len(body)
        assert body[item.start:item.end] == item.text
    for q in result.quotes:
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(body)
            assert q.speaker, "a speaker span with no speaker"
    for c in result.claims:
        assert 0 <= c.sentence_start <= c.start and c.end <= c.sentence_end <= len(body)


@GRAMMAR
@given(sentences())
def test_composed_sentences_give_only_true_slices(body):
    assert_true_slices(body)


@GRAMMAR
@given(articles())
def test_composed_articles_give_only_true_slices(body):
    assert_true_slices(body)
