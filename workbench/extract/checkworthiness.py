"""Check-worthiness: how much a fact-checker would want to check each sentence (0..1).

A hand-weighted linear model over lexical cues that fact-checkers name when they
explain what they pick: figures and statistics, comparisons and superlatives,
causal claims, records and legislation, named sources up; questions, opinions,
promises, greetings and scene-setting down. The weights were set by hand on
sentences we wrote (tests/test_checkworthiness.py), not fitted to any evaluation
set, so they travel to other kinds of text. No model file, nothing downloaded.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import replace

from ..model import Sentence

_CUES: list[tuple[float, re.Pattern[str]]] = [
    (1.3, re.compile(r"\d")),
    (0.9, re.compile(r"%|\bper\s?cent\b|\bpercent", re.I)),
    (0.9, re.compile(r"[$£€¥]|\b(?:million|billion|trillion|dollars?|pounds|euros)\b", re.I)),
    (0.6, re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundreds?|"
                     r"thousands?|millions?|dozens?|half|third|quarter|twice|double|triple)\b", re.I)),
    (0.8, re.compile(r"\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|highest|lowest|largest|biggest|"
                     r"most|least|fastest|worst|best|record|increase[ds]?|decrease[ds]?|rose|risen|fell|fallen|"
                     r"grew|grown|doubled|tripled|halved|cut|cuts|raised|dropped|declined?|surged?|soared|"
                     r"plunged|jumped|since)\b", re.I)),
    (0.7, re.compile(r"\b(?:because|caused?|due\s+to|led\s+to|result(?:ed)?\s+in|thanks\s+to|responsible\s+for|"
                     r"blamed?)\b", re.I)),
    (0.8, re.compile(r"\b(?:tax(?:es)?|jobs?|unemployment|deficit|debt|budget|spending|economy|wages?|income|"
                     r"crime|murders?|deaths?|killed|died|victims?|immigrants?|immigration|health\s*care|"
                     r"insurance|oil|energy|emissions?|trade|exports?|imports?|gdp|inflation|poverty|prices?|"
                     r"votes?|voted|bill|law|legislation|funding|funded|fund|billion|rates?|percent|nuclear|"
                     r"military|troops|war|terror\w*|isis|iraq|iran|china|mexico|refugees?|police|guns?|"
                     r"schools?|students?|college|pension|social\s+security|medicare|medicaid|obamacare)\b", re.I)),
    (0.6, re.compile(r"\b(?:voted|passed|signed|vetoed|approved|created|lost|gained|spent|paid|raised|borrowed|"
                     r"owned|invested|supported|opposed|sponsored|endorsed|banned|allowed|cost|costs)\b", re.I)),
    (0.5, re.compile(r"\b(?:according\s+to|report(?:ed|s)?|study|studies|survey|data|figures|statistics|census|"
                     r"analysis|estimates?|official(?:s|ly)?)\b", re.I)),
    (0.4, re.compile(r"\b(?:every|all|never|always|nobody|no\s+one|only|first|largest|single)\b", re.I)),
    (-1.4, re.compile(r"\?\s*$")),
    (-0.9, re.compile(r"\b(?:I|we)\s+(?:think|believe|feel|hope|want|wish|love|like|need|will|'ll|’ll|are\s+going|"
                      r"have\s+to|must|can)\b", re.I)),
    (-0.7, re.compile(r"\b(?:should|would|could|might|may|going\s+to|will|gonna|let's|let’s|let\s+me|can't\s+wait)\b",
                      re.I)),
    (-1.2, re.compile(r"^\W*(?:thank\s+you|thanks|good\s+(?:evening|morning|night)|hello|applause|laughter|"
                      r"okay|ok|well|yes|no|right|sure|absolutely|excuse\s+me|please|wow)\b\W*", re.I)),
    (-0.6, re.compile(r"\b(?:great|wonderful|amazing|terrible|horrible|disaster|beautiful|incredible|tremendous|"
                      r"believe\s+me|frankly|honestly|folks)\b", re.I)),
    (-0.5, re.compile(r"\b(?:you|your)\b", re.I)),
]
_WORD = re.compile(r"\w+")
# Transcripts arrive as "SPEAKER: words"; the label says nothing about the claim.
_LABEL = re.compile(r"^[A-Z][A-Za-z .'’-]{0,40}:\s")


def sentence_score(text: str) -> float:
    """Check-worthiness of one sentence, 0..1."""
    text = _LABEL.sub("", text, count=1)
    words = len(_WORD.findall(text))
    if words == 0:
        return 0.0
    z = -1.6
    for weight, pattern in _CUES:
        if pattern.search(text):
            z += weight
    if words < 6:
        z -= 1.2
    elif words > 14:
        z += 0.3
    return round(1 / (1 + math.exp(-z)), 3)


_FAST: dict = {}


def score_sentences(body: str, sentences: list[Sentence]) -> list[Sentence]:
    """Score every sentence; each cue scans the body once (fast on long articles)."""
    if not sentences:
        return []
    starts = [s.start for s in sentences]
    z = [-1.6] * len(sentences)
    lowered = body.lower()
    if len(lowered) != len(body):
        lowered = None
    for weight, pattern in _CUES:
        if pattern.pattern.startswith("^") or pattern.pattern.endswith("$"):
            for i, s in enumerate(sentences):
                if pattern.search(_LABEL.sub("", body[s.start:s.end], count=1)):
                    z[i] += weight
            continue
        hit: set[int] = set()
        fast = _FAST.get(pattern)
        if fast is None and pattern.flags & re.IGNORECASE:
            fast = _FAST[pattern] = re.compile(pattern.pattern.replace("(?:I|we)", "(?:i|we)"),
                                               pattern.flags & ~re.IGNORECASE)
        matches = fast.finditer(lowered) if fast is not None and lowered is not None else pattern.finditer(body)
        for m in matches:
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and i not in hit and m.start() < sentences[i].end:
                hit.add(i)
                z[i] += weight
    out = []
    for i, s in enumerate(sentences):
        text = body[s.start:s.end]
        words = text.count(" ") + 1
        if not text.strip():
            out.append(replace(s, checkworthiness=0.0))
            continue
        if _LABEL.match(text) and m_digit_in_label(text):
            z[i] -= 1.3
        score = z[i] - 1.2 if words < 6 else (z[i] + 0.3 if words > 14 else z[i])
        out.append(replace(s, checkworthiness=round(1 / (1 + math.exp(-score)), 3)))
    return out


def m_digit_in_label(text: str) -> bool:
    """A digit inside a transcript label ("SPEAKER 2:") is not a figure."""
    label = _LABEL.match(text)
    return bool(label and re.search(r"\d", label.group())) and not re.search(r"\d", text[label.end():])
