"""Scans skipped, or started later, where a string test shows they cannot match: each test holds the
shortcut equal to the plain search it stands in for, over texts built from the pieces the patterns read.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.extract import dates, quotes, sentences, speakers
from workbench.extract.scan import lowered_for_words


def _spans(match):
    return None if match is None else (match.span(), match.groups())


def _joined(pieces):
    return st.lists(st.tuples(st.sampled_from(pieces), st.sampled_from([" ", "", "  "])), max_size=14).map(
        lambda parts: "".join(piece + gap for piece, gap in parts))


# --- the window before a quote (quotes._find_cue) ---

WINDOW_PIECES = ["Ana Ruiz", "Mr.", "J.", "she", "He", "the mayor", "said", "Said", "SAID", "ſaid", "added", "Added",
                 "replied", "told", "saying", "adding", "telling reporters", "tweeting", "ing", "sing", "in", "In",
                 "of", "with", "towards", "Toward", "IN", "about", "within", "the", "that", "on", " ", "\n", "\t",
                 ",", ":", ";", "—", ".", "!", "?", "“", "”", '"', "«", "x", "(R-Ohio)", "’s", "'s", "claim", "é",
                 "\u2028", "İ"]
WINDOW = _joined(WINDOW_PIECES)


@settings(max_examples=800, deadline=None)
@given(before=WINDOW)
def test_a_participle_at_the_end_is_found_from_the_last_stop(before):
    tail = max(map(before.rfind, quotes._STOPS)) + 1
    quick = quotes.PARTICIPLE_AT_END.search(before, tail) if quotes._participle_in(before[tail:]) else None
    assert _spans(quick) == _spans(quotes.PARTICIPLE_AT_END.search(before))


@settings(max_examples=800, deadline=None)
@given(before=WINDOW)
def test_the_colon_tests_agree_with_their_patterns(before):
    assert quotes._colon_before(before) == (quotes.COLON_BEFORE.search(before) is not None)
    if not before.rstrip().endswith(":"):
        assert quotes.NAME_LABEL_BEFORE.search(before) is None


@settings(max_examples=800, deadline=None)
@given(before=WINDOW, lead=st.sampled_from(["", "A ", "x. "]))
def test_an_inverted_cue_needs_one_of_its_verbs(before, lead):
    body = lead + before
    lowered = lowered_for_words(body)
    if lowered is not None and not any(lowered.find(w, len(lead)) != -1 for w in quotes._INVERTED_CUE_WORDS):
        assert quotes.BEFORE_VERB_SUBJECT.search(before) is None


@settings(max_examples=800, deadline=None)
@given(text=WINDOW, cut=st.integers(min_value=0, max_value=60))
def test_the_preposition_test_is_the_plain_search(text, cut):
    at = max(0, len(text) - cut)
    m = quotes.PREPOSITION_BEFORE.search(text, max(0, at - 40), at)
    assert quotes._after_preposition(text, at) == (bool(m) and not (m.group("word") or "")[:1].isupper())


def test_every_preposition_of_the_pattern_is_in_the_quick_test():
    for word in quotes.PREPOSITIONS:
        for written in (word, word.capitalize()):
            assert quotes.PREPOSITION_BEFORE.search(f"x {written} ")
    assert not quotes._after_preposition("x IN ", 5)  # "[Ii]n": the rest of the word as written


@settings(max_examples=800, deadline=None)
@given(text=WINDOW)
def test_a_speech_verb_in_a_sentence_needs_the_verb_after_a_space(text):
    if quotes._SPEECH_VERB.search(text) is None:
        assert quotes.IN_SENTENCE.search(text) is None


# --- marks, parentheses, decades, date prefixes, the word before a stop ---

@settings(max_examples=600, deadline=None)
@given(text=st.lists(st.sampled_from(["'", "''", "'''", "''''", "`", "``", "a", " ", "\n", "’"]), max_size=16).map("".join))
def test_doubled_marks_are_those_of_the_plain_pattern(text):
    plain = re.compile(quotes.DOUBLED_MARK_PLAIN)
    assert [m.span() for m in quotes.DOUBLED_MARK.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(text=_joined(["Ana", "Ruiz", "(D-Ore.)", "(", ")", "()", "\n", "x"]))
def test_parentheses_are_dropped_as_the_pattern_drops_them(text):
    assert speakers._without_parentheses(text) == speakers.PARENTHESIS.sub("", text)


DECADE_PIECES = ["in", "the", "The", "THE", "early", "mid-", "mid", "late", "'", "’", "90s", "90S", "90ſ", "80s", "20s",
                 "00s", "10s", "1990s", "0s", "since", "x", ",", "-"]


@settings(max_examples=600, deadline=None)
@given(text=_joined(DECADE_PIECES))
def test_short_decades_are_found_where_the_plain_scan_finds_them(text):
    plain = [m.span() for m in dates.SHORT_DECADE.finditer(text)] if "0s" in text else []
    assert [(s, e) for s, e, _ in dates._short_decades(text)] == plain


PREFIX_PIECES = ["captured", "born", "Elected", "earlier", "as", "of", "on", "In", "mid", "-", "--", " - ", "since",
                 "between", "x", "the", "\n", "\t", "é", "Kelvin", "K", "ſince", "captured earlier as of",
                 "signed  earlier\tas of -", "born in", "died as  of"]


@settings(max_examples=800, deadline=None)
@given(text=_joined(PREFIX_PIECES), core=st.sampled_from(["", "2015", "May"]))
def test_a_date_prefix_is_found_from_the_floor(text, core):
    body, start = text + core, len(text)
    quick = dates._prefix_before(body, start)
    assert _spans(quick) == _spans(dates.PREFIX.search(body, max(0, start - 45), start))


RANK_BEFORE_PIECES = ["one of", "One  of", "the", "The", "a", "her", "Europe's", "Trump’s", "voters'", "very", "only",
                      "best-ever", "single", "finished", "tied for", "is in", "was", "a", "distant", "very strong",
                      "joint", "from", "to", "x", "\n", "\t", "é", "K", "ſ", "-", ","]


@settings(max_examples=800, deadline=None)
@given(text=_joined(RANK_BEFORE_PIECES), end=st.sampled_from(["", "one of the very ", "one of Europe's best-ever ",
                                                              "tied for a very strong ", "is in a distant ",
                                                              "x a very  strong\n"]),
       reach=st.sampled_from([40, 60]))
def test_what_stands_before_a_rank_is_found_from_the_floor(text, end, reach):
    text += end
    from workbench.extract import ranks
    from workbench.extract.scan import search_before
    start = len(text)
    for pattern, runs in ((ranks.DETERMINER_BEFORE, ranks.DETERMINER_RUNS), (ranks.STANDING_BEFORE, ranks.STANDING_RUNS)):
        plain = pattern.search(text, max(0, start - reach), start)
        assert _spans(search_before(pattern, text, start, reach, runs)) == _spans(plain)


@settings(max_examples=600, deadline=None)
@given(text=_joined(["U.S", "Mr", "p.m", "e.g", "J", "rock&roll", "O’Neil", "-", "'", "x", "\t", "\n", "é", "__"]))
def test_the_word_before_a_stop_is_the_plain_search(text):
    stop = len(text)
    plain = sentences._TOKEN.search(text, max(0, stop - sentences._LOOKBACK), stop)
    assert _spans(sentences.token_before(text, stop)) == _spans(plain)


# --- quantities: MULTIPLE tried only near its anchors ---

MULTIPLE_PIECES = ["three", "ten", "fold", "threefold", "three-fold", "more than", "nearly", "almost", "double",
                   "doubled", "doubling", "doubling down", "halving", "cut", "slashed", "reduced", "the", "deficit",
                   "state's", "rolls", "in", "half", "in half", "triple", "what", "of", "its", "budget", "ſ", "K", "x",
                   ",", "-", "\n", "redoubled"]


@settings(max_examples=800, deadline=None)
@given(pieces=st.lists(st.sampled_from(MULTIPLE_PIECES), max_size=16), gap=st.sampled_from([" ", "", "  ", "\t"]))
def test_multiples_found_near_their_anchors_are_the_whole_scan_matches(pieces, gap):
    from workbench.extract import quantities
    from workbench.extract.scan import finditer_at, starts_near_anchors
    text = gap.join(pieces).lower()
    fast = quantities.MULTIPLE.lowered
    starts = starts_near_anchors(text, quantities.MULTIPLE_ANCHORS, 8, in_run=True)
    assert [(m.span(), m.groups()) for m in finditer_at(fast, text, starts)] == \
        [(m.span(), m.groups()) for m in fast.finditer(text)]


RANK_PIECES = ["came", "come", "comes", "become", "finished", "ranked", "ranks", "rated", "Came", "CAME", "in", "joint",
               "equal", "third", "first", "second", "time", "x", "-", ",", "\n", "ſ", "K"]


@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(st.sampled_from(RANK_PIECES), max_size=12), gap=st.sampled_from([" ", "", "\t"]))
def test_places_in_a_ranking_found_at_their_verbs_are_the_whole_scan_matches(pieces, gap):
    from workbench.extract import quantities
    from workbench.extract.scan import finditer_at, starts_near_anchors
    text = gap.join(pieces).lower()
    fast = quantities.RANK.lowered
    starts = starts_near_anchors(text, quantities.RANK_VERBS, 0)
    assert [(m.span(), m.groups()) for m in finditer_at(fast, text, starts)] == \
        [(m.span(), m.groups()) for m in fast.finditer(text)]


OPENING_PIECES = ["half", "a", "quarter", "quarters", "third", "thirds", "of", "million", "billion", "dollars", "the",
                  "all", "its", "favourite", "favorite", "fav", "shot", "outsider", "outsiders", "odds", "at", "9/2",
                  "33-1", "3", "behalf", "ſhot", "K", "x", "-", ",", "\n"]


@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(st.sampled_from(OPENING_PIECES), max_size=12), gap=st.sampled_from([" ", "", "\t"]),
       name=st.sampled_from(["FRACTION_SCALE", "HALF", "ODDS"]))
def test_scans_started_at_their_opening_words_are_the_whole_scan_matches(pieces, gap, name):
    from workbench.extract import quantities
    from workbench.extract.scan import finditer_at, starts_near_anchors
    text = gap.join(pieces).lower()
    fast = {"FRACTION_SCALE": quantities.FRACTION_SCALE, "HALF": quantities.HALF,
            "ODDS": quantities.ODDS_WORD}[name].lowered
    starts = starts_near_anchors(text, quantities._OPENING_WORDS[name], 0)
    assert [(m.span(), m.groups()) for m in finditer_at(fast, text, starts)] == \
        [(m.span(), m.groups()) for m in fast.finditer(text)]
