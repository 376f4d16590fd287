"""The short summary a ClaimReview publishes as claimReviewed: Google asks for under 75 characters, the claim
alone. By default the claim's own clause: dateline and attribution ("…, officials said") removed, cut at
words around the claim; a reviewer's own summary (`workbench summary`, `m` in the TUI) replaces it."""
from __future__ import annotations

import re
from typing import Any

SUMMARY_LIMIT = 75
ELLIPSIS = "…"

# "DAMASCUS: ", "LONDON (Reuters) - ", "NEW YORK —": capitals, an optional agency, then a colon or a dash
DATELINE = re.compile(r"[A-Z][A-Z'’.\-]+(?:[ ,]+[A-Z][A-Z'’.\-]*){0,3}(?:\s*\([^()\n]{1,30}\))?\s*(?::|[—–]|--?)\s+")
# words that start a clause of its own after a comma; a claim is summarised with its clause only
CLAUSE_BREAK = re.compile(r";\s+|\s+[—–]\s+|,\s+(?:but|while|whereas|although|though|yet)\s+")
_VERBS = (r"(?:said|says|told\s+\w+|added|argued|warned|insisted|claimed|stated|announced|confirmed|"
          r"reported|estimated|estimates|wrote|believes|believed)")
# the attribution at a clause's end: ", officials said.", ", said Jane Ruiz.", ", according to the ONS."
TRAILING = re.compile(
    rf",\s*(?:(?:has\s+|have\s+|had\s+)?{_VERBS}\s+(?P<after>[^,;\"“”]{{2,60}}?)"
    rf"|(?P<before>[^,;\"“”]{{2,60}}?)\s+(?:has\s+|have\s+|had\s+)?{_VERBS}(?:\s+on\s+\w+)?"
    rf"|according\s+to\s+(?P<source>[^,;\"“”]{{2,60}}?))\s*[.!?]?\s*\Z")
# the attribution opening a clause: "The ministry said (that) ", "Officials estimate ", "She told MPs "
LEADING_REPORTED = re.compile(
    r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|[Ii]t|(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+)?"
    r"(?:[\w’'\-]+\s+){0,4}?[\w’'\-]+)\s+(?:(?:has|have|had|also)\s+)?"
    rf"{_VERBS}(?:\s+on\s+\w+day)?(?:\s+that)?\s+(?=[a-z£$€\d])")
LEADING_ACCORDING = re.compile(r"According\s+to\s+(?P<source>[^,;\"“”]{2,60}?),\s+")


def default_summary(claim: dict[str, Any]) -> str:
    """The summary a claim gets when no reviewer has written one."""
    if claim["kind"] == "quote":
        return trim(_unquoted(claim["text"]), 0, 0)
    sentence, at = _sentence_of(claim)
    # a figure in a quote is the speaker's words: summarise the quote, not the sentence around it
    quoted = _inside_quote(sentence, 0, len(sentence), at, at + len(claim["text"]))
    lo, hi = clause_of(sentence, at, at + len(claim["text"]), *(quoted or (0, len(sentence))))
    attribution = None if quoted else _attribution_cut(sentence, lo, hi, at, at + len(claim["text"]))
    if attribution:
        lo, hi = attribution
    text = sentence[lo:hi]
    start = at - lo
    return trim(text, start, start + len(claim["text"]))


def summary_of(claim: dict[str, Any]) -> str:
    return claim.get("summary") or default_summary(claim)


def attributed_to(claim: dict[str, Any]) -> str | None:
    """The mention an attribution at the end of the claim's clause names ("…, officials said"), which the
    extractor (reading "X said" before the claim) does not look for."""
    if claim["kind"] == "quote":
        return None
    sentence, at = _sentence_of(claim)
    lo, hi = clause_of(sentence, at, at + len(claim["text"]))
    m = TRAILING.search(sentence, lo, hi)
    if m and m.start() >= at + len(claim["text"]):
        return next(g for g in (m.group("after"), m.group("before"), m.group("source")) if g).strip()
    m = LEADING_ACCORDING.match(sentence, lo)
    return m.group("source").strip() if m and m.end() <= at else None


def _sentence_of(claim: dict[str, Any]) -> tuple[str, int]:
    sentence = claim.get("sentence") or claim["text"]
    start = claim["start"] - (claim["sentence_start"] if claim.get("sentence_start") is not None else claim["start"])
    if not 0 <= start <= len(sentence) - len(claim["text"]) or sentence[start:start + len(claim["text"])] != claim["text"]:
        return claim["text"], 0
    return sentence, start


