"""An article or a fraction before a scale is a figure: "half a million" meets "500,000" (issue 16).

Sentences composed for these tests (the extractor's reading of the same phrases: test_extract_fractions.py).
"""
from __future__ import annotations

import pytest

from workbench.factchecks.match import search_factchecks
from workbench.factchecks.read import FactCheck
from workbench.search import search_claims
from workbench.service import import_paths
from workbench.store import check_db, list_claims, open_db
from workbench.store.factchecks import import_factchecks
from workbench.textnorm import normalise


@pytest.mark.parametrize("said, digits", [
    ("half a million refugees", "500,000 refugees"),
    ("a half-million refugees", "500000 refugees"),
    ("two and a half million voters", "2.5 million voters"),
    ("3 and a half billion dollars", "$3.5bn"),
    ("a quarter-of-a-million people", "250,000 people"),
    ("a quarter million people", "250,000 people"),
    ("a half-dozen slogans", "6 slogans"),
    ("half a dozen votes", "six votes"),
    ("a dozen states", "12 states"),
    ("a million dollars", "$1 million"),
    ("a hundred and fifty homes", "150 homes"),
    ("a hundred thousand jobs", "100,000 jobs"),
    ("a half-hour speech", "a 30-minute speech"),
    ("spoke for half an hour", "spoke for 30 minutes"),
])
def test_a_scale_said_with_an_article_or_a_fraction_reads_as_its_figure(said, digits):
    assert normalise(said) == normalise(digits).replace("minutes", "minute")


@pytest.mark.parametrize("text", ["a third of voters", "half the voters", "a half", "a quarter of the seats"])
def test_a_fraction_without_a_scale_stays_words(text):
    assert not any(ch.isdigit() for ch in normalise(text))


def _import_text(db, tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    [outcome] = list(import_paths(db, [str(tmp_path / name)], "bob"))
    return outcome.result.article_id


ARTICLE = ("Camps strain under arrivals\n\nBy A Reporter\nMay 2, 2024\n\n"
           "Officials said half a million refugees had crossed the northern border since January.\n\n"
           "The ministry asked donors for a quarter-of-a-million tents before the winter.\n")


def test_a_search_in_digits_finds_the_figure_said_in_words(tmp_path):
    db = open_db(tmp_path / "w.db")
    _import_text(db, tmp_path, "camps.txt", ARTICLE)
    [best, *_] = search_claims(db, "500,000 refugees crossed border")
    assert best["text"] == "half a million refugees"
    [best, *_] = search_claims(db, "250000 tents")
    assert best["text"] == "a quarter-of-a-million tents"


def test_a_database_from_before_0011_is_renormalised_and_reindexed_on_opening(tmp_path):
    path = tmp_path / "old.db"
    db = open_db(path)
    article = _import_text(db, tmp_path, "camps.txt", ARTICLE)
    import_factchecks(db, [("feed.json", FactCheck("https://checks.example/7", "Half a million refugees crossed"))],
                      "ann")
    [claim] = [c for c in list_claims(db, article) if c["text"] == "half a million refugees"]
    # as 0011 finds a database: the older normaliser's texts in the tables and in both BM25 indexes
    old = " half million refugees | officials said half million refugees crossed northern border january "
    db.execute("UPDATE claims SET search_text = ? WHERE id = ?", [old, claim["id"]])
    db.execute("UPDATE factchecks SET search_text = ' half million refugees crossed '")
    db.execute("INSERT INTO factcheck_words (factcheck_words) VALUES ('delete-all')")
    db.execute("INSERT INTO factcheck_words (rowid, own) SELECT id, search_text FROM factchecks")
    db.execute("INSERT INTO factchecks_fts (factchecks_fts) VALUES ('rebuild')")
    db.execute("DELETE FROM _migrations WHERE name = '0011_search_fractions'")
    db.conn.commit()
    db.conn.close()
    db = open_db(path)
    assert " 500000 refugees | " in db.execute("SELECT search_text FROM claims WHERE id = ?", [claim["id"]]).fetchone()[0]
    assert db.execute("SELECT search_text FROM factchecks").fetchone()[0] == " 500000 refugees crossed "
    sentences = db.execute("SELECT COUNT(*) FROM sentence_words").fetchone()[0]
    assert sentences == len({(c["sentence_start"] if c.get("sentence_start") is not None else c["start"])
                             for c in list_claims(db, article)})
    [best, *_] = search_claims(db, "500000 refugees")
    assert best["id"] == claim["id"]
    assert [f["review_url"] for f in search_factchecks(db, "500,000 refugees")] == ["https://checks.example/7"]
    assert check_db(db) == []


@pytest.mark.parametrize("text, read", [
    ("about 90,000 K-1 visas", "90000 k 1 visas"),  # was 90,000 thousand
    ("85,000 H-1B visas", "85000 h 1 b visas"),  # "1b" was a billion
    ("the Y2K bug", "y 2 k bug"),
    ("from £5m-£10m", "5000000 gbp 10000000 gbp"),  # a range keeps both scales
    ("5m-10m", "5000000 10000000"),
    ("a 4K screen", "4000 screen"),
])
def test_the_digits_of_a_code_take_no_scale(text, read):
    assert normalise(text) == read


def test_a_big_desk_is_told_before_its_search_index_is_rebuilt(tmp_path, monkeypatch, capsys):
    from workbench.store import database

    path = tmp_path / "desk.db"
    db = open_db(path)
    _import_text(db, tmp_path, "camps.txt", ARTICLE)
    db.execute("DELETE FROM _migrations WHERE name = '0011_search_fractions'")
    db.conn.commit()
    db.conn.close()
    capsys.readouterr()
    monkeypatch.setattr(database, "LONG_MIGRATION", 2)  # a desk of 2 claims stands for one of 20,000
    open_db(path)
    said = capsys.readouterr().err
    assert "Updating the search index of" in said and "(0011_search_fractions)" in said and "once" in said
    open_db(path)  # up to date: nothing said
    assert capsys.readouterr().err == ""
