"""The shortcut scans find exactly what the plain regex scans they replace would find.

Each shortcut tries a pattern only where a match can start; these properties compare it with the
plain `finditer` over texts built from the pieces the patterns care about.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.extract.quotes import (
    _PARTICIPLE_WORDS, _STOPS, _VERB_CLOSES, REPORTING_VERB, REPORTING_VERBS, _verb_after_last_stop,
)
from workbench.extract.scan import all_starts, lowered_for_words, word_choice, word_starts
from workbench.extract.sentences import _END
from workbench.extract.speakers import (_TOKEN, NAME_SEQUENCE, NAME_THEN_PRONOUN, REPORTED_SPEAKER, _role_pattern,
                                       role_matches)
from workbench.ingest import _rejoin_broken_sentences

ROLE_PIECES = ["the mayor", "Mayor", "MAYOR", "mayors", "mayor", ", the mayor", ", a mayor", ", mayor", "Sen.",
               "sen", "the", "a", "mayor é", "MAYOR É", ", the the mayor",
               "Ana", "Ruiz", "J.", "Mr.", "de", "von", "McKay", "O'Neil", "Lowe-Smith", "x", "said", "and",
               " ", "  ", "\n", "\t", ",", ".", "’", "'", "-", "—", "(", ")", "ſ", "K", "é", "3", "_"]
# names and titles joined by a space, so that runs of name tokens are common
ROLE_WORDS = st.lists(st.sampled_from(ROLE_PIECES), min_size=1, max_size=4).map(" ".join)


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(ROLE_PIECES) | ROLE_WORDS, max_size=30),
       role=st.sampled_from(["mayor", "the mayor", "police chief", "a", "ma", "sen.", "mayor é", "Mayor"]))
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
        tail = max(map(before.rfind, _STOPS)) + 1
        if not _verb_after_last_stop(pattern, before, lowered_for_words(body), len(lead), tail):
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



@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(st.tuples(st.sampled_from(["Ana", "Ruiz", "Mr.", "J.R.", "de", "Lee", "(D-Ore.)", "(", ")",
                                                  ",", ", 31,", ", her lawyer,", "a nurse", "has", "also", "said",
                                                  "told", "Said", "shot back", "\n", "\t", ";", "“", "x", "É"]),
                                 st.sampled_from([" ", ""])), max_size=14))
def test_reported_speakers_are_those_of_the_backtracking_pattern(pieces):
    """REPORTED_SPEAKER's possessive name run and asides find what the plain, backtracking form finds."""
    body = "".join(piece + gap for piece, gap in pieces)
    plain = re.compile(REPORTED_SPEAKER.pattern.replace("*+", "*").replace("{1,90}+", "{1,90}"))
    assert plain.pattern != REPORTED_SPEAKER.pattern
    assert [m.span() for m in REPORTED_SPEAKER.finditer(body)] == [m.span() for m in plain.finditer(body)]


@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(st.tuples(st.sampled_from(["Ana", "Ruiz", "Lee", "Mr", "O’Neil", "(D-Ore.)", "(", "said", "that",
                                                  "she", "he", "his", "her", "her plan", "told her", "him", "\n", "\t",
                                                  "x", "É", "-"]),
                                 st.sampled_from([" ", ""])), max_size=14))
def test_names_then_pronouns_are_those_of_the_backtracking_pattern(pieces):
    body = "".join(piece + gap for piece, gap in pieces)
    plain = re.compile(NAME_THEN_PRONOUN.pattern.replace("]++", "]+").replace("{0,3}+", "{0,3}"))
    assert plain.pattern != NAME_THEN_PRONOUN.pattern
    spans = [(m.span(), m["name"], m["pron"]) for m in NAME_THEN_PRONOUN.finditer(body)]
    assert spans == [(m.span(), m["name"], m["pron"]) for m in plain.finditer(body)]


# --- patterns rewritten to open with a character set (scan.word_choice, digit-led hours and ordinals) ---

