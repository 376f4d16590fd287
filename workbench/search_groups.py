"""One result per story: the same claim in copies of a sentence across articles, shown once (issue 16).

A wire story reprinted, a piece re-filed the next day, a quote carried by three outlets: the copies
differ in punctuation, quote marks, case, a word or two ("the nation's" / "the country's", "he said"
left off). Read in the search text's normalised words (lower-case ASCII, figures canonical, stop words
and punctuation gone), two claims are copies when
- their sentences hold the same figures: "at least 14" and "at least 45" are two claims, however alike;
- their sentences are near-identical: rapidfuzz ratio >= NEAR, each of at least MIN_WORDS words;
- their own words (a quote's speaker and words, a figure's span) are near-identical in the same way;
- they come from different articles (a sentence said twice in one article is two places to review).
Identical search texts are copies whatever their length, as before.

NEAR and MIN_WORDS were read off PolNeAR train (840 articles, 15,421 sentences holding claims, every
pair across articles compared; benchmarks/README.md, "near-duplicate stories grouped"): above 85 every
pair of at least 8 words was one sentence lightly edited (31 distinct pairs); the first pair that is
two sentences (a shared tail, "the State Department's handling ... has created") scored 80.2. Short
lines are alike by chance: "8:20 a.m." / "8:20 p.m.", two polls' "margin of error of 3 percentage points".
"""
from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from .textnorm import SEPARATOR

NEAR = 85.0  # rapidfuzz ratio of the normalised sentences, and of the claims' own words
MIN_WORDS = 8  # normalised words (stop words dropped) a sentence needs before a near match counts


def _figures(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(w for w in words if any(c.isdigit() for c in w)))


class Story:
    """A claim's search text read for comparison: its own words and its sentence's."""
    __slots__ = ("head", "sentence", "figures", "head_figures", "long_enough")

    def __init__(self, search_text: str) -> None:
        head, _, sentence = (search_text or "").partition(SEPARATOR)
        self.head, self.sentence = head.strip(), sentence.strip()
        words = self.sentence.split()
        self.figures = _figures(words)
        self.head_figures = _figures(self.head.split())
        self.long_enough = len(words) >= MIN_WORDS


def near_identical(a: str, b: str) -> bool:
    """Two normalised sentences that are one sentence lightly edited (the rule above, sentence part)."""
    a_words, b_words = a.split(), b.split()
    if a == b:
        return True
    return (len(a_words) >= MIN_WORDS and len(b_words) >= MIN_WORDS and _figures(a_words) == _figures(b_words)
            and fuzz.ratio(a, b, score_cutoff=NEAR) > 0)


def same_claim(a: Story, b: Story) -> bool:
    """The same claim in copies of one sentence: the rule above, for two claims of different articles."""
    return (a.long_enough and b.long_enough and a.figures == b.figures and a.head_figures == b.head_figures
            and fuzz.ratio(a.head, b.head, score_cutoff=NEAR) > 0
            and fuzz.ratio(a.sentence, b.sentence, score_cutoff=NEAR) > 0)


def group_duplicates(ranked: list[dict], limit: int | None = None) -> list[dict]:
    """Copies of a claim across articles shown once, at the place of the best-ranked copy: the copy
    already reviewed, else the newest. `also_in` counts the other articles, `also_in_articles` names
    them, `also_in_claims` names the other copies' claims. With `limit`, only the first `limit` results
    are made; the rows ranked below still join them as copies. A copy is compared with the first copy
    of a group, never through another copy: no chain of small edits drifts into another sentence."""
    groups: list[list[dict]] = []
    firsts: list[Story] = []
    articles: list[set] = []
    by_text: dict[str, int] = {}
    by_figures: dict[tuple, list[int]] = {}  # groups open to near copies, by their sentence's figures
    for row in ranked:
        text = row["search_text"]
        at = by_text.get(text)
        story = None
        if at is None and by_figures:
            story = Story(text)
            for candidate in by_figures.get(story.figures, ()):
                if row["article_id"] not in articles[candidate] and same_claim(firsts[candidate], story):
                    at = candidate
                    break
        if at is None:
            if limit is not None and len(groups) >= limit:
                continue  # below the results shown, and a copy of none of them
            story = story or Story(text)
            at = len(groups)
            groups.append([])
            firsts.append(story)
            articles.append(set())
            if story.long_enough:
                by_figures.setdefault(story.figures, []).append(at)
        by_text.setdefault(text, at)
        groups[at].append(row)
        articles[at].add(row["article_id"])
    return [_shown(copies) for copies in groups]


def _shown(copies: list[dict]) -> dict[str, Any]:
    shown = copies[0] if len(copies) == 1 else min(
        copies, key=lambda r: (r["verdict"] is None, _newest_first(r["published"]), r["id"]))
    others = [r for r in copies if r is not shown]
    out = dict(shown, score=max(r["score"] for r in copies))
    elsewhere = {r["article_id"] for r in others} - {shown["article_id"]}
    out["also_in"] = len(elsewhere)
    out["also_in_articles"] = sorted(elsewhere)
    out["also_in_claims"] = sorted(r["id"] for r in others)
    return out


def _newest_first(published: str | None) -> str:
    """Sorts newest first with min(): an undated article after every dated one."""
    return "".join(chr(0x10FFFF - ord(c)) for c in published) if published else "\U0010FFFF"
