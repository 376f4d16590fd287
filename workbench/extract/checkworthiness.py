"""Check-worthiness: how much a fact-checker would want to check each sentence (0..1).

A logistic model learnt from 26,000 labelled debate and speech sentences (ClaimBuster and CLEF
CheckThat! 2019; scripts/train_checkworthiness.py rebuilds it, checkworthiness_model.md says from
what). A sentence's own score sums one weight per feature it holds, as often as it holds it
(worthiness_features.py: words, word pairs, cue groups, the kinds of figure the extractor found in
it, names, length). In a transcript
(labelled turns, a speaker speaking more than once) a second, small model adds what the turn says:
the strongest claim near the sentence in the same turn, an interviewer's sentences, a claim the next
speaker denies at once. News text has no turns and each sentence keeps its own score.

Pure Python at run time: the weights are a JSON file of a few hundred kilobytes, read once.
"""
from __future__ import annotations

import json
import math
from . import re_cached as re  # the re module, compiled code read from a file (re_cached.py)
from collections import Counter
from functools import cache
from itertools import repeat
from pathlib import Path
from typing import Iterable

from ..model import Claim, Sentence
from .worthiness_features import SentenceParts, sentence_parts

MODEL_PATH = Path(__file__).with_name("checkworthiness_model.json")

# Transcripts arrive as "SPEAKER: words"; the label says nothing about the claim.
_LABEL = re.compile(r"[A-Z][A-Za-z .'’-]{0,40}(?: \d{1,2})?:\s")
_LABEL_LONGEST = 45  # a label's colon comes within this many characters of its start
# A transcript speaker with at least 5 sentences of which at least one in eight is a question asks
# rather than answers (candidates in a debate ask about one in twenty).
_INTERVIEWER_MIN_SENTENCES = 5
_INTERVIEWER_QUESTION_SHARE = 0.12
# the set-up and the follow-up of a figure are checked with it: neighbours this close, same turn
_PASSAGE_WINDOW = 2
_DISPUTED_SENTENCES = 2  # the last sentences of a turn the next speaker denies
# "That's not true." "Wrong." "I never said that." The denial is the whole reply or ends at
# punctuation: "It's wrong to cut taxes" argues, it denies nothing.
_DENIAL = re.compile(r"\W*(?:no[,.!]*\s+|wrong[,.!]*\s+)*(?:that's|that is|it's|it is|this is|that was|totally|"
                     r"absolutely|completely|just|simply)?\s*(?:not true|wrong|false|a lie|untrue|incorrect|not correct|"
                     r"not accurate|not what (?:i|he|she) said|i never said|i didn't say|i did not say|never said)"
                     r"(?:\s+(?:that|it|this))?(?:\s+at\s+all)?\s*(?:[.,;:!?…]|--|—|–|\Z)", re.I)
# what the turn model reads, in the order its weights are stored
CONTEXT_FEATURES = ("own", "near", "interviewer", "disputed", "first_in_turn", "answers_question")


class WorthinessModel:
    """Learnt weights: `weights[feature] * unit` for the sentence model, `context[name]` for the turn model."""

    def __init__(self, bias: float, weights: dict[str, int], context: dict[str, float], unit: float = 1.0):
        self.bias, self.weights, self.context, self.unit = bias, weights, context, unit
        # a word's only feature is "w=word" (worthiness_features.word_features): its weight by the word
        # itself, and word pairs by (first, second), so scoring builds no string per word or pair
        self._word_weights = {name[2:]: w for name, w in weights.items() if name.startswith("w=")}
        self._pairs = {tuple(name[2:].split(" ", 1)): w for name, w in weights.items() if name.startswith("b=")}

    def own_score(self, parts: SentenceParts) -> float:
        """Log-odds of one sentence: the weights of its features, each as often as it occurs, summed and
        scaled by 1/sqrt(count), as trained. Equal to summing over sentence_features(), only faster."""
        tokens = parts.tokens
        total = sum(map(self.weights.get, parts.others, repeat(0)))
        total += sum(map(self._word_weights.get, tokens, repeat(0)))
        total += sum(map(self._pairs.get, zip(["^", *tokens], [*tokens, "$"]), repeat(0)))
        n = len(parts.others) + 2 * len(tokens) + 1  # a feature per word, and one pair more than words
        return self.bias + total * self.unit / math.sqrt(n)

    def feature_score(self, features: Counter[str]) -> float:
        """own_score() over the feature strings themselves: what training fits, and what tests compare."""
        total = sum(self.weights.get(name, 0) * count for name, count in features.items())
        return self.bias + total * self.unit / math.sqrt(sum(features.values()))

    def turn_score(self, context: dict[str, float]) -> float:
        """Log-odds of a transcript sentence from its own score and its turn (the turn model has no
        intercept at run time: it only moves sentences against each other)."""
        return sum(self.context.get(name, 0.0) * value for name, value in context.items())


@cache
def shipped_model() -> WorthinessModel:
    """The model shipped in the package, read once per process."""
    return load_model(MODEL_PATH)


