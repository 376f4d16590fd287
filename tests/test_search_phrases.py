"""A figure with the word after it is one more search term ("22 states", "0.3 points", issue 16): the claim
that says "14 counties" names the query "14 counties Marlow won" better than a quote of "14 leaflets"
that also holds "counties" and "won", and "0.4 points" better than a quote of "0.4 percentage points". Real SQLite files in tmp_path, articles imported as a user
would; every sentence here is written for the test."""
from __future__ import annotations

import pytest

from workbench.search import _coverage, figure_phrases, search_claims
from workbench.search_lexical import figure_phrases as lexical_phrases
from workbench.service import import_paths
from workbench.store import open_db
from workbench.textnorm import normalise

COUNTIES = """Marlow's long campaign ends

By A Reporter
May 2, 2024

"Marlow's 14 leaflets broke the rules in both counties and won him no friends," the county board said on Friday.
Marlow heads to the party conference next week after winning 14 counties and raising about £3 million.
"""

BALLOT = """The Weston ballot, counted

By B Reporter
June 9, 2024

"Ashby trailed Carlow in Weston by 0.4 percentage points and still won the room," said Dana Pike, a party official.
Ashby has momentum after finishing just 0.4 points behind Carlow in Weston and winning the Eastfield vote.
"""


def _db(tmp_path, name: str, text: str):
    db = open_db(tmp_path / f"{name}.db")
    (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    list(import_paths(db, [str(tmp_path / f"{name}.txt")], "ann"))
    return db


def _first_sentence(db, query: str) -> str:
    found = search_claims(db, query, limit=5)
    assert found, query
    return db.execute("SELECT sentence FROM claims WHERE id = ?", [found[0]["id"]]).fetchone()[0]


def test_phrases_of_a_query():
    assert lexical_phrases(normalise("22 states Sanders won")) == ["22 states"]
    assert lexical_phrases(normalise("Sanders 0.3 points Iowa")) == ["0.3 points"]
    assert lexical_phrases(normalise("64% Marist poll")) == []  # a unit makes the figure one token already
    assert lexical_phrases(normalise("Sanders won Iowa")) == []
    weights = {"22": 5.0, "states": 2.0, "sanders": 4.0, "won": 1.0}
    assert figure_phrases("22 states sanders won", weights) == {"22 states": 2.0}


def test_the_phrase_in_the_claim_counts_and_nowhere_else_costs_nothing():
    weights = {"14": 5.0, "counties": 2.0}
    weights.update(figure_phrases("14 counties", weights))
    # the claim "14" in a sentence of "14 counties" against one in a sentence of 14 leaflets and counties
    held, _ = _coverage(weights, "14", "marlow won 14 counties")
    apart, _ = _coverage(weights, "14", "14 leaflets broke rules counties")
    assert held > apart
    # a claim without the word after the figure is not asked about the phrase: its score is as it was
    plain = {"14": 5.0, "counties": 2.0}
    assert _coverage(weights, "14", "14 leaflets")[0] == _coverage(plain, "14", "14 leaflets")[0]


@pytest.mark.parametrize("query", ["14 counties Marlow won", "Marlow won 14 counties"])
def test_figure_with_its_noun_before_the_same_figure_of_another_thing(tmp_path, query):
    db = _db(tmp_path, "counties", COUNTIES)
    assert "winning 14 counties" in _first_sentence(db, query)


def test_points_before_percentage_points_beside_a_speakers_words(tmp_path):
    db = _db(tmp_path, "ballot", BALLOT)
    assert "just 0.4 points behind" in _first_sentence(db, "0.4 points Weston Ashby")
