"""A year said in words as two pairs ("nineteen twenty-eight", "twenty sixteen") is the year, not the sum of
its words (47, 36), and "two dozen" is 24, in search as in the stored text (issue 16). Real SQLite files in tmp_path, an article
imported as a user would; every sentence here is written for the test."""
from __future__ import annotations

import pytest

from workbench.search import search_claims
from workbench.service import import_paths
from workbench.store import open_db
from workbench.textnorm import normalise

CHAMBER = """The chamber after the vote

By A Reporter
May 2, 2024

The Blue party's biggest majority was 47 seats, the clerk said.
The Red party holds its largest majority in the chamber since 1928, the clerk said.
Turnout in the Weston ward was the lowest of any ward, at 36 per cent.
Turnout fell in 2016 to its lowest since the war.
"""


@pytest.mark.parametrize("words, read", [
    ("since nineteen twenty-eight", "1928"), ("in twenty sixteen", "2016"),
    ("Nineteen Eighty-Four", "1984"), ("twenty twenty", "2020"),
    # a sum stays a sum, and a scale word reads as before
    ("twenty five people", "25 people"), ("nineteen people", "19 people"), ("twenty-five thousand", "25000"),
    ("nineteen hundred", "1900"), ("two thousand and ten", "2010"),
    ("forty-six and thirty-five per cent", "46 35 percent"),
    ("more than two dozen states", "more 24 states"), ("three dozen and six", "42"), ("dozens of people", "dozens people"),
])
def test_years_in_words(words, read):
    assert normalise(words) == read


def test_a_year_in_words_finds_the_year_in_digits(tmp_path):
    db = open_db(tmp_path / "chamber.db")
    (tmp_path / "chamber.txt").write_text(CHAMBER, encoding="utf-8")
    list(import_paths(db, [str(tmp_path / "chamber.txt")], "ann"))
    for query, wanted in (("biggest majority since nineteen twenty-eight", "since 1928"),
                          ("turnout twenty sixteen lowest", "Turnout fell in 2016")):
        found = search_claims(db, query, limit=3)
        sentence = db.execute("SELECT sentence FROM claims WHERE id = ?", [found[0]["id"]]).fetchone()[0]
        assert wanted in sentence, query


COUNTIES = """The county plan

By B Reporter
June 2, 2024

The ports refused the plan for 24 hours, the counties said on Friday.
Officials in more than two dozen counties refused to take part, the governors said.
"""


def test_two_dozen_is_found_as_24(tmp_path):
    db = open_db(tmp_path / "counties.db")
    (tmp_path / "counties.txt").write_text(COUNTIES, encoding="utf-8")
    list(import_paths(db, [str(tmp_path / "counties.txt")], "ann"))
    found = search_claims(db, "over 24 counties refused", limit=3)
    sentence = db.execute("SELECT sentence FROM claims WHERE id = ?", [found[0]["id"]]).fetchone()[0]
    assert "two dozen counties" in sentence
