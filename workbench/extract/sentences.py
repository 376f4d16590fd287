"""Sentence boundaries: offsets of each sentence in the body."""
from __future__ import annotations

import re

from ..model import Sentence

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before
# whitespace and a capital/quote/digit, or at a paragraph break.
_BOUNDARY = re.compile(r"""(?<=[.!?])["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])|\n\s*\n|\n""")


def split_sentences(body: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(body):
        end = m.start()
        # closing quote marks belong to the sentence they close
        while end < len(body) and body[end] in "\"'”’)]" and end < m.end():
            end += 1
        if body[start:end].strip():
            s, e = _trim(body, start, end)
            sentences.append(Sentence(s, e))
        start = m.end()
    if body[start:].strip():
        s, e = _trim(body, start, len(body))
        sentences.append(Sentence(s, e))
    return sentences


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end
