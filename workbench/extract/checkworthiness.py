"""Check-worthiness: how much a fact-checker would want to check each sentence (0..1).

A hand-weighted linear model over lexical cues that fact-checkers name when they
explain what they pick: figures and statistics, comparisons and superlatives,
causal claims, records and legislation, named sources up; questions, opinions,
promises, greetings and scene-setting down. In a transcript (labelled turns, a
speaker speaking more than once) three context rules follow: a sentence shares in
the strongest claim within two sentences of it in the same turn, the end of a turn
the next speaker denies goes up, and an interviewer's sentences go down. News text
has no turns and each sentence keeps its own score. The weights were set by hand on
sentences we wrote (tests/test_checkworthiness.py), not fitted to any evaluation
set, so they travel to other kinds of text; only the passage rule's weight and
floor were picked among a few round values by their MAP on the CT19 debates, and
every value tried is in benchmarks/README.md. No model file, nothing downloaded.
"""
from __future__ import annotations

import math
import re
from ..model import Sentence


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# (weight, single words, phrases): a sentence gets `weight` once if any word or phrase is in it.
# Word sets are matched against the sentence's lower-cased words in one set operation each,
# which keeps scoring far faster than a regex per cue.
_CUES: list[tuple[float, frozenset[str], tuple[str, ...]]] = [
    (0.9, _words("percent percentage percentages"), ("%", "per cent")),
    (0.9, _words("million billion trillion millions billions dollar dollars pounds euros"), ("$", "£", "€", "¥")),
    (0.6, _words("""one two three four five six seven eight nine ten twenty thirty forty fifty hundred hundreds
        thousand thousands dozen dozens half third quarter twice double triple"""), ()),
    (0.8, _words("""more less fewer higher lower larger smaller bigger highest lowest largest biggest most least
        fastest worst best record increase increased increases decrease decreased decreases rose risen fell
        fallen grew grown doubled tripled halved cut cuts raised dropped decline declined surge surged soared
        plunged jumped since than"""), ()),
    (0.7, _words("because cause caused blame blamed"),
     ("due to", "led to", "result in", "resulted in", "thanks to", "responsible for")),
    # policy topics, never named countries, groups or programmes: those would fit one election's debates
    # (removing "isis iraq iran china mexico medicare medicaid obamacare" cost 0.003 MAP on CT19)
    (0.8, _words("""tax taxes job jobs unemployment deficit debt budget spending economy wage wages income crime
        murder murders death deaths killed died victim victims immigrant immigrants immigration healthcare
        insurance oil energy emission emissions trade export exports import imports gdp inflation poverty price
        prices vote votes voted bill law legislation funding funded fund rate rates nuclear military troops war
        terror terrorism terrorist terrorists refugee refugees police gun guns
        school schools student students college pension billion percent"""),
     ("health care", "social security")),
    (0.6, _words("""voted passed signed vetoed approved created lost gained spent paid raised borrowed owned
        invested supported opposed sponsored endorsed banned allowed cost costs"""), ()),
    (0.5, _words("""report reported reports study studies survey data figures statistics census analysis estimate
        estimates official officials officially"""), ("according to",)),
    (0.4, _words("every all never always nobody only first largest single"), ("no one",)),
    (-0.9, frozenset(), tuple(f"{who} {verb}" for who in ("i", "we") for verb in (
        "think", "believe", "feel", "hope", "want", "wish", "love", "like", "need", "will", "are going",
        "have to", "must", "can")) + ("i'll", "we'll", "i am going", "i'm going", "we're going")),
    (-0.7, _words("should would could might may will gonna let's"),
     ("going to", "let me", "can't wait")),
    (-0.6, _words("great wonderful amazing terrible horrible disaster beautiful incredible tremendous frankly "
                  "honestly folks"), ("believe me",)),
    (-0.5, _words("you your"), ()),
    # vague talk names nothing a record could confirm
    (-0.4, _words("maybe perhaps probably something anything stuff things"), ("kind of", "sort of", "a lot")),
]
# each phrase with the word it starts with, when it starts with one: "i think" can only be in a
# sentence whose words include "i", a set lookup far cheaper than searching the text for it
_GATED_CUES = [(weight, cue_words, tuple((p.split()[0] if p[:1].isalpha() else None, p) for p in phrases))
               for weight, cue_words, phrases in _CUES]
