"""Figures compared as whole numbers in search and claim matching: "3%" is not near "38%" or "3.8%"
(a digit added is another figure), claims of the figure asked come before claims of other figures, and
"3 per cent", "3 percent" and "three per cent" stay the same figure. Real SQLite files in tmp_path,
articles imported as a user would; every sentence here is written for the test."""
from __future__ import annotations

import pytest

from workbench.search import SEEN_BEFORE_THRESHOLD, _score, link_seen_before, search_claims, similar_claims
from workbench.search_figures import figures, figures_alike, masked
from workbench.service import import_paths
from workbench.store import open_db, set_verdict
from workbench.textnorm import normalise, search_text

JOBLESS = """Jobless rates across the Vale

By A Reporter
May 2, 2024

Unemployment in Harrowgate rose to 38% in April, the council said.
Unemployment in Tillbury fell to 3% in April, the council said.
Inflation in Marsden reached 3.8% last month.
Turnout in the Elmfield by-election was 33 per cent.
Bus fares in Quarrington went up by 3 per cent from June.
Rents in Elmfield rose 7% while wages rose by just 3% over the year.
"""

LATER = """Harrowgate's jobless figure

By B Reporter
June 2, 2024

Unemployment in Harrowgate rose to 38% in April, the council said on Tuesday.
"""

THREE = """Tillbury's jobless figure

By C Reporter
June 9, 2024

Unemployment in Tillbury fell to three per cent in April, the council said on Friday.
"""


def _import(tmp_path, db, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    list(import_paths(db, [str(tmp_path / name)], "ann"))


@pytest.fixture
def vale(tmp_path):
    db = open_db(tmp_path / "vale.db")
    _import(tmp_path, db, "jobless.txt", JOBLESS)
    return db


def _claim(db, text: str, article: int | None = None) -> int:
    where, args = "text = ?", [text]
    if article is not None:
        where, args = where + " AND article_id = ?", [text, article]
    return db.execute(f"SELECT id FROM claims WHERE {where}", args).fetchone()[0]


def test_a_figure_is_a_whole_token_not_a_run_of_digits():
    assert figures(normalise("rose to 38% after 3.8% in 2024, 12th")) == {"38", "3.8", "2024"}
    assert masked("3 percent 38 percent 3.8", frozenset({"3"})) == "3 percent ## percent ###"
    assert figures_alike(frozenset({"3"}), frozenset({"38"})) == 0
    assert figures_alike(frozenset({"12000000000"}), frozenset({"12000000000", "18200000000"})) == 100
    assert figures_alike(frozenset(), frozenset({"3"})) is None


@pytest.mark.parametrize("query", ["3%", "3 per cent", "3 percent", "three per cent"])
def test_every_claim_of_the_figure_asked_comes_before_any_of_another_figure(vale, query):
    texts = [r["text"] for r in search_claims(vale, query, limit=20)]
    threes = [i for i, t in enumerate(texts) if t in ("3%", "3 per cent", "by just 3%")]
    others = [i for i, t in enumerate(texts) if t in ("38%", "3.8%", "33 per cent", "7%")]
    assert len(threes) == 3, texts
    assert max(threes) < min(others, default=99), texts


def test_the_figure_asked_beats_its_neighbour_in_one_sentence(vale):
    # "7%" shares a sentence with "3%": it must not ride on its neighbour's figure above the other 3% claims
    texts = [r["text"] for r in search_claims(vale, "wages 3%", limit=20)]
    assert texts[0] in ("3%", "by just 3%"), texts
    assert texts.index("7%") > max(texts.index(t) for t in texts if t in ("3%", "3 per cent")), texts


@pytest.mark.parametrize("weights", [None, {"3": 2.0, "percent": 1.0}])
def test_a_digit_added_earns_nothing_over_any_other_figure(weights):
    exact, added, decimal, other = (_score("3 percent", search_text(c, f"Jobless in Harrowgate was {c} in April."),
                                           weights) for c in ("3%", "38%", "3.8%", "71%"))
    assert exact > added
    assert added == decimal == other  # "38" and "3.8" are no nearer "3" than "71" is


def test_a_claim_of_another_figure_is_not_similar_and_not_seen_before(tmp_path, vale):
    _import(tmp_path, vale, "later.txt", LATER)
    later = vale.execute("SELECT MAX(id) FROM articles").fetchone()[0]
    three = _claim(vale, "3%", 1)
    assert [r["text"] for r in similar_claims(vale, three)] == []
    thirty_eight = _claim(vale, "38%", 1)
    assert [r["article_id"] for r in similar_claims(vale, thirty_eight) if r["text"] == "38%"] == [later]


def test_the_same_figure_written_in_words_is_seen_before(tmp_path, vale):
    set_verdict(vale, _claim(vale, "3%", 1), "true", "ann")
    set_verdict(vale, _claim(vale, "38%", 1), "false", "ann")
    _import(tmp_path, vale, "three.txt", THREE)
    article = vale.execute("SELECT MAX(id) FROM articles").fetchone()[0]
    link_seen_before(vale, article)  # import links already; again is harmless (INSERT OR IGNORE)
    linked = vale.execute("SELECT c.text, p.text, m.score FROM claim_matches m JOIN claims c ON c.id = m.claim_id "
                          "JOIN claims p ON p.id = m.past_claim_id WHERE c.article_id = ?", [article]).fetchall()
    figure_links = [(mine, past) for mine, past, score in linked if score >= SEEN_BEFORE_THRESHOLD and "%" in past]
    assert figure_links == [("three per cent", "3%")], linked


@pytest.mark.parametrize("words, digits", [
    ("between forty and fifty emergencies", "between 40 50 emergencies"),
    ("we were at six and seven and eight and nine", "6 7 8 9"),
    ("fifty-seven and sixty per cent", "57 60 percent"),
    ("two hundred and ten", "210"),  # "and" after a scale word still joins one number
    ("two hundred and ten thousand people", "210000 people"),
    ("one thousand and one nights", "1001 nights"),
])
def test_number_words_joined_by_and_are_two_figures_unless_after_a_scale_word(words, digits):
    assert normalise(words) == digits  # "forty and fifty" was read as one sum, 90


def test_two_figures_in_words_find_the_claim_in_digits(tmp_path):
    db = open_db(tmp_path / "poll.db")
    _import(tmp_path, db, "poll.txt", """Harbour poll

By A Reporter
May 9, 2024

A Quayside Research poll put the harbour plan between 57 and 60 percent among residents.
The same poll found 117 residents had never used the ferry.
""")
    # read as one sum, 117, the query named the other sentence's figure
    [best, *_] = search_claims(db, "residents fifty-seven and sixty", limit=5)
    assert "57" in best["text"] and "60" in best["text"], best["text"]