def load_model(path: Path) -> WorthinessModel:
    """The model file: {"bias", "context", "unit", "features": [names], "weights": [whole numbers]}."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return WorthinessModel(bias=data["bias"], weights=dict(zip(data["features"], data["weights"])),
                           context=data["context"], unit=data["unit"])


def sentence_score(text: str, model: WorthinessModel | None = None) -> float:
    """Check-worthiness of one sentence, 0..1."""
    if not text.strip():
        return 0.0
    return score_sentences(text, [Sentence(0, len(text))], model=model)[0].checkworthiness


def score_sentences(body: str, sentences: list[Sentence], claims: Iterable[Claim] = (),
                    model: WorthinessModel | None = None) -> list[Sentence]:
    """Give every sentence its check-worthiness; `claims` are the figures and dates already found in
    the body (their kinds are features of their sentence). Linear in the body's length."""
    model = model or shipped_model()
    parts = sentence_parts_of(body, sentences, claims)
    own = [model.own_score(p) if p is not None else None for p in parts]
    labels = turn_labels(body, sentences)
    if labels is not None:  # a transcript: the turn around each sentence counts too
        for k, context in enumerate(turn_contexts(body, sentences, labels, own)):
            if context is not None:
                own[k] = model.turn_score(context)
    # a plain constructor call: dataclasses.replace costs more than the scoring itself
    return [Sentence(s.start, s.end, 0.0 if z is None else round(_sigmoid(z), 3)) for s, z in zip(sentences, own)]


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z > -30 else 0.0


def sentence_parts_of(body: str, sentences: list[Sentence], claims: Iterable[Claim] = ()) -> list[SentenceParts | None]:
    """What the model reads of every sentence (None for one without words); a speaker label is left out."""
    kinds: dict[int, set[str]] = {}
    for c in claims:
        kinds.setdefault(c.sentence_start, set()).add(c.kind)
    out: list[set[str] | None] = []
    for s in sentences:
        start = s.start
        label = _label(body, start, s.end)
        if label:
            start = label.end()  # "SPEAKER 2:" is not a figure, and the name is not a named source
        text = body[start:s.end]
        out.append(sentence_parts(text, kinds.get(s.start, ())) if _has_word(text) else None)
    return out


_WORDLIKE = re.compile(r"\w")


def _has_word(text: str) -> bool:
    return _WORDLIKE.search(text) is not None


def _label(body: str, start: int, end: int) -> re.Match[str] | None:
    """_LABEL at `start`; most sentences have no colon near their start, and a find spares the regex
    backtracking over up to 40 letters before it gives up."""
    if body.find(":", start, min(end, start + _LABEL_LONGEST)) == -1:
        return None
    return _LABEL.match(body, start, end)


def turn_contexts(body: str, sentences: list[Sentence], labels: list[str | None],
                  own: list[float | None]) -> list[dict[str, float] | None]:
    """What the turn model reads for each labelled sentence with words (None for the others)."""
    interviewers = _interviewers(body, sentences, labels)
    disputed = _disputed(body, sentences, labels)
    out: list[dict[str, float] | None] = [None] * len(sentences)
    start = 0
    while start < len(sentences):
        end = start + 1
        while end < len(sentences) and labels[end] == labels[start]:
            end += 1
        label = labels[start]
        if label is not None:
            asked = start > 0 and body[sentences[start - 1].start:sentences[start - 1].end].rstrip().endswith("?")
            for k in range(start, end):
                z = own[k]
                if z is None:
                    continue
                near = [own[m] for m in range(max(start, k - _PASSAGE_WINDOW), min(end, k + _PASSAGE_WINDOW + 1))
                        if m != k and own[m] is not None]
                out[k] = {"own": z, "near": max(0.0, max(near) - z) if near else 0.0,
                          "interviewer": float(label in interviewers), "disputed": float(k in disputed),
                          "first_in_turn": float(k == start), "answers_question": float(asked)}
        start = end
    return out


def _disputed(body: str, sentences: list[Sentence], labels: list[str | None]) -> set[int]:
    """The last sentences of each turn that the next speaker's first sentence denies."""
    out: set[int] = set()
    for k in range(1, len(sentences)):
        if labels[k] is None or labels[k - 1] is None or labels[k] == labels[k - 1]:
            continue
        s = sentences[k]
        label = _LABEL.match(body, s.start, s.end)
        if _DENIAL.match(body, label.end() if label else s.start, s.end):
            out.update(m for m in range(max(0, k - _DISPUTED_SENTENCES), k) if labels[m] == labels[k - 1])
    return out


def turn_labels(body: str, sentences: list[Sentence]) -> list[str | None] | None:
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
    claims a fact-checker picks from a debate."""
    said: dict[str, list[int]] = {}
    for s, label in zip(sentences, labels):
        if label is not None:
            counts = said.setdefault(label, [0, 0])
            counts[0] += 1
            counts[1] += body[s.start:s.end].rstrip().endswith("?")
    return {label for label, (n, questions) in said.items()
            if n >= _INTERVIEWER_MIN_SENTENCES and questions >= _INTERVIEWER_QUESTION_SHARE * n}
