"""Shares said in words are claims; hedges and titles are not."""
from __future__ import annotations

import pytest

from workbench.extract import extract


def shares(text: str):
    return [(c.text, c.value) for c in extract(text).claims if c.value and "share" in c.value]


@pytest.mark.parametrize(("text", "claim", "share"), [
    ("A majority of tenants voted for the strike.", "A majority of tenants", "majority"),
    ("A plurality of respondents named housing first.", "A plurality of respondents", "plurality"),
    ("Only a small minority of the members objected.", "a small minority of the members", "minority"),
])
def test_a_share_in_words_is_a_claim(text, claim, share):
    assert shares(text) == [(claim, {"share": share})]


@pytest.mark.parametrize("text", ["The majority leader spoke first.", "They formed a minority government.",
                                  "Most of the staff left early."])
def test_titles_and_hedges_are_no_shares(text):
    assert shares(text) == []
