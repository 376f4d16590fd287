"""Issue 16: near-identical sentences across articles (a wire story lightly edited) shown once with "also in
N articles", the reviewed copy else the newest first; what is not a copy stays apart. Every sentence here
is written for the test; real SQLite in tmp_path, the real CLI in a subprocess."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.search import search_claims
from workbench.search_groups import near_identical
from workbench.service import import_paths
from workbench.store import open_db, set_verdict

ARTICLE = """{headline}

By A Reporter
{date}

{sentence}
{extra}
"""

# one wire sentence as three outlets ran it: case, punctuation, "the council's", "on Tuesday"
WIRE = ("The Dunmore county council will close 14 of its 31 public libraries by the end of next year "
        "to save money, its leader said.")
RERUN = ("Dunmore County Council will close 14 of its 31 public libraries by the end of next year "
         "to save money, the council's leader said on Tuesday.")
PUNCTUATED = ("The Dunmore county council will close 14 of its 31 public libraries by the end of next year, "
              "to save money -- its leader said.")
# the same sentence with another figure: another claim, however alike the letters
OTHER_FIGURE = WIRE.replace("close 14", "close 15")


def _import(db, tmp_path, name: str, sentence: str, date: str,
            extra: str = "Readers' groups said they would protest.") -> int:
    path = tmp_path / name
    text = ARTICLE.format(headline=f"Libraries story {name}", date=date, sentence=sentence, extra=extra)
    path.write_text(text, encoding="utf-8")
    list(import_paths(db, [str(path)], "ann"))
    return db.execute("SELECT id FROM articles WHERE origin = ?", [str(path)]).fetchone()[0]


def _db_path(db) -> str:
    return db.execute("PRAGMA database_list").fetchone()[2]


@pytest.fixture
def wire(tmp_path):
    db = open_db(tmp_path / "wire.db")
    ids = {"wire": _import(db, tmp_path, "wire.txt", WIRE, "May 2, 2025"),
           "rerun": _import(db, tmp_path, "rerun.txt", RERUN, "May 4, 2025",
                            "Opening hours will also be cut."),
           "punctuated": _import(db, tmp_path, "punctuated.txt", PUNCTUATED, "May 3, 2025")}
    return db, ids


def _the_14(found: list[dict]) -> list[dict]:
    return [r for r in found if r["text"] == "14 of its 31"]


def test_a_lightly_edited_wire_sentence_is_one_result_with_the_newest_copy_shown(wire):
    db, ids = wire
    found = search_claims(db, "Dunmore council close 14 libraries")
    [shown] = _the_14(found)
    assert shown["article_id"] == ids["rerun"]  # May 4, the newest of the three
    assert shown["also_in"] == 2 and shown["also_in_articles"] == sorted([ids["wire"], ids["punctuated"]])
    others = db.execute("SELECT id FROM claims WHERE text = '14 of its 31' AND article_id != ?",
                        [ids["rerun"]]).fetchall()
    assert shown["also_in_claims"] == sorted(i for (i,) in others)


def test_the_reviewed_copy_is_shown_before_a_newer_one(wire):
    db, ids = wire
    oldest = db.execute("SELECT id FROM claims WHERE article_id = ? AND text = '14 of its 31'",
                        [ids["wire"]]).fetchone()[0]
    set_verdict(db, oldest, "true", "ann")
    [shown] = _the_14(search_claims(db, "Dunmore libraries 14 of 31"))
    assert shown["id"] == oldest and shown["verdict"] == "true" and shown["also_in"] == 2


def test_each_claim_of_the_sentence_is_grouped_with_its_own_copies(wire):
    db, _ = wire
    found = search_claims(db, "Dunmore libraries close by the end of next year")
    assert len(_the_14(found)) == 1
    years = [r for r in found if r["text"] == "next year"]
    assert len(years) == 1 and years[0]["also_in"] == 2
    # "on Tuesday" is in one copy only: a claim of its own, never a copy of "next year"
    assert all(r["also_in"] == 0 for r in found if r["text"] == "on Tuesday")


def test_copies_ranked_below_the_limit_still_count(wire):
    db, _ = wire
    [shown] = search_claims(db, "Dunmore council close 14 of its 31 libraries", limit=1)
    assert shown["text"] == "14 of its 31" and shown["also_in"] == 2


def test_the_same_sentence_with_another_figure_is_another_result(wire, tmp_path):
    db, ids = wire
    other = _import(db, tmp_path, "fifteen.txt", OTHER_FIGURE, "May 5, 2025")
    found = search_claims(db, "Dunmore council close libraries of its 31")
    fifteen = [r for r in found if r["text"] == "15 of its 31"]
    assert [r["article_id"] for r in fifteen] == [other] and fifteen[0]["also_in"] == 0
    [fourteen] = _the_14(found)
    assert other not in fourteen["also_in_articles"] and fourteen["also_in"] == 2


def test_the_same_sentence_about_another_town_is_another_result(wire, tmp_path):
    db, ids = wire
    other = _import(db, tmp_path, "kelbrook.txt", WIRE.replace("Dunmore", "Kelbrook"), "May 6, 2025")
    found = _the_14(search_claims(db, "county council close 14 of its 31 public libraries"))
    assert sorted(r["article_id"] for r in found) == sorted([ids["rerun"], other])
    assert [r["also_in"] for r in found if r["article_id"] == other] == [0]


def test_a_near_copy_within_one_article_is_not_grouped(tmp_path):
    db = open_db(tmp_path / "one.db")
    _import(db, tmp_path, "twice.txt", WIRE, "May 2, 2025", extra=RERUN)
    found = _the_14(search_claims(db, "Dunmore council close 14 libraries"))
    assert len(found) == 2 and all(r["also_in"] == 0 for r in found)


def test_short_lines_alike_by_chance_are_not_grouped_but_identical_ones_are(tmp_path):
    db = open_db(tmp_path / "polls.db")
    first = _import(db, tmp_path, "poll1.txt", "The poll of 1,200 voters had a margin of error of 3 points.",
                    "June 1, 2025")
    second = _import(db, tmp_path, "poll2.txt",
                     "The new poll of 1,200 voters had a margin of error of 3 points.", "June 2, 2025")
    found = [r for r in search_claims(db, "poll 1200 voters margin of error") if r["text"] == "1,200 voters"]
    # six words once stop words are dropped: two different polls may well say the same, so two results
    assert sorted(r["article_id"] for r in found) == sorted([first, second])
    third = _import(db, tmp_path, "poll3.txt", "The poll of 1,200 voters had a margin of error of 3 points.",
                    "June 3, 2025", extra="The fieldwork ran for a week.")
    found = [r for r in search_claims(db, "poll 1200 voters margin of error") if r["text"] == "1,200 voters"]
    copies = [r for r in found if r["also_in"]]
    assert len(found) == 2
    assert [(r["article_id"], r["also_in_articles"]) for r in copies] == [(third, [first])]


@pytest.mark.parametrize("a, b, same", [
    (WIRE, RERUN, True),
    (WIRE, PUNCTUATED, True),
    (WIRE, WIRE.upper().replace("'", "’"), True),
    (WIRE, OTHER_FIGURE, False),
    # a shared tail, two sentences: what a report found, and what the council decided
    ("A report to the Dunmore county council said 14 of its 31 public libraries needed new roofs, "
     "its leader said.", WIRE, False),
    ("Polls close at 8:20 a.m.", "Polls close at 8:20 p.m.", False),
    # one name swapped for another: another town's claim, however alike the letters
    # a name spelt another way stays apart too: one letter is all that tells Dunmore from Dunmere
    (WIRE, WIRE.replace("Dunmore", "Dunmere"), False),
    (WIRE, WIRE.replace("Dunmore", "Kelbrook"), False),
    ("Air pollution in Zenahsbury is 4 times the legal limit, the health secretary Anna Abbott said.",
     "Air pollution in Vengarrford is 4 times the legal limit, the health secretary Anna Abbott said.",
     False),
    # a name added on one side is an edit, not a swap
    ("Over one 12-year stretch in the House, he passed more amendments than any other member of Congress.",
     "Over one 12-year stretch in the House, Mr. Marsh passed more amendments than any other member of "
     "Congress.", True),
])
def test_the_rule_on_sentences(a, b, same):
    assert near_identical(a, b) is same


def test_the_cli_shows_a_wire_story_once_and_its_json_only_adds_fields(wire):
    db, ids = wire
    run = subprocess.run([sys.executable, "-m", "workbench.cli", "--db", _db_path(db), "search",
                          "Dunmore council close 14 libraries"], capture_output=True, text=True, check=True)
    lines = [line for line in run.stdout.splitlines() if "14 of its 31" in line]
    assert len(lines) == 1 and f"article #{ids['rerun']}" in lines[0]
    assert f"also in 2 articles: #{ids['wire']}, #{ids['punctuated']}" in run.stdout
    out = subprocess.run([sys.executable, "-m", "workbench.cli", "--db", _db_path(db), "search",
                          "Dunmore council close 14 libraries", "--json"], capture_output=True, text=True,
                         check=True).stdout
    rows = json.loads(out)
    assert {"id", "text", "kind", "article_id", "verdict", "speaker", "status", "reviewer", "headline",
            "published", "outlet", "score", "match", "also_in", "also_in_articles"} <= set(rows[0])
    assert "also_in_claims" in rows[0]  # added
    [shown] = _the_14(rows)
    assert shown["also_in"] == 2 and len(shown["also_in_claims"]) == 2


def test_the_search_screen_keeps_the_count_when_the_headline_is_long(wire, tmp_path):
    from workbench.tui.search_screen import ARTICLE_WIDTH, result_row

    db, ids = wire
    db.execute("UPDATE articles SET headline = ? WHERE id = ?",
               ["Dunmore council confirms the closure of fourteen of its thirty-one public libraries",
                ids["rerun"]])
    [shown] = _the_14(search_claims(db, "Dunmore council close 14 libraries"))
    _, cells = result_row(shown, {})
    article = str(cells[-1])
    assert article.endswith("… (also in 2)") and len(article) == ARTICLE_WIDTH


def test_the_quality_benchmark_groups_bm25_by_the_same_rule_and_counts_any_copy(wire, monkeypatch):
    # search_quality.py's new scoring: fair to BM25 only if its sentences are grouped by the same rule
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from search_quality import baseline_group_rank_of, baseline_grouped, group_rank_of, sentence_rank_of

    db, ids = wire
    found = [(WIRE, ids["wire"]), (OTHER_FIGURE, 99), (RERUN, ids["rerun"]), (PUNCTUATED, ids["wire"])]
    groups = baseline_grouped(found)
    # the rerun joins the first copy; another figure, and a copy in an article the group holds, do not
    assert [[a for _, a in g] for g in groups] == [[ids["wire"], ids["rerun"]], [99], [ids["wire"]]]
    files = {ids["wire"]: "wire.txt", ids["rerun"]: "rerun.txt", 99: "other.txt"}
    assert baseline_group_rank_of(groups, files, "rerun.txt", "the council's leader said on Tuesday") == 1
    shown = _the_14(search_claims(db, "Dunmore council close 14 libraries"))
    files = {i: f"{name}.txt" for name, i in ids.items()}
    # the copy shown is the rerun's; the wire's sentence (its words "its leader said") is one of the copies
    assert group_rank_of(db, shown, files, "wire.txt", "to save money, its leader said") == 1
    # the old scoring reads the shown copy's sentence alone
    assert sentence_rank_of(db, shown, files, "wire.txt", "to save money, its leader said") is None