_BIAS = -1.6
_SHORT_WEIGHT = 1.2  # under six words: a greeting, a reaction, a fragment
_SHORT_CLAIM_WEIGHT = 0.6  # under six words but naming something a record could confirm
_CONTENT_CUE = 0.5  # cues from this weight up name something checkable; "every", "all", "never" only stress it
_DIGIT_WEIGHT = 1.3
_QUESTION_WEIGHT = -1.4
_OPENER_WEIGHT = -1.2
_WORD = re.compile(r"[\w']+")
_DIGIT = re.compile(r"\d")
# Transcripts arrive as "SPEAKER: words"; the label says nothing about the claim.
_LABEL = re.compile(r"[A-Z][A-Za-z .'’-]{0,40}(?: \d{1,2})?:\s")
_LABEL_LONGEST = 45  # a label's colon comes within this many characters of its start


def _label(body: str, start: int, end: int) -> re.Match[str] | None:
    """_LABEL at `start`; most sentences have no colon near their start, and a find spares the regex
    backtracking over up to 40 letters before it gives up."""
    if body.find(":", start, min(end, start + _LABEL_LONGEST)) == -1:
        return None
    return _LABEL.match(body, start, end)


# Greetings and reactions that open a turn rather than state a fact.
_OPENER = re.compile(r"\W*(?:thank\s+you|thanks|good\s+(?:evening|morning|night)|hello|applause|laughter|"
                     r"okay|ok|well|yes|no|right|sure|absolutely|excuse\s+me|please|wow)\b", re.I)
# A transcript speaker with at least 5 sentences of which at least one in eight is a question asks
# rather than answers (candidates in a debate ask about one in twenty); their sentences go down.
_INTERVIEWER_WEIGHT = -2.0
_INTERVIEWER_MIN_SENTENCES = 5
_INTERVIEWER_QUESTION_SHARE = 0.12
_QUESTION = re.compile(r"\?\s*\Z")
# A spoken claim often runs over several short sentences ("He hired workers from Poland. He paid a
# million dollars for it."), and a speaker who argues from the record does it with a run of facts.
# So in a transcript a sentence takes a share of the strongest claim within two sentences of it in
# the same turn: the set-up and the follow-up of a figure are checked with it.
_PASSAGE_WINDOW = 2
_PASSAGE_WEIGHT = 0.8
_PASSAGE_FLOOR = -1.0  # a neighbour counts above this log-odds (about 0.27)
# "That's not true." "Wrong." "I never said that." A claim the next speaker disputes at once is the
# contested claim a fact-checker is asked to settle: the last sentences before the denial go up.
_DISPUTED_WEIGHT = 1.0
_DISPUTED_SENTENCES = 2
# The denial is the whole reply or ends at punctuation: "It's wrong to cut taxes" argues, it denies nothing.
_DENIAL = re.compile(r"\W*(?:no[,.!]*\s+|wrong[,.!]*\s+)*(?:that's|that is|it's|it is|this is|that was|totally|"
                     r"absolutely|completely|just|simply)?\s*(?:not true|wrong|false|a lie|untrue|incorrect|not correct|"
                     r"not accurate|not what (?:i|he|she) said|i never said|i didn't say|i did not say|never said)"
                     r"(?:\s+(?:that|it|this))?(?:\s+at\s+all)?\s*(?:[.,;:!?…]|--|—|–|\Z)", re.I)


def sentence_score(text: str) -> float:
    """Check-worthiness of one sentence, 0..1."""
    return score_sentences(text, [Sentence(0, len(text))])[0].checkworthiness if text.strip() else 0.0


def score_sentences(body: str, sentences: list[Sentence]) -> list[Sentence]:
    """Give every sentence its check-worthiness; linear in the body's length."""
    own = [_score(body, s.start, s.end) for s in sentences]
    labels = _turn_labels(body, sentences)
    if labels is not None:  # a transcript: the turn around each sentence counts too
        interviewers = _interviewers(body, sentences, labels)
        context = _passage_weights(own, labels)
        _add_disputed(body, sentences, labels, context)
        for k, label in enumerate(labels):
            if own[k] is not None:
                own[k] += context[k] + (_INTERVIEWER_WEIGHT if label in interviewers else 0.0)
    # a plain constructor call: dataclasses.replace costs more than the scoring itself
    return [Sentence(s.start, s.end, 0.0 if z is None else round(1 / (1 + math.exp(-z)), 3))
            for s, z in zip(sentences, own)]


