"""Consistency hints: where an article's own figures disagree with each other.

Three checks, kept conservative so a hint is worth a reviewer's look: a part larger
than its whole ("130 of them" after "90 victims"), a share over 100% ("140% of the
vote"), and one thing given two different figures ("41 homes" ... "45 homes").
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Claim

_PART = re.compile(r"^(?P<n>[\d,.]+)\s+of\s+(?:them|those|these|whom)\b", re.IGNORECASE)
_NOUN = re.compile(r"^[\d,.]+\s+(?P<noun>(?:[a-z][\w’'-]*\s+){0,3}[a-z][\w’'-]*s)$")


def add_consistency_hints(body: str, claims: list[Claim]) -> list[Claim]:
    hints: dict[int, list[str]] = {}
    counts = [(i, c) for i, c in enumerate(claims) if c.kind == "count" and c.value and "number" in c.value]
    for k, (i, c) in enumerate(counts):
        if _PART.match(c.text):
            whole = next((w for j, w in reversed(counts[:k]) if not _PART.match(w.text)
                          and w.sentence_start >= c.sentence_start - 400), None)
            if whole and c.value["number"] > whole.value["number"]:
                hints.setdefault(i, []).append(
                    f"{c.value['number']:g} is more than the whole ({whole.text!r}) it is part of")
    for i, c in enumerate(claims):
        if c.kind == "percent" and c.value and c.value.get("unit") == "percent" and c.value.get("number", 0) > 100:
            if re.match(r"\s+of\b", body[c.end:c.end + 4]):
                hints.setdefault(i, []).append(f"a share of {c.value['number']:g}% is over 100%")
    by_noun: dict[str, list[int]] = {}
    for i, c in counts:
        if c.value.get("approx"):
            continue
        m = _NOUN.match(c.text)
        if m:
            by_noun.setdefault(m["noun"].lower(), []).append(i)
    for noun, idx in by_noun.items():
        figures = {claims[i].value["number"] for i in idx}
        if len(figures) > 1:
            for i in idx:
                others = sorted(f for f in figures if f != claims[i].value["number"])
                hints.setdefault(i, []).append(
                    f"the article also gives {', '.join(f'{f:g}' for f in others)} {noun}")
    if not hints:
        return claims
    return [replace(c, hints=tuple(hints[i])) if i in hints else c for i, c in enumerate(claims)]