WORD_PIECES = ["said", "SAID", "Said", "says", "according to", "according\tto", "added", "xsaid", "said2", "ſaid",
               "Mr", "Mrs", "Ms", "Miss", "Mr.", "Lord", "twice", "thrice", "half", "quarters", "thirds", "won",
               "winning", "took", "gold", "bronze", "second", "trails", "behind", "only", "to", "Kay", "Bush",
               "dozens", "tens", "of", "thousands", "odds", "favourite", "at", "came", "finished", "third", "first",
               "in", "a", "million", "İ", "K", "_", "é", "3", "7", " ", "  ", "\n", ",", ".", "-", "’"]
WORD_TEXT = st.lists(st.sampled_from(WORD_PIECES), max_size=24).map(" ".join) | \
    st.lists(st.sampled_from(WORD_PIECES), max_size=24).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=WORD_TEXT, words=st.lists(st.sampled_from(["said", "says", "Mr", "Mrs", "twice", "according[ \\t]+to",
                                                       "half", "thirds?", "won", "win", "wins", "second", "s"]),
                                      min_size=1, max_size=6, unique=True),
       ignorecase=st.booleans(), tail=st.sampled_from(["", r"\s+", r"\b", r"\.?[ \t]+(?P<n>[A-Z]\w*)"]))
def test_word_choice_finds_what_a_word_boundary_alternation_finds(text, words, ignorecase, tail):
    flags = re.IGNORECASE if ignorecase else 0
    plain = re.compile(r"\b(?:" + "|".join(words) + ")" + tail, flags)
    led = re.compile(word_choice(words, ignorecase) + tail, flags)
    assert _spans(led.finditer(text)) == _spans(plain.finditer(text))


def test_word_choice_opens_with_a_set_the_regex_engine_can_skip_to():
    from re import _compiler, _parser  # the engine's own test for a first-character set
    for ignorecase in (False, True):
        flags = re.IGNORECASE if ignorecase else 0
        tree = _parser.parse(word_choice(["said", "told", "according to"], ignorecase), flags)
        assert _compiler._get_charset_prefix(tree, flags)


@pytest.mark.parametrize("name, plain", [
    ("GENDER_TITLE", r"\b(?P<title>Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady|King|Queen|Prince|Princess)\.?[ \t]+"
                     r"(?P<name>[A-Z][\w’'\-]*\.?(?:[ \t]+[A-Z][\w’'\-]*\.?){0,3})"),
])
@settings(max_examples=300, deadline=None)
@given(text=WORD_TEXT)
def test_rewritten_speaker_patterns_match_their_plain_forms(name, plain, text):
    from workbench.extract import speakers
    assert _spans(getattr(speakers, name).finditer(text)) == _spans(re.compile(plain).finditer(text))


TIME_PIECES = ["0", "1", "2", "3", "9", "12", "23", "24", ":", ".", "30", "59", "am", "p.m.", "a", "m", " ", "GMT",
               "hours", "h", "x", "é", "٣", ",", "st", "nd", "th", "-", "’"]


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(st.sampled_from(TIME_PIECES), max_size=14))
def test_digit_led_hours_and_ordinals_match_their_plain_forms(pieces):
    from workbench.extract import dates, ranks
    text = "".join(pieces)
    hour = "(?=\\d)(?<![\\w:.])(?P<h>[01]?\\d|2[0-3])"
    time_plain = re.compile(hour + dates.TIME.pattern[len(dates._HOUR):], re.IGNORECASE)
    clock_plain = re.compile(hour + dates.CLOCK.pattern[len(dates._HOUR):])
    ordinal_plain = re.compile(r"(?=\d)(?<![\w.,])(?P<ord>\d+(?:st|nd|rd|th))\b(?![-’'])")
    assert _spans(dates.TIME.finditer(text)) == _spans(time_plain.finditer(text))
    assert _spans(dates.CLOCK.finditer(text)) == _spans(clock_plain.finditer(text))
    assert _spans(ranks.NUMERIC_ORDINAL.finditer(text)) == _spans(ordinal_plain.finditer(text))


