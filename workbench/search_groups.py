"""One result per story: the same claim in copies of a sentence across articles, shown once (issue 16).

A wire story reprinted, a piece re-filed the next day, a quote carried by three outlets: the copies
differ in punctuation, quote marks, case, a word or two ("the nation's" / "the country's", "he said"
left off). Read in the search text's normalised words (lower-case ASCII, figures canonical, stop words
and punctuation gone), two claims are copies when
- their sentences hold the same figures: "at least 14" and "at least 45" are two claims, however alike;
- their sentences are near-identical: rapidfuzz ratio >= NEAR, each of at least MIN_WORDS words;
- no name was swapped for another: a capitalised word (not the sentence's first) that one copy holds and
  the other lacks, on both sides ("Air pollution in Zenahsbury ..." / "... in Vengarrford ..."); a name
  added on one side only is an edit ("Mr. Sanders passed" / "he passed", "the country" / "the United States");
- their own words (a quote's speaker and words, a figure's span) are the same, or words were left off
  one side (a quote cut shorter), never one word put for another: quotes are quoted word for word, and
  generated text writes its place names in lower case, where the names rule cannot see them;
- they come from different articles (a sentence said twice in one article is two places to review).
Identical search texts are copies whatever their length, as before.

NEAR and MIN_WORDS were read off PolNeAR train (840 articles, 15,421 sentences holding claims, every
pair across articles compared; benchmarks/README.md, "near-duplicate stories grouped"): above 85 every
pair of at least 8 words was one sentence lightly edited (31 distinct pairs); the first pair that is
two sentences (a shared tail, "the State Department's handling ... has created") scored 80.2. Short
lines are alike by chance: "8:20 a.m." / "8:20 p.m.", two polls' "margin of error of 3 percentage points".
The names rule and the own-words rule came from search_bench.py's generated claims (templates filled with
invented places and people): without them, "Air pollution in X is 4 times the legal limit" grouped across
places, and the top-10 at 10^6 fell from 0.997 to 0.983 (0.993 with the names rule alone).
"""
from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz, process

from .textnorm import SEPARATOR, normalise

NEAR = 85.0  # rapidfuzz ratio of the normalised sentences, and of the claims' own words
MIN_WORDS = 8  # normalised words (stop words dropped) a sentence needs before a near match counts


_FIGURE = re.compile(r"\S*\d\S*")


def _figures(words: str) -> tuple[str, ...]:
    """The words holding a digit, sorted: the same figures in another order are the same figures."""
    return tuple(sorted(_FIGURE.findall(words)))


class Story:
    """A claim read for comparison: its own words and its sentence's, normalised (from its search text),
    and the sentence as written (for its names)."""
    __slots__ = ("head", "sentence", "figures", "head_figures", "long_enough", "written", "_names")

    def __init__(self, search_text: str, written: str | None = None) -> None:
        head, _, sentence = (search_text or "").partition(SEPARATOR)
        self.head, self.sentence = head.strip(), sentence.strip()
        self.figures = _figures(self.sentence)
        self.head_figures = _figures(self.head)
        self.long_enough = self.sentence.count(" ") >= MIN_WORDS - 1
        self.written = written or ""
        self._names: set[str] | None = None

    @property
    def names(self) -> set[str]:
        """The normalised words of capitalised words after the first: names, mostly (read only for a
        pair that is otherwise alike: normalising costs)."""
        if self._names is None:
            capitalised = [w for w in self.written.split()[1:] if w[:1].isupper() or w[1:2].isupper()]
            # a lone letter is no name: the "s" of "New York's" once normalised
            words = normalise(" ".join(capitalised)).split() if capitalised else []
            self._names = {w for w in words if len(w) > 1}
        return self._names


def _names_swapped(a: Story, b: Story) -> bool:
    a_words, b_words = set(a.sentence.split()), set(b.sentence.split())
    return bool(a.names - b_words) and bool(b.names - a_words)


def written_sentence(written: str) -> Story:
    """A sentence as written, read for comparison with near_identical."""
    return Story(f"{SEPARATOR}{normalise(written)}", written)


def near_identical(a: str | Story, b: str | Story) -> bool:
    """Two sentences (as written, or read by written_sentence) that are one sentence lightly edited or the
    same once normalised: the rule above, sentence part."""
    first, second = (x if isinstance(x, Story) else written_sentence(x) for x in (a, b))
    return first.sentence == second.sentence or _alike(first, second)


def same_claim(a: Story, b: Story) -> bool:
    """The same claim in copies of one sentence: the rule above, for two claims of different articles."""
    return _same_words(a.head, b.head) and a.head_figures == b.head_figures and _alike(a, b)


def _same_words(a: str, b: str) -> bool:
    """A claim's own words in two copies: the same, or words left off one side (a quote cut shorter, a
    speaker named in one), never one word for another: "ultorwick has the highest rate" and "halnorwick has
    the highest rate" are two towns' claims, whatever the case they were written in."""
    if a == b or a.replace(" ", "") == b.replace(" ", ""):  # "non refundable" / "nonrefundable"
        return True
    a_words, b_words = set(a.split()), set(b.split())
    return (not (a_words - b_words) or not (b_words - a_words)) and fuzz.ratio(a, b, score_cutoff=NEAR) > 0


def _alike(a: Story, b: Story) -> bool:
    return (a.long_enough and b.long_enough and a.figures == b.figures
            and fuzz.ratio(a.sentence, b.sentence, score_cutoff=NEAR) > 0 and not _names_swapped(a, b))


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
    # the first copies' sentences long enough for a near match, and their groups: each row is held against
    # them in rapidfuzz's C loop, and read in full only when one is near (a row's figures and names cost
    # ~10 us to read; 100-250 rows a search)
    open_sentences: list[str] = []
    open_groups: list[int] = []
    for row in ranked:
        text = row["search_text"]
        at = by_text.get(text)
        story = None
        if at is None and open_sentences:
            sentence = text.partition(SEPARATOR)[2].strip()
            long_enough = sentence.count(" ") >= MIN_WORDS - 1
            near = process.extract(sentence, open_sentences, scorer=fuzz.ratio, score_cutoff=NEAR,
                                   limit=None) if long_enough else []
            if near:
                story = Story(text, row["sentence_text"])
                for candidate in sorted(open_groups[i] for _, _, i in near):  # the best-ranked group first
                    if row["article_id"] not in articles[candidate] and same_claim(firsts[candidate], story):
                        at = candidate
                        break
        if at is None:
            if limit is not None and len(groups) >= limit:
                continue  # below the results shown, and a copy of none of them
            story = story or Story(text, row["sentence_text"])
            at = len(groups)
            groups.append([])
            firsts.append(story)
            articles.append(set())
            if story.long_enough:
                open_sentences.append(story.sentence)
                open_groups.append(at)
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
