"""The speaker scans over capitalised words find exactly what their plainly written forms find.

The scans in workbench/extract/speakers.py are written so that a failed attempt at a capital costs little
(no backtracking into a name token, no counted repeat for an optional group). Each property here compares
one of them with the plain pattern it replaced, written out in full, over texts built from the pieces the
patterns care about: names, initials, titles, asides, parentheses, adverbs, verbs and pronouns.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.extract.speakers import (_AFTER_CUE_WORDS, _GENDER_TITLE_WORDS, _PARTICLE, _TOKEN,
                                       GENDER_TITLE, NAME_SEQUENCE, NAME_THEN_PRONOUN, REPORTED_AFTER_CUE,
                                       REPORTED_SPEAKER, finditer_at_words)

_VERBS = ("said|says|told|tells|added|argued|warned|insisted|claimed|stated|explained|announced|"
          "confirmed|wrote|testified|admitted|acknowledged|noted|replied|agreed|described|suggested|"
          "predicted|responded|countered|disagreed|retorted|answered|asked|objected|conceded|interjected|"
          r"shot\s+back|fired\s+back|pushed\s+back|disputed|rejected|dismissed|defended|denied|complained|"
          "promised|vowed|pledged|urged|argues|adds|notes|writes|explains|insists|warns|claims|asks|replies|"
          r"recalls|admits|contends|predicts|points\s+out|pointed\s+out")
# REPORTED_SPEAKER as it was written before any speed-up: \b and the name token, greedy repeats, "?" groups
PLAIN_REPORTED_SPEAKER = re.compile(
    rf"\b{_TOKEN}(?:[ \t]+(?:{_TOKEN}|{_PARTICLE}))*"
    r"(?:\s*\([^()\n]{1,24}\))?(?:(?:,[^,;\"“”«»\n]{1,90}){1,3},|,)?\s+"
    r"(?:(?:has|had|have|also|then|later|again|previously|repeatedly)\s+)*"
    rf"(?:{_VERBS})\b")
PLAIN_NAME_SEQUENCE = re.compile(rf"\b{_TOKEN}(?:[ \t]+(?:{_TOKEN}|de|van|von|al|bin|da|di|du|la|le)"
                                 r"(?=[ \t]|$|[,.;:!?’'\"”)]))+")
_NOT_BEFORE_HER = ("to|about|that|she|he|it|and|or|for|on|in|at|with|by|of|from|as|if|when|why|how|what|"
                   "whether|the|a|an|this|these|those|his|her|their|its|our|my|your|some|any|no|up|out|off|"
                   "down|back|over|into")
PLAIN_NAME_THEN_PRONOUN = re.compile(
    r"(?P<name>\b[A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+){0,3})(?:\s*\([^()\n]{0,20}\))?"
    r"\s+(?:(?!(?:her|him|them|me|us)\b)[a-z]+\s+){0,3}?"
    rf"(?P<pron>he|she|his|her(?=\s+(?!(?:{_NOT_BEFORE_HER})\b)[a-z]))\b")

NAME_PIECES = [
    "Ana", "Ruiz", "Mr.", "Mrs.", "Mr", "Ms.", "Capt.", "Prof.", "Sen.", "St.", "Dr", "J.", "J.R.", "J.R",
    "de", "von", "Lee", "O’Neil", "O'Neil", "Lowe-Smith", "McKay", "É", "Émile", "(D-Ore.)", "(", ")",
    ",", ", 31,", ", her lawyer,", ", who, like Ruiz,", "a nurse", "has", "had", "also", "then", "again", "said", "told",
    "Said", "says", "shot back", "pushed  back", "saidx", "\n", "\t", ";", "“", "”", "x", "3", "_", ".", "-",
    "’", "Mrs.Lee", "Mr.Lee", "he", "she", "his", "her", "her plan", "told her", "him", "hex", "that", "the",
    "Ana’s", "according to", "according\tto", "accordingto", "added", "wrote", "xsaid", "Miss", "Princess",
    "Prince", "Sir", "Lady", "King", "Kingdom", "Queen", "Dame", "Lord", "Mrs", "MrLee", "the former"]
NAME_TEXT = st.lists(st.tuples(st.sampled_from(NAME_PIECES), st.sampled_from([" ", "", "  ", "\t"])),
                     max_size=16).map(lambda pieces: "".join(piece + gap for piece, gap in pieces))


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=1500, deadline=None)
@given(body=NAME_TEXT)
def test_reported_speakers_are_those_of_the_plain_pattern(body):
    assert _spans(REPORTED_SPEAKER, body) == _spans(PLAIN_REPORTED_SPEAKER, body)


@settings(max_examples=1000, deadline=None)
@given(body=NAME_TEXT)
def test_name_sequences_are_those_of_the_plain_pattern(body):
    assert _spans(NAME_SEQUENCE, body) == _spans(PLAIN_NAME_SEQUENCE, body)


@settings(max_examples=1500, deadline=None)
@given(body=NAME_TEXT)
def test_names_then_pronouns_are_those_of_the_plain_pattern(body):
    found = [(m.span(), m["name"], m["pron"]) for m in NAME_THEN_PRONOUN.finditer(body)]
    assert found == [(m.span(), m["name"], m["pron"]) for m in PLAIN_NAME_THEN_PRONOUN.finditer(body)]


def test_a_name_then_its_pronoun_up_to_three_words_on():
    body = ("Ana Ruiz (D-Ore.) said that she would. Lee told her she left. Pike and his wife. "
            "Ruiz said it was then he")
    found = [(m["name"], m["pron"]) for m in NAME_THEN_PRONOUN.finditer(body)]
    assert found == [("Ana Ruiz", "she"), ("Pike", "his")]
    assert found == [(m["name"], m["pron"]) for m in PLAIN_NAME_THEN_PRONOUN.finditer(body)]


@settings(max_examples=1500, deadline=None)
@given(body=NAME_TEXT)
def test_scans_tried_at_their_words_find_what_the_whole_scans_find(body):
    for pattern, words in ((REPORTED_AFTER_CUE, _AFTER_CUE_WORDS), (GENDER_TITLE, _GENDER_TITLE_WORDS)):
        found = [(m.span(), m.groupdict()) for m in finditer_at_words(pattern, body, words)]
        assert found == [(m.span(), m.groupdict()) for m in pattern.finditer(body)]


def test_the_words_scans_are_tried_at_open_every_match():
    body = ("as Mrs. Ana Ruiz said former Gov. Lee Pike, and Princess Ann, wrote Ana Ruiz, "
            "according to Lady Jo Bex")
    assert [m.group("name") for m in finditer_at_words(REPORTED_AFTER_CUE, body, _AFTER_CUE_WORDS)] == \
        ["Gov. Lee Pike", "Ana Ruiz", "Lady Jo Bex"]
    assert [m.group("title") for m in finditer_at_words(GENDER_TITLE, body, _GENDER_TITLE_WORDS)] == \
        ["Mrs", "Princess", "Lady"]


def test_reported_speakers_through_titles_asides_and_adverbs():
    body = ("Mrs. Ana Ruiz (D-Ore.), her lawyer, who was there, has also said so. Capt. Lee told us. "
            "Ms Ana Ruiz, 31, shot back. Mr.Lee said. J.R. Ruiz then again said it. The Ruiz plan said.")
    found = [m.group() for m in REPORTED_SPEAKER.finditer(body)]
    assert found == ["Mrs. Ana Ruiz (D-Ore.), her lawyer, who was there, has also said", "Capt. Lee told",
                     "Ms Ana Ruiz, 31, shot back", "Lee said", "J.R. Ruiz then again said"]
    assert found == [m.group() for m in PLAIN_REPORTED_SPEAKER.finditer(body)]


def test_no_given_name_is_listed_for_both_genders():
    from workbench.extract.given_names import FEMALE_NAMES, MALE_NAMES
    assert not MALE_NAMES & FEMALE_NAMES
