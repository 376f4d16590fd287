"""The claims' candidate search through the word index (sentence_words): plain words looked up by their
posting list, common words ANDed there, typo groups narrowing by their pieces, rare groups ranked by how
many a claim holds. Real SQLite files in tmp_path, articles imported as a user would."""
from __future__ import annotations

import pytest

from workbench.search import search_claims
from workbench.search_index import _and, _most_groups_first, candidate_sets, typo_pieces, word_groups
from workbench.service import import_paths
from workbench.store import open_db
from workbench.textnorm import normalise

WAITING = """Waiting lists grow across the county

By A Reporter
April 9, 2024

Waiting lists for bus services in Kingsbridge reached 57 in February.
Waiting lists for bus services in Leedsham reached 310 in March.
Waiting lists for bus services in Portmere reached 12 in March.
Some 400 homes were flooded in Marrowby on Monday.
Flood wardens in Marrowby and Kingsbridge counted 95 pumps.
The central library in Portmere lent 8,000 books in 2023.
"""


@pytest.fixture
def county(tmp_path):
    db = open_db(tmp_path / "county.db")
    (tmp_path / "county.txt").write_text(WAITING, encoding="utf-8")
    list(import_paths(db, [str(tmp_path / "county.txt")], "ann"))
    return db


def _claims_of_sentences_with(db, *words: str) -> set[int]:
    return {i for i, sentence in db.execute("SELECT id, sentence FROM claims")
            if all(w in sentence.lower() for w in words)}


def _group(groups, word):
    [group] = [g for g in groups if g.word == word]
    return group


def test_a_word_is_found_in_its_other_forms_by_the_word_index(county):
    # "flooding" is in no sentence; porter reads it as "flood", which "flooded" and "flood" are too
    group = _group(word_groups(county, normalise("homes flooding Marrowby")), "flooding")
    assert not group.typo
    assert set(group.ids) == _claims_of_sentences_with(county, "flood")


def test_a_word_no_sentence_holds_is_read_by_its_pieces_and_still_finds_its_claim(county):
    group = _group(word_groups(county, normalise("400 homes flooded Marowby")), "marowby")
    assert group.typo and group.expression == '(" mar" OR "wby ")'
    assert _claims_of_sentences_with(county, "marrowby") <= set(group.ids)
    assert "400 homes" in search_claims(county, "400 homes flooded Marowby", limit=1)[0]["text"]


def test_a_number_is_a_whole_word_in_the_word_index(county):
    # "57" and not the 57 inside 1957 or 570: the trigram index's " 57 ", the word index's token
    assert set(_group(word_groups(county, "57 bus"), "57").ids) == _claims_of_sentences_with(county, " 57 ")


def test_common_words_anded_in_the_word_index_find_what_the_trigram_index_finds(county):
    # every word counts as common (rare=1), so the AND goes to the word index
    groups = word_groups(county, normalise("waiting lists bus services reached march"), rare=1)
    assert groups and all(g.count >= 1 and not g.typo for g in groups)
    by_trigrams = {r[0] for r in county.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?",
                                                [" AND ".join(g.expression for g in groups)])}
    by_words = _and(county, groups, cap=100, rare_below=1)
    assert by_words == sorted(by_words) and set(by_words) == by_trigrams
    assert by_trigrams == _claims_of_sentences_with(county, "waiting lists", "march")


def test_a_full_word_and_is_narrowed_by_the_pieces_of_a_misspelt_word(county):
    # "Leedshma": in no sentence, so a typo group; the three waiting-list sentences hold the other words,
    # more than the cap of 2, so the pieces (" lee", "shma ") narrow them to Leedsham's
    groups = word_groups(county, normalise("waiting lists bus services Leedshma"), rare=1)
    typo = _group(groups, "leedshma")
    assert typo.typo and typo_pieces("leedshma") == [" lee", "shma "]
    wide = _and(county, [g for g in groups if not g.typo], cap=100, rare_below=1)
    assert len(wide) >= 3
    narrowed = _and(county, groups, cap=2, rare_below=1)
    assert narrowed and set(narrowed) == _claims_of_sentences_with(county, "leedsham")


def test_an_and_the_word_index_cannot_answer_goes_to_the_trigram_index(county):
    # only a typo group: no word to look up, so the trigram phrase query answers as before
    groups = word_groups(county, normalise("Kingsbrigde"), rare=1)
    assert [g.typo for g in groups] == [True]
    found = set(_and(county, groups, cap=100, rare_below=1))
    assert found >= _claims_of_sentences_with(county, "kingsbridge")


def test_claims_holding_more_rare_words_come_first(county):
    # "Kingsbridge" is in two sentences, "Marrowby" in two; one sentence holds both
    groups = word_groups(county, normalise("Kingsbridge Marrowby"))
    both = _claims_of_sentences_with(county, "kingsbridge", "marrowby")
    either = _claims_of_sentences_with(county, "kingsbridge") | _claims_of_sentences_with(county, "marrowby")
    ranked = _most_groups_first(groups, cap=100)
    assert set(ranked) == either and set(ranked[:len(both)]) == both
    assert _most_groups_first(groups, cap=1) == ranked[:1]


def test_the_third_candidate_set_is_every_claim_holding_a_rare_word(county):
    # no sentence names all three places and things: the first set is empty, the third takes any of them
    groups = word_groups(county, normalise("Kingsbridge Marrowby library"))
    sets = list(candidate_sets(county, groups, leave_one_out=False))
    assert sets[0] == []  # no sentence names all three
    assert set(sets[-1]) == (_claims_of_sentences_with(county, "kingsbridge") | _claims_of_sentences_with(
        county, "marrowby") | _claims_of_sentences_with(county, "library"))


@pytest.mark.parametrize("query, first", [
    ("waiting lists bus services Leedshma 310", "310"),
    ("Portmere waitng list busses 12", "12"),
    ("central libary lent 8000 books", "8,000 books"),
])
def test_typed_searches_through_the_word_index_find_the_claim_first(county, query, first):
    assert search_claims(county, query, limit=3)[0]["text"].startswith(first)


def test_plain_words_and_their_and_never_read_the_trigram_index(county):
    # the trigram phrases were the cost at 10^6 claims; a misspelt word's pieces are still trigram look-ups
    statements: list[str] = []
    county.conn.set_trace_callback(statements.append)
    try:
        groups = word_groups(county, normalise("waiting lists bus services reached 57 Kingsbrigde"), rare=1)
        _and(county, groups, cap=1, rare_below=1)
    finally:
        county.conn.set_trace_callback(None)
    trigram = [s for s in statements if "claims_fts MATCH" in s]
    assert trigram and all('" kin" OR' in s or "OR \"rigde" in s for s in trigram), trigram
    assert any("sentence_words MATCH" in s for s in statements)


def test_a_word_in_as_many_sentences_as_rare_is_common_and_its_claims_are_not_read(county):
    # three sentences (six claims) say "waiting": with rare=3 it is common, counted without fetching its
    # claims; with rare=7 it is rare and holds all six
    statements: list[str] = []
    county.conn.set_trace_callback(statements.append)
    try:
        common = _group(word_groups(county, "waiting", rare=3), "waiting")
    finally:
        county.conn.set_trace_callback(None)
    assert common.count == 3 and common.ids == ()
    assert not any("JOIN claims" in s for s in statements)
    rare = _group(word_groups(county, "waiting", rare=7), "waiting")
    assert set(rare.ids) == _claims_of_sentences_with(county, "waiting") and rare.count == len(rare.ids) == 6
