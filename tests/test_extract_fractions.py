"""A fraction word is read with what it belongs to (issue 14): "two and a half million people" is 2.5
million, "a half-dozen candidates" six, "a third-party candidate" and "a year and a half" no share.
Sentences composed for these tests.
"""
from __future__ import annotations

from datetime import date

import pytest

from workbench.extract import extract


def _claims(text: str) -> list[tuple[str, dict]]:
    return [(c.text, c.value) for c in extract(text, published=date(2020, 6, 1)).claims]


def test_the_extractor_reads_the_whole_before_a_half():
    [(text, value)] = _claims("Two and a half million people voted by post.")
    assert text == "Two and a half million people" and value["number"] == 2_500_000
    [(text, value)] = _claims("The bridge cost one and a half billion dollars.")
    assert text == "one and a half billion dollars" and value["number"] == 1_500_000_000


def test_a_half_dozen_and_a_half_billion_are_counts_not_shares():
    [(text, value)] = _claims("A half-dozen candidates spoke at the rally.")
    assert text == "A half-dozen candidates" and value["number"] == 6
    [(text, value)] = _claims("The firm plans to cut a half-billion dollars in costs.")
    assert text == "a half-billion dollars" and value["number"] == 500_000_000
    [(text, value)] = _claims("Aides called half a dozen council members.")
    assert text == "half a dozen council members" and value["number"] == 6


@pytest.mark.parametrize("text", [
    "He may run as a third-party candidate.",
    "She gave a half-hour speech.",
    "It took a year and a half to build the road.",
    "Staff are paid time and a half.",
    "The vote came an hour and a half later.",
])
def test_a_fraction_word_in_a_compound_or_after_and_is_no_share(text):
    assert [t for t, v in _claims(text) if v.get("unit") == "share"] == []


def test_a_fraction_of_a_period_ago_is_one_date():
    claims = dict(_claims("The plant closed a quarter-century ago. The mill opened half a century ago."))
    assert claims["a quarter-century ago"]["date"] == "1995"
    assert claims["half a century ago"]["ago"] == "half a century"


def test_centuries_ago_with_a_publication_date_is_read_not_a_crash():
    # "centuries" left the unit "centurie", which no table held: a KeyError once the date was known
    [(text, value)] = _claims("The chapel was built three centuries ago.")
    assert text == "three centuries ago" and value["date"] == "1720" and value["unit"] == "century"


@pytest.mark.parametrize("text, claim, number", [
    ("The embassy issued about 90,000 K-1 visas last year.", "about 90,000 K-1 visas", 90_000),
    ("The air force ordered some 400 F-35 jets.", "some 400 F-35 jets", 400),
    ("Thieves took 20 M-16 rifles from the depot.", "20 M-16 rifles", 20),
])
def test_a_count_of_models_named_by_a_code_is_a_count(text, claim, number):
    # a letter after a figure was read as its scale or unit ("90,000 K": 90 million; "20 M": 20 metres), or
    # the code made the figure part of a code and no claim
    found = {t: v for t, v in _claims(text)}
    assert found[claim]["number"] == number and "unit" not in found[claim]
