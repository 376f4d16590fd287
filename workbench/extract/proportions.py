"""Shares said in words: "a majority of voters", "a plurality of refugees", "a minority of members".

A fact-checker checks these like a percentage (was it a majority?), so they are claims of kind
`percent` valued by the word ({"share": "majority"}), with no number a reader did not state.
Hedges ("most", "the bulk of") are left alone: nobody can check "most".
"""
from __future__ import annotations

from . import re_cached as re  # the re module, compiled code read from a file (re_cached.py)

from .scan import finditer_at, lowered_for_words, starts_near_anchors

SHARE_WORDS = ("majority", "plurality", "minority")
# "a majority of voters", "the overwhelming majority of members", "a two-thirds majority": the word and what it
# is a share of; "the majority leader" and "a minority government" share nothing
SHARE = re.compile(
    r"\b(?:an?|the)\s+(?:(?:clear|slim|narrow|large|small|overwhelming|vast|tiny|solid|bare|two-thirds|"
    r"three-fifths|absolute|simple|sizable|sizeable|substantial)\s+)?(?P<share>majority|plurality|minority)"
    r"(?P<of>\s+of\s+(?:(?:the|those|these|all|its|their|his|her)\s+)?[A-Za-z][\w’'-]*)", re.IGNORECASE)


def find_proportions(body: str, lowered: str) -> list[tuple[int, int, str, dict]]:
    """(start, end, kind, value) of every share said in words."""
    if not any(word in lowered for word in SHARE_WORDS):
        return []
    # the share word comes at most two words after the match's start ("a clear majority"): tried only
    # there, not at every character, where lower-casing finds what the case-blind pattern finds
    exact = lowered_for_words(body)
    matches = SHARE.finditer(body) if exact is None else \
        finditer_at(SHARE, body, starts_near_anchors(exact, SHARE_WORDS))
    return [(m.start(), m.end(), "percent", {"share": m["share"].lower()}) for m in matches]
