"""Check-worthiness: how much a fact-checker would want to check each sentence (0..1)."""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Sentence

_DIGIT = re.compile(r"\d")


def score_sentences(body: str, sentences: list[Sentence]) -> list[Sentence]:
    return [replace(s, checkworthiness=0.6 if _DIGIT.search(body, s.start, s.end) else 0.2) for s in sentences]