def _passage_weights(own: list[float | None], labels: list[str | None]) -> list[float]:
    """What each sentence of a transcript turn takes from the strongest claim near it in that turn.

    Only labelled turns: news text has no turns, and each of its sentences keeps its own score."""
    extra = [0.0] * len(own)
    start = 0
    while start < len(own):
        end = start + 1
        while end < len(own) and labels[end] == labels[start]:
            end += 1
        if labels[start] is not None:
            for k in range(start, end):
                near = [own[m] for m in range(max(start, k - _PASSAGE_WINDOW), min(end, k + _PASSAGE_WINDOW + 1))
                        if m != k and own[m] is not None]
                if near:
                    extra[k] = _PASSAGE_WEIGHT * max(0.0, max(near) - _PASSAGE_FLOOR)
        start = end
    return extra


def _add_disputed(body: str, sentences: list[Sentence], labels: list[str | None], extra: list[float]) -> None:
    """Raise the end of a turn that the next speaker's first sentence denies."""
    for k in range(1, len(sentences)):
        if labels[k] is None or labels[k - 1] is None or labels[k] == labels[k - 1]:
            continue
        s = sentences[k]
        label = _LABEL.match(body, s.start, s.end)
        if _DENIAL.match(body, label.end() if label else s.start, s.end):
            for m in range(max(0, k - _DISPUTED_SENTENCES), k):
                if labels[m] == labels[k - 1]:
                    extra[m] += _DISPUTED_WEIGHT


def _turn_labels(body: str, sentences: list[Sentence]) -> list[str | None] | None:
    """The transcript label ("SANDERS", "MODERATOR") of the turn each sentence belongs to, if any;
    None when the body is no transcript.

    A body is a transcript only when some label opens two or more lines: a speaker speaks again. A
    news dateline ("DAMASCUS: The Syrian army...") opens one line and makes no turn."""
    labels: list[str | None] = []
    current = None
    opened: set[str] = set()
    speaks_again = False
    for s in sentences:
        if s.start == 0 or body[s.start - 1] == "\n":  # a label opens a line
            label = _label(body, s.start, s.end)
            if label:
                current = body[label.start():label.end()].rstrip().rstrip(":")
                speaks_again = speaks_again or current in opened
                opened.add(current)
            elif body[s.start - 1:s.start] == "\n" and body[s.start - 2:s.start] == "\n\n":
                current = None  # a new paragraph without a label ends the turn
        labels.append(current)
    return labels if speaks_again else None


def _interviewers(body: str, sentences: list[Sentence], labels: list[str | None]) -> set[str]:
    """Labels whose turns are mostly questions: the moderator or interviewer of a transcript.

    Their statements set up questions ("Senator, you said crime rose 10%...") rather than make the
    claims a fact-checker picks from a debate, so they rank below the speakers being questioned."""
    said: dict[str, list[int]] = {}
    for s, label in zip(sentences, labels):
        if label is not None:
            counts = said.setdefault(label, [0, 0])
            counts[0] += 1
            counts[1] += body[s.start:s.end].rstrip().endswith("?")
    return {label for label, (n, questions) in said.items()
            if n >= _INTERVIEWER_MIN_SENTENCES and questions >= _INTERVIEWER_QUESTION_SHARE * n}


def _score(body: str, start: int, end: int) -> float | None:
    """The linear score (log-odds) of one sentence; None when it has no words."""
    label = _label(body, start, end)
    if label:
        start = label.end()  # "SPEAKER 2:" is not a figure, and the name is not a named source
    text = body[start:end].replace("’", "'").lower()
    words = _WORD.findall(text)
    if not words:
        return None
    vocabulary = set(words)
    z = _BIAS
    if _DIGIT.search(text):
        z += _DIGIT_WEIGHT
    names_something = False  # a figure word, a topic, a record verb, a comparison, a cause, a source
    for weight, cue_words, phrases in _GATED_CUES:
        if cue_words.isdisjoint(vocabulary):
            for first, phrase in phrases:
                if (first is None or first in vocabulary) and phrase in text:
                    break
            else:
                continue
        z += weight
        if weight >= _CONTENT_CUE:
            names_something = True
    if _QUESTION.search(text):
        z += _QUESTION_WEIGHT
    if _OPENER.match(text):
        z += _OPENER_WEIGHT
    n = text.count(" ") + 1
    if n < 6:
        # "Murders are up." is a terse claim, "Thank you all." a reaction: only the second loses it all
        z -= _SHORT_CLAIM_WEIGHT if names_something else _SHORT_WEIGHT
    elif n > 14:
        z += 0.3
    return z
