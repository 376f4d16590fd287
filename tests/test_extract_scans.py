"""The shortcut scans find exactly what the plain regex scans they replace would find.

Each shortcut tries a pattern only where a match can start; these properties compare it with the
plain `finditer` over texts built from the pieces the patterns care about.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.extract.quotes import (
    _PARTICIPLE_WORDS, _VERB_CLOSES, REPORTING_VERB, REPORTING_VERBS, _verb_after_last_stop,
)
from workbench.extract.scan import all_starts, lowered_for_words, word_starts
from workbench.extract.sentences import _END
from workbench.extract.speakers import _TOKEN, NAME_SEQUENCE, _role_pattern, role_matches
from workbench.ingest import _rejoin_broken_sentences

ROLE_PIECES = ["the mayor", "Mayor", "MAYOR", "mayors", "mayor", ", the mayor", ", a mayor", ", mayor",
               "Ana", "Ruiz", "J.", "Mr.", "de", "von", "McKay", "O'Neil", "Lowe-Smith", "x", "said", "and",
               " ", "  ", "\n", "\t", ",", ".", "’", "'", "-", "—", "(", ")", "ſ", "K", "é", "3", "_"]
# names and titles joined by a space, so that runs of name tokens are common
ROLE_WORDS = st.lists(st.sampled_from(ROLE_PIECES), min_size=1, max_size=4).map(" ".join)


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(ROLE_PIECES) | ROLE_WORDS, max_size=30),
       role=st.sampled_from(["mayor", "the mayor", "police chief", "a", "ma"]))
def test_role_matches_are_the_plain_scan_matches(pieces, role):
    body = "".join(pieces)
    assert _spans(role_matches(body, role)) == _spans(_role_pattern(role).finditer(body))


def test_role_matches_find_both_forms_of_a_title():
    body = "Mayor Ana Ruiz spoke. Later Ana Ruiz, the mayor, said so. The mayor left (Ana Ruiz, the mayor)."
    found = [m.group(1) or m.group(2) for m in role_matches(body, "mayor")]
    assert found == ["Ana Ruiz", "Later Ana Ruiz", "Ana Ruiz"]


VERB_PIECES = ["said", "SAID", "Says", "ſays", "ſaid", "told", "reported", "İ", "ı", "K", "insisted", "x", " ", "\n",
               "é", "sai", "d", "stated", "warned"]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(VERB_PIECES) | st.characters(), max_size=30))
def test_word_starts_are_where_the_ignorecase_pattern_matches(pieces):
    body = "".join(pieces)
    found = word_starts(body, lowered_for_words(body), REPORTING_VERBS, REPORTING_VERB)
    assert sorted(set(found)) == list(all_starts(REPORTING_VERB, body))


def test_word_starts_see_the_long_s_as_the_regex_does():
    assert word_starts("ſaid it", lowered_for_words("ſaid it"), REPORTING_VERBS, REPORTING_VERB) == [0]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(["a", "b", ",", ";", ".", " ", "\t", "\n", "\n\n", "X", "\u2028", "é"]),
                       max_size=20))
def test_rejoining_broken_sentences_is_the_plain_substitution(pieces):
    body = "".join(pieces)
    plain = re.sub(r"(?<=[a-z,;])[ \t]*\n\s*\n[ \t]*(?=[a-z])", " ", body)
    assert _rejoin_broken_sentences(body) == plain


BEFORE_PIECES = ["Ana Ruiz", "Mr.", "J.", "she", "He", "the mayor", "said", "SAID", "ſaid", "Said", "told", "reporters",
                 "saying", "adding", "pointed out", "that", "on", " ", "\n", ",", ":", "—", ".", "!", "?", "“", "”",
                 '"', "x", "also", "had", "(", "it"]
_SOME_PIECES = st.lists(st.tuples(st.sampled_from(BEFORE_PIECES), st.sampled_from([" ", ""])), max_size=6).map(
    lambda pieces: "".join(piece + gap for piece, gap in pieces))
# a window shaped like the text before a quote: a speaker, a verb, perhaps punctuation, around other pieces
BEFORE_WINDOW = st.tuples(_SOME_PIECES, st.sampled_from(["Ana Ruiz ", "He ", "the mayor ", "Mr. Lee ", "Mr. ", ""]),
                          st.sampled_from(["said", "SAID", "ſaid", "told reporters", "saying", "adding", "pointed out",
                                           "x", ""]),
                          st.sampled_from(["", ",", ":", " ", ", ", "—", ".", "!"]), _SOME_PIECES).map("".join)


@settings(max_examples=1000, deadline=None)
@given(before=BEFORE_WINDOW, lead=st.sampled_from(["", "A ", "İ "]))
def test_a_window_without_a_closing_verb_has_no_before_the_quote_cue(before, lead):
    body = lead + before
    for pattern in _VERB_CLOSES:
        if not _verb_after_last_stop(pattern, before, lowered_for_words(body), len(lead)):
            assert pattern.search(before) is None


def test_every_participle_ends_in_ing_as_the_quick_test_assumes():
    assert all(word.endswith("ing") for word in _PARTICIPLE_WORDS)


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from([".", "!", "?", "…", "\n", " ", '"', "'", "”", "’", "»", ")", "]", "a", "B",
                                        "\t", "..", "\u2028"]), max_size=14))
def test_sentence_ends_are_those_of_the_plainly_written_pattern(pieces):
    body = "".join(pieces)
    plain = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s)|\n")
    assert [m.span() for m in _END.finditer(body)] == [m.span() for m in plain.finditer(body)]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.tuples(st.sampled_from(["Mr.", "Mrs.", "Ms", "Dr.", "St.", "J.", "J.R.", "A", "Ana", "Ruiz",
                                                  "de", "van", "x", "é", "É", "\t", "\n", ",", ".", "’", "-", "_",
                                                  "3", "Capt.", "Prof", "Sen.", "(", "”"]),
                                 st.sampled_from([" ", ""])), max_size=12))
def test_name_sequences_are_those_of_the_plainly_written_pattern(pieces):
    body = "".join(piece + gap for piece, gap in pieces)
    plain = re.compile(rf"\b{_TOKEN}(?:[ \t]+(?:{_TOKEN}|de|van|von|al|bin|da|di|du|la|le)(?=[ \t]|$|[,.;:!?’'\"”)]))+")
    assert [m.span() for m in NAME_SEQUENCE.finditer(body)] == [m.span() for m in plain.finditer(body)]