DATE_PIECES = ["3", "24", "2016", "2016-05-01", "May", "Mayor", "March", "Marc", "Jan.", "Sept", "Monday", "Mon",
               "last", "Last", "plast", "next", "week", "yesterday", "Yesterday", "earlier", "later", "this", "year",
               "of", "the", "th", "1990s", "x", "é", ",", " ", "\n", "-", "’s"]


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(st.sampled_from(DATE_PIECES), max_size=16), gap=st.sampled_from([" ", ""]))
def test_date_matches_are_what_the_date_pattern_finds(pieces, gap):
    from workbench.extract.dates import DATE, date_matches
    text = gap.join(pieces)
    assert _spans(date_matches(text)) == _spans(DATE.finditer(text))


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(st.sampled_from(["3", "12", "1,000", ".5", "-4", "−2", "$", "us$", "us $", "usd", "gbp", "rs.",
                                        "rs", "r", "ps", "y=", "zł", "a", "a dozen", "dozen", "one", "someone",
                                        "twenty", "twenty-one", "three", "the", "thirty", "minus", "million", "%",
                                        "½", "msek", "x", "é", " ", "/", ":", ",", "-"]), max_size=14),
       gap=st.sampled_from([" ", ""]))
def test_the_figure_pattern_finds_what_its_two_letter_first_test_found(pieces, gap):
    from workbench.extract import quantities
    text = gap.join(pieces)
    old_lead = (r"(?=[\d$£€¥₹₽₩₺₦₱₪₾ர½¼¾⅓⅔⅛⅜⅝⅞⅕±+]|[.−-]\d|\b(?:ze|on|tw|th|fo|fi|si|se|ei|ni|te|el|a[\s$u]|do|mi|mx"
                r"|m[uegacsnd]|us|c[a$hn]|nz|hk|s\$|r[$sm\d]|ps\d|y=|gb|eu|jp|in|zł))")
    source = quantities.FIGURE.pattern
    plain = re.compile(old_lead + source[source.index("(?P<cur>"):], quantities.FIGURE.flags)
    assert _spans(quantities.FIGURE.finditer(text)) == _spans(plain.finditer(text))


NUMERAL_PIECES = ["3", "12", "1,000", "2.5", ".5", "-4", "−2", "3/4", "$", "us$", "a$", "usd", "msek", "rs.", "y=", "zł",
                  "½", "+", "±", "a", "a half", "a-third", "a dozen", "one", "someone", "two", "three", "third",
                  "first", "second", "twentieth", "hundredth", "nine", "minus", "million", "%", "times", "in", "out of",
                  "consecutive", "place", "x", "é", " ", "/", ":", ",", "-", ".", "\n", "(", "st", "th",
                  "٣", "３"]


@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(st.sampled_from(NUMERAL_PIECES), max_size=16), gap=st.sampled_from([" ", ""]))
def test_scans_started_at_numerals_find_what_whole_body_scans_find(pieces, gap):
    from workbench.extract import quantities
    from workbench.extract.scan import finditer_at
    text = gap.join(pieces).lower()
    for pattern in (quantities.FIGURE, quantities.FRACTION, quantities.ORDINAL):
        fast = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
        assert _spans(finditer_at(fast, text, quantities.numeral_starts(text))) == _spans(fast.finditer(text))


COMPARISON_PIECES = [
    "more", "than", "more than", "nearly", "almost", "doubled", "halved", "tripled", "twice", "half", "times",
    "3", "3.5", "x3.5", "twenty", "twenty-three", "three", "a", "a hundred", "hundred", "as", "many", "the",
    "rate", "higher", "highest", "lowest", "best", "worst", "bestseller", "since", "1990", "records", "began",
    "on", "record", "high", "low", "in", "history", "decades", "years", "x", "é", " ", "  ", "\n", "\t", "(",
    "-", ".", ",",
]


@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(st.sampled_from(COMPARISON_PIECES), max_size=16),
       gap=st.sampled_from([" ", "", "\n "]))
def test_comparisons_found_near_their_anchors_are_the_whole_scan_matches(pieces, gap):
    from workbench.extract import quantities
    from workbench.extract.scan import finditer_at, starts_near_anchors
    text = gap.join(pieces).lower()
    fast = re.compile(quantities.COMPARISON.pattern, quantities.COMPARISON.flags & ~re.IGNORECASE)
    starts = starts_near_anchors(text, quantities.COMPARISON_ANCHORS)
    assert _spans(finditer_at(fast, text, starts)) == _spans(fast.finditer(text))


