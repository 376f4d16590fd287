"""Consistency hints: where an article's own figures disagree with each other.

Three checks, kept conservative so a hint is worth a reviewer's look: a part larger
than its whole ("130 of them" after "90 victims"), a share of a group over 100%
("140% of the voters"; "150% of the national average" is a ratio, not a share), and
one thing given two different figures ("41 homes were destroyed" ... "45 homes were
destroyed": same noun and the same word beside it, so "ahead 3 points" and "a lead
of 7 points" in different polls stay quiet).
"""
from __future__ import annotations

from . import re_cached as re  # the re module, compiled code read from a file (re_cached.py)

from ..model import Claim, replaced

_PART = re.compile(r"^(?P<n>[\d,.]+)\s+of\s+(?:them|those|these|whom|us|you)\b", re.IGNORECASE)
_NOUN = re.compile(r"^[\d,.]+\s+(?P<noun>(?:[a-z][\w’'-]*\s+){0,3}[a-z][\w’'-]*s)$")
# what follows "N% of": a group of people or things (a share), not a level or an average (a ratio)
_SHARE_OF = re.compile(r"\s+of\s+(?:(?:the|all|its|their|his|her|our|those|these|registered|eligible)\s+)*"
                       r"(?P<word>[a-z][\w’'-]*)", re.IGNORECASE)
_WHOLES = {"vote", "votes", "population", "electorate", "total", "workforce", "public", "country", "nation",
           "respondents", "voters", "people", "residents", "households", "adults", "children", "students",
           "members", "seats", "workers", "patients", "cases", "homes", "budget"}
# plural nouns too general to say two figures count the same thing
_GENERIC = {"times", "points", "others", "ones", "years", "days", "months", "weeks", "hours", "minutes"}
_WORD = re.compile(r"[A-Za-z][a-z’'-]{2,}")
_FILLER = frozenset(
    "the and but for with from that which who whom whose was were are been had have has will would could "
    "should may might can did does not than into over after before since during until about per each every "
    "this these those its their his her our your they she you also only just said says more than some".split()
)


def add_consistency_hints(body: str, claims: list[Claim]) -> list[Claim]:
    hints: dict[int, list[str]] = {}
    counts = [(i, c) for i, c in enumerate(claims) if c.kind == "count" and c.value and "number" in c.value]
    for k, (i, c) in enumerate(counts):
        if _PART.match(c.text):
            whole = next((w for j, w in reversed(counts[:k]) if not _PART.match(w.text)
                          and w.sentence_start >= c.sentence_start - 400), None)
            if whole and not whole.value.get("approx") and c.value["number"] > whole.value["number"]:
                hints.setdefault(i, []).append(
                    f"{c.value['number']:g} is more than the whole ({whole.text!r}) it is part of")
    for i, c in enumerate(claims):
        if c.kind == "percent" and c.value and c.value.get("unit") == "percent" and c.value.get("number", 0) > 100:
            share = _SHARE_OF.match(body, c.end)
            if share and share["word"].lower() in _WHOLES:
                hints.setdefault(i, []).append(f"a share of {c.value['number']:g}% is over 100%")
    by_noun: dict[str, list[int]] = {}
    for i, c in counts:
        if c.value.get("approx"):
            continue
        m = _NOUN.match(c.text)
        if m and m["noun"].lower().split()[-1] not in _GENERIC:
            by_noun.setdefault(m["noun"].lower(), []).append(i)
    for noun, idx in by_noun.items():
        if len({claims[i].value["number"] for i in idx}) < 2:
            continue
        context = {i: _context_words(body, claims[i]) for i in idx}
        for i in idx:
            others = sorted({claims[j].value["number"] for j in idx
                             if claims[j].value["number"] != claims[i].value["number"] and context[i] & context[j]})
            if others:
                hints.setdefault(i, []).append(
                    f"the article also gives {', '.join(f'{f:g}' for f in others)} {noun}")
    if not hints:
        return claims
    return [replaced(c, hints=tuple(hints[i])) if i in hints else c for i, c in enumerate(claims)]


def _context_words(body: str, claim: Claim) -> set[str]:
    """What a figure is said of: the content word right before it ("destroyed 41 homes") and the first
    content word after it ("41 homes were destroyed"), inside its sentence, never across another figure."""
    before = body[max(claim.sentence_start, claim.start - 40):claim.start]
    after = body[claim.end:min(claim.sentence_end, claim.end + 40)]
    before = _DIGIT.split(before)[-1]
    after = _DIGIT.split(after)[0]
    words: set[str] = set()
    last = _WORD.findall(before)[-1:]
    if last and last[0].lower() not in _FILLER:
        words.add("<" + last[0].lower())
    following = [w.lower() for w in _WORD.findall(after)[:3] if w.lower() not in _FILLER]
    if following:
        words.add(">" + following[0])
    return words


_DIGIT = re.compile(r"\d")