def clause_of(sentence: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """The clause holding [start, end) within sentence[lo:hi], as (lo, hi): the dateline and a clause of its
    own (after "; ", " — ", ", but") left out; never a cut inside brackets or the claim."""
    hi = len(sentence.rstrip()) if hi is None else hi
    m = DATELINE.match(sentence, lo)
    if m and m.end() <= start:
        lo = m.end()
    for cut in CLAUSE_BREAK.finditer(sentence, lo, hi):
        if _bracket_depth(sentence, cut.start()):
            continue
        if cut.end() <= start:
            lo = cut.end()
        elif cut.start() >= end:
            hi = cut.start()
            break
    return lo, hi


def _attribution_cut(sentence: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int] | None:
    """The clause without the words that attribute it, when they are at its edge and not part of the claim."""
    new_lo, new_hi = lo, hi
    m = LEADING_ACCORDING.match(sentence, lo)
    if m and m.end() <= start:
        new_lo = m.end()
    else:
        # "X said" opening the clause, or after a phrase set off by a comma ("Elsewhere in Homs, the
        # Observatory said"); "which it said had been" inside the clause is part of what it reports
        comma = sentence.find(", ", lo, start)
        for at in (lo, comma + 2) if comma >= 0 else (lo,):
            m = LEADING_REPORTED.match(sentence, at, start)
            if m:
                new_lo = m.end()
                break
    m = TRAILING.search(sentence, lo, hi)
    if m and m.start() >= end:
        new_hi = m.start()
    return (new_lo, new_hi) if (new_lo, new_hi) != (lo, hi) else None


def _inside_quote(sentence: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int] | None:
    before, after = sentence[lo:start], sentence[end:hi]
    if before.count('"') % 2:
        close = after.find('"')
        return (lo + before.rfind('"') + 1, end + close) if close >= 0 else None
    if before.rfind("“") > before.rfind("”"):
        close = after.find("”")
        return (lo + before.rfind("“") + 1, end + close) if close >= 0 else None
    return None


def _bracket_depth(text: str, at: int) -> int:
    before = text[:at]
    return max(0, before.count("(") - before.count(")"))


def _unquoted(text: str) -> str:
    return text.strip().strip("\"“”«»‘’'").strip().rstrip(",").strip().strip("\"“”«»").strip()


def trim(text: str, start: int, end: int, limit: int = SUMMARY_LIMIT) -> str:
    """`text` in at most `limit` characters, cut at words with an ellipsis, keeping [start, end) (the claim)
    when it fits; the first letter capitalised, as a summary stands alone."""
    text, start, end = _squeezed(text, start, end)
    stripped = text.rstrip(" .,;:")
    text = stripped if len(stripped) >= end else text[:end]  # "6 p.m." keeps its full stop
    if len(text) > limit:
        m = LEADING_PHRASE.match(text)
        if m and m.end() <= start:  # "In a speech on Monday, " is context, not the claim
            text, start, end = text[m.end():], start - m.end(), end - m.end()
    if len(text) > limit:
        if end - start >= limit - 1 or end <= limit - 1:
            cut = _cut_right(text, limit - 1)
            kept = _without_loose_end(cut)
            text = (kept if len(kept) >= min(end, len(cut)) else cut) + ELLIPSIS
        else:
            text = _head_and_claim(text, start, end, limit)
    return text[:1].upper() + text[1:] if text[:1].islower() else text


# a phrase setting the scene before the clause's subject: "Elsewhere in Homs province, ", "Meanwhile, "
LEADING_PHRASE = re.compile(r"(?:In|On|At|By|After|Before|During|Since|Elsewhere|Meanwhile|Earlier|Later|However|"
                            r"Also|Overall|Writing|Speaking|Separately|Last|This|Next)\b[^,;()]{0,60},\s+")


def _head_and_claim(text: str, start: int, end: int, limit: int) -> str:
    """The clause's first words (its subject and verb) … the claim with a word or two around it: "The Syrian
    army recaptured a town … from the Islamic State group on Monday"."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    first = next(i for i, (_, e) in enumerate(words) if e > start)
    following = [e for s, e in words if s >= end]
    # the most context around the claim that still leaves room for a head of three words or more
    for before in (2, 1, 0):
        for after in (3, 2, 1, 0):
            tail_start = words[max(0, first - before)][0]
            tail_end = following[after - 1] if 0 < after <= len(following) else (
                len(text) if after and not following else end)
            tail = text[tail_start:tail_end].rstrip(" ,;:")
            if tail_end < len(text):
                kept = _without_loose_end(tail)
                tail = (kept if len(kept) >= end - tail_start else tail) + ELLIPSIS
            head = ""
            for s, e in words:
                if e >= tail_start or e + len(tail) + 3 > limit:
                    break
                head = text[:e]
            head = _without_loose_end(head)
            if len(head.split()) >= 3:
                return f"{head.rstrip(' ,;:')} {ELLIPSIS} {tail.lstrip(' ,;:')}"
    # no head worth the words: begin a few words before the claim instead
    window = text[words[max(0, first - 2)][0]:]
    return ELLIPSIS + (_cut_right(window, limit - 2) + ELLIPSIS if len(window) > limit - 1 else window)


# a cut after one of these leaves it hanging: "advancing on the …", "victims of the November…"
LOOSE_ENDS = {"the", "a", "an", "of", "on", "in", "to", "for", "at", "by", "with", "and", "or", "from", "as",
              "that", "which", "who", "its", "their", "his", "her"}


def _without_loose_end(text: str) -> str:
    words = text.split(" ")
    while len(words) > 1 and words[-1].lower().strip(",;:") in LOOSE_ENDS:
        words.pop()
    return " ".join(words).rstrip(" ,;:")


def _cut_right(text: str, width: int) -> str:
    cut = text[:width + 1]
    cut = cut.rsplit(" ", 1)[0] if " " in cut and len(text) > width else cut
    return cut[:width].rstrip(" ,;:—–-(")


def _squeezed(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Whitespace runs as one space, the claim's offsets kept in step (by regex: a quote can be long)."""
    squeeze = lambda part: _SPACES.sub(" ", part)
    lead = len(text) - len(text.lstrip())
    text, start, end = text[lead:], max(0, start - lead), max(0, end - lead)
    new_start = len(squeeze(text[:start]))
    new_end = new_start + len(squeeze(text[start:end]))
    squeezed = squeeze(text).rstrip()
    # a run that straddles the claim's start is one space in the whole but counted on both sides
    if text[:start].endswith((" ", "\n", "\t")) and text[start:start + 1].isspace():
        new_end -= 1
    return squeezed, min(new_start, len(squeezed)), min(new_end, len(squeezed))


_SPACES = re.compile(r"\s+")