def test_every_comparison_word_is_an_anchor():
    from workbench.extract import quantities
    source = quantities.COMPARISON.pattern
    for group in ("verb", "super"):
        words = re.search(rf"\(\?P<{group}>([a-z|]+)\)", source).group(1).split("|")
        assert set(words) <= set(quantities.COMPARISON_ANCHORS), group
    assert {"twice", "half", "times", "record"} <= set(quantities.COMPARISON_ANCHORS)


SHARE_PIECES = ["a", "an", "the", "The", "A", "clear", "two-thirds", "vast", "majority", "Majority",
                "minority", "plurality", "of", "voters", "the", "ſ", "K", "İ", "x", "amajority", " ", "  ",
                "\n", "-", ","]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(SHARE_PIECES), max_size=14), gap=st.sampled_from([" ", "", "\t"]))
def test_shares_found_near_their_words_are_the_whole_scan_matches(pieces, gap):
    from workbench.extract.proportions import SHARE, find_proportions
    text = gap.join(pieces)
    plain = [(m.start(), m.end(), "percent", {"share": m["share"].lower()}) for m in SHARE.finditer(text)]
    assert find_proportions(text, text.lower()) == plain


RANK_WORD_PIECES = ["largest", "biggest", "worst", "best", "interest", "tallest", "tallestallest", "greatest",
                    "west", "lead", "leads", "led", "called", "top", "tops", "topped", "stop", "leading", "x",
                    "3", "_", "é", "İ", " ", "-", "\n", "."]


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(st.sampled_from(RANK_WORD_PIECES), max_size=16), gap=st.sampled_from([" ", ""]))
def test_words_found_by_their_seeds_are_those_found_one_by_one(pieces, gap):
    from workbench.extract import ranks
    from workbench.extract.scan import lower_in_place
    text = lower_in_place(gap.join(pieces))
    for words, seeds in ((ranks.SUPERLATIVES, ranks.SUPERLATIVE_SEEDS),
                         (ranks.LEADING_WORDS, ("lead", "led", "top"))):
        assert all(any(seed in word for seed in seeds) and word.isalnum() for word in words)
        assert ranks._find_words(text, words, seeds) == ranks._find_words(text, words)


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(["3", "12", "٣", "３", "²", "x", "é", "’", ".", "-", "−", " ", "a3",
                                        "_"]), max_size=12))
def test_numeral_starts_see_every_digit_the_unicode_class_sees(pieces):
    from workbench.extract import quantities
    text = "".join(pieces)
    plain = [m.start() for m in quantities._NUMERAL_DIGIT.finditer(text)]
    assert set(plain) <= set(quantities.numeral_starts(text))
    assert quantities.ascii_digits_only(text) == all(ch in "0123456789" for ch in text if re.match(r"\d", ch))


FRAME_PIECES = ["the", "minister", "said", "SAID", "ſaid", "according to", "told", "reporters", "on",
                "Friday", "it", "’s", "don’t", "x", "3.5", ",", ", ", ",”", "”", '"', "’", ".", "!", "?", " ",
                "  ", "\n", "-", "é"]


@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(st.sampled_from(FRAME_PIECES), max_size=30), gap=st.sampled_from([" ", "", "\t"]))
def test_frame_after_searched_from_its_floor_is_the_whole_search(pieces, gap):
    from workbench.extract import worthiness_features as wf
    text = gap.join(pieces)
    floor = wf._frame_after_floor(text)
    whole, tail = wf._FRAME_AFTER.search(text), wf._FRAME_AFTER.search(text, floor)
    assert (whole and whole.span()) == (tail and tail.span())


def test_the_longest_frame_after_is_found_from_the_floor():
    from workbench.extract import worthiness_features as wf
    # the closing quote alone, six words, "according to", five words, then stops and quotes spaced out
    text = 'Rates rose by 4% in a year ” as its own staff put it according to a report by the bank . ” !'
    whole = wf._FRAME_AFTER.search(text)
    assert whole and whole.start() == text.index("”")
    assert wf._frame_after_floor(text) <= whole.start()
    assert wf._FRAME_AFTER.search(text, wf._frame_after_floor(text)).span() == whole.span()


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(["tens", "of", "thousands", "hundreds", "dozens", "scores", "millions",
                                        "x", "attens", "Tens", "OF", " ", "  ", "\n", "-", "é"]),
                       max_size=14),
       gap=st.sampled_from([" ", ""]))
def test_vague_counts_found_at_their_words_are_the_whole_scan_matches(pieces, gap):
    from workbench.extract import quantities
    from workbench.extract.scan import finditer_at, starts_near_anchors
    text = gap.join(pieces).lower()
    fast = re.compile(quantities.VAGUE.pattern, quantities.VAGUE.flags & ~re.IGNORECASE)
    starts = starts_near_anchors(text, quantities.VAGUE_WORDS, 0)
    assert _spans(finditer_at(fast, text, starts)) == _spans(fast.finditer(text))


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(["second", "Second", "trails", "trailed", "behind", "only", "ONLY",
                                        "to", "Clinton", "Bush", "and", "(second", "x", "ſecond", "İ", " ",
                                        "  ", "\n", ",", "."]), max_size=14),
       gap=st.sampled_from([" ", ""]))
def test_only_behind_found_before_only_is_the_whole_scan(pieces, gap):
    from workbench.extract import ranks
    text = gap.join(pieces)
    plain = [(m.start(), m.end()) for m in ranks.ONLY_BEHIND.finditer(text)]
    found = [(s, e) for s, e, _, value in ranks.find_ranks(text) if value == {"superlative": "only behind"}]
    assert found == plain or (" only" not in ranks.lower_in_place(text) and not found)


WORD_PIECES = ["tax", "isn't", "o'", "'s", "3", "3.5", "1,000", "2,0", "4.", "٣", "%", "$", "£", "€", "¥", "x", "é",
               "ſ", " ", "  ", "\n", ".", ",", "'", "’", "-", "(", "_", "A", "Q"]


@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(st.sampled_from(WORD_PIECES) | st.characters(), max_size=30))
def test_checkworthiness_words_are_the_plain_pattern_words(pieces):
    from workbench.extract.worthiness_features import _WORD, WORD_PLAIN
    text = "".join(pieces).lower()
    assert _WORD.findall(text) == re.findall(WORD_PLAIN, text)


def test_checkworthiness_words_read_words_numbers_and_signs():
    from workbench.extract.worthiness_features import _WORD
    assert _WORD.findall("it isn't 3.5% or £1,000 (٣) - o'") == ["it", "isn't", "3.5", "%", "or", "£", "1,000", "٣", "o"]


@settings(max_examples=300, deadline=None)
@given(tokens=st.lists(st.sampled_from(WORD_PIECES) | st.text(min_size=1, max_size=6), max_size=40))
def test_remembered_shapes_are_the_shapes(tokens):
    from workbench.extract import worthiness_features as wf
    assert [wf._shape_of(t) for t in tokens] == [wf._shape(t) for t in tokens]


DIGIT_PIECES = ["1", "12", "21st", "3rd", "9:30", "11:00", "2:15", "p.m.", "a.m.", "pm", "am", "GMT", "hours", "May",
                "2016", "1.5", ",", ".", ":", " ", "\n", "x", "th", "st", "-", "’", "٣", "３", "¹", "A"]


@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(st.sampled_from(DIGIT_PIECES) | st.characters(), max_size=30))
def test_digit_led_scans_read_ascii_digits_as_they_read_every_digit(pieces):
    from workbench.extract import dates, ranks
    from workbench.extract.scan import ascii_digits_only
    text = "".join(pieces)
    if not ascii_digits_only(text):  # a digit outside 0-9: the scans keep \d
        return
    for plain, ascii_led in ((dates._DATE_DIGIT, dates._DATE_ASCII_DIGIT), (dates.TIME, dates.TIME_ASCII),
                             (ranks.NUMERIC_ORDINAL, ranks.NUMERIC_ORDINAL_ASCII)):
        assert _spans(ascii_led.finditer(text)) == _spans(plain.finditer(text))


def test_ascii_digits_only_sees_a_digit_outside_ascii():
    from workbench.extract.scan import ascii_digits_only
    assert ascii_digits_only("On 3 May, “21st” 9:30 p.m.") and not ascii_digits_only("On ٣ May")
    assert ascii_digits_only("no digits at all, é") and not ascii_digits_only("ｘ３")
