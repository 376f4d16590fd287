"""Fuzzy search of every claim ever stored, and "seen before" matching at import.

Candidates come from the FTS5 trigram index over each claim's normalised text and its
sentence (workbench.search_index; never a scan of the claims table); rapidfuzz reranks
only those. A typed search also ranks sentences by BM25 (workbench.search_lexical) and fuses
the two rankings (`fuse`), then shows a claim found in copies of a sentence across articles once
(workbench.search_groups). The user's words are never FTS syntax: quotes, AND, OR, NEAR, -, *, ( ) and %
are searched as text.
"""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any, Callable, Iterable

from rapidfuzz import fuzz, process

from .search_lexical import bm25_claims
from .search_figures import asked_figures, figures, figures_alike, has_figure, is_figure, masked
from .search_groups import group_duplicates
from .search_index import RARE, UNITS, Group, candidate_sets, searched_words, stem, word_groups
from .errors import BadInput
from .model import CLAIM_KINDS
from .textnorm import SEPARATOR, normalise, search_text
from .typed_dates import valid_date

if TYPE_CHECKING:  # a search reads through db.execute alone: a plain sqlite3 connection will do (db_reader.py)
    from sqlite_utils import Database

RERANK = 150  # candidates given the full scoring, after a quick first pass in rapidfuzz's C loop
SEEN_BEFORE_THRESHOLD = 82.0  # claim against claim (matching_claims), for a link made without asking
SIMILAR_THRESHOLD = 70.0  # the same score, for the similar claims a reviewer is shown and judges
GOOD_MATCH = 85.0  # a candidate set with a match this good ends the search: wider ones only add noise


def _prefilter(db: Database, normalised: str, ids: list[int], where: list[str], args: list[Any]) -> list[int]:
    """The RERANK candidates that pass the filters and are closest to the query by one quick
    rapidfuzz pass over their text: the claim's words and its sentence's, so that a claim of a few
    words ("12", "3 thieves") is not dropped before its sentence is read (issue 16)."""
    if len(ids) <= RERANK:
        return ids
    clause = " AND ".join([f"c.id IN ({','.join('?' * len(ids))})", *where])
    keys, texts = [], []
    for key, text in db.execute(f"SELECT c.id, c.search_text FROM claims c JOIN articles a ON a.id = c.article_id "
                                f"WHERE {clause}", [*ids, *args]):
        keys.append(key)
        texts.append(text)
    # the better of two scores, each computed in rapidfuzz's C loop (a Python scorer taking the max of the
    # two was called once per candidate: a third of a slow search at 10^6 claims); ties keep the rows' order,
    # as process.extract's own ranking did
    best = [0.0] * len(texts)
    for choices in (texts, [_claim_part(t) for t in texts]):
        for _, score, i in process.extract(normalised, choices, scorer=fuzz.token_set_ratio, limit=None):
            if score > best[i]:
                best[i] = score
    order = sorted(range(len(texts)), key=lambda i: -best[i])[:RERANK]
    return [keys[i] for i in order]


def _claim_part(indexed: str) -> str:
    """The claim's own words (and a quote's speaker), without its sentence: sentences bring names
    and places of their own that would outweigh a near-miss on the claim's."""
    return indexed.partition(SEPARATOR)[0]


def _rapidfuzz_score(query: str, claim: str, sentence: str) -> float:
    """Letters alike: typos, word order, a figure inside a longer one; its own words first."""
    on_claim = fuzz.token_set_ratio(query, claim) if claim else 0.0
    on_claim = max(on_claim, fuzz.ratio(query, claim)) if claim else 0.0
    on_sentence = fuzz.token_set_ratio(query, sentence) if sentence else 0.0
    return max(on_claim, 0.55 * on_claim + 0.45 * on_sentence)


SENTENCE_WORD = 0.8  # a query word found in the claim's sentence, not its own words: the claim's topic
COVERAGE = 0.7  # share of the score that is word coverage; the rest is rapidfuzz's letters-alike


def query_weights(db: Database, normalised: str, groups: list[Group], table: str = "claims",
                  rare: int = RARE) -> dict[str, float]:
    """Each query word's weight: how rare it is among all claims (inverse document frequency, from the
    counts the candidate search made anyway). "measles" outweighs "rates"; a word that no claim holds,
    even misspelt, weighs nothing: it cannot tell one claim from another. `table`: the rows counted
    (claims, or other outlets' factchecks)."""
    total = (db.execute(f"SELECT MAX(id) FROM {table}").fetchone()[0] or 0) + 1
    counts = {g.word: g.count for g in groups}
    searched = set(searched_words(normalised))
    weights = {}
    for word in dict.fromkeys(normalised.split()):
        if word in searched and word not in counts:
            continue  # matched nothing (or a misspelt stop word)
        count = min(counts.get(word, rare), total)  # short words and units are not looked up: common
        weights[word] = math.log((total + 1) / (count + 0.5)) + 0.05
    return weights


FIGURE_PHRASE = 1.0  # a figure with the word after it ("22 states"), against that word's own weight


def figure_phrases(normalised: str, weights: dict[str, float]) -> dict[str, float]:
    """Each figure of the query with the word after it, as one more term ("22 states", "0.3 points"):
    the claim that says "22 states" names the query better than one of "22 emails" in a sentence about
    states, or "0.3 percentage points" beside a claim of "0.3 points". Weighed as the word after it."""
    words = normalised.split()
    phrases = {}
    for figure, after in zip(words, words[1:]):
        if is_figure(figure) and not after[0].isdigit() and after not in UNITS and after in weights \
                and figure in weights:
            phrases[f"{figure} {after}"] = FIGURE_PHRASE * weights[after]
    return phrases


def _phrase_found(phrase: str, words: list[str]) -> bool:
    """Whether the words hold the figure and, next after it, the word (or another form of it)."""
    figure, after = phrase.split(" ", 1)
    after_stem = stem(after)
    for i, word in enumerate(words[:-1]):
        if word == figure and (words[i + 1] == after or stem(words[i + 1]) == after_stem):
            return True
    return False


def _word_found(word: str, words: list[str], stems: set[str]) -> float:
    """1 for the word itself or another form of it, 0.8-0.99 for a typo of it, else 0. Figures match exactly."""
    if word in stems or stem(word) in stems:
        return 1.0
    if word[0].isdigit() or len(word) < 4 or not words:
        return 0.0
    best = process.extractOne(word, words, scorer=fuzz.ratio, score_cutoff=80)
    return best[1] / 100 if best else 0.0


def _coverage(weights: dict[str, float], claim: str, sentence: str) -> tuple[float, bool]:
    coverage, in_claim, _ = _coverage_and_base(weights, claim, sentence)
    return coverage, in_claim


def _coverage_and_base(weights: dict[str, float], claim: str, sentence: str) -> tuple[float, bool, float]:
    """0..100: the weighted share of the query's words this claim holds, in its own words or (for
    SENTENCE_WORD) in its sentence; and whether any is in its own words. Unlike rapidfuzz's
    token_set_ratio, a short claim ("in 1997") whose words are all in a long query does not score 100:
    the query's other words must be there too."""
    total = sum(w for word, w in weights.items() if " " not in word)  # a phrase counts where its words are
    if not total:
        return 0.0, False, 0.0
    phrase_found = phrase_total = 0.0  # figure_phrases', apart: the coverage without them is returned too
    claim_words, sentence_words = claim.split(), sentence.split()
    claim_stems = {stem(w) for w in claim_words} | set(claim_words)
    sentence_stems = {stem(w) for w in sentence_words} | set(sentence_words)
    found, in_claim = 0.0, False
    other_figure = None  # whether the claim states a figure of its own (worked out when a query figure asks)
    for word, weight in weights.items():
        if " " in word:  # a figure and the word after it (figure_phrases): counted where both words are
            figure, _, after = word.partition(" ")
            figure_in_claim = figure in claim_stems
            if not (figure_in_claim or figure in sentence_stems):
                continue  # a claim without both words is not asked about the phrase: it lost the words already
            after_stem = stem(after)
            if not (after_stem in claim_stems or after_stem in sentence_stems or after in sentence_stems):
                continue
            if figure_in_claim and _phrase_found(word, claim_words):
                phrase_found += weight
            elif _phrase_found(word, sentence_words):
                # in the sentence only: the claim's topic, unless the claim states another figure than its own
                if figure not in claim_words:
                    if other_figure is None:
                        other_figure = has_figure(claim)
                    if other_figure:
                        phrase_total += weight
                        continue
                phrase_found += weight * SENTENCE_WORD
            phrase_total += weight
            continue
        match = _word_found(word, claim_words, claim_stems)
        in_claim = in_claim or match > 0
        if match < 1.0:
            if word[0].isdigit() and is_figure(word):
                # the query's figure is in the sentence but this claim states another ("3%" asked; "5%" of
                # "tied at 5%, no other above 3%"): the figure is its neighbour's, not this claim's topic
                if other_figure is None:
                    other_figure = has_figure(claim)
                if other_figure:
                    continue
            match = max(match, SENTENCE_WORD * _word_found(word, sentence_words, sentence_stems))
        found += weight * match
    base = 100.0 * found / total
    if not phrase_total:
        return base, in_claim, base
    return 100.0 * (found + phrase_found) / (total + phrase_total), in_claim, base


def _score(query: str, indexed: str, weights: dict[str, float] | None = None) -> float:
    """How well the query reads as this claim: the rare words of the query it holds (its own words
    first, its sentence's as its topic), and how alike the letters are."""
    return _score_and_gate(query, indexed, weights)[0]


def _score_and_gate(query: str, indexed: str, weights: dict[str, float] | None = None) -> tuple[float, float]:
    """_score, and the same without figure_phrases: whether a candidate set found a good enough match
    (GOOD_MATCH) is asked of the latter, so that a phrase, which reorders the claims found, does not make
    the search read more of them (held apart, its words scored lower, and a wider set was read: +7% claims
    scored at 10^6)."""
    claim, _, sentence = (indexed or "").strip().partition(SEPARATOR.strip())
    claim, sentence = claim.strip(), sentence.strip()
    if not weights:
        score = round(_rapidfuzz_score(query, *_figures_whole(query, claim, sentence)), 1)
        return score, score
    coverage, in_claim, base = _coverage_and_base(weights, claim, sentence)
    # a claim none of whose words the query holds is found by its sentence alone: how alike the letters
    # of "island council spend" and "10 years" or "7000000 gbp" are is noise, and would order the claims
    # of one sentence at random
    letters = _rapidfuzz_score(query, *_figures_whole(query, claim if in_claim else "", sentence))
    score = round(COVERAGE * coverage + (1 - COVERAGE) * letters, 1)
    return score, score if base == coverage else round(COVERAGE * base + (1 - COVERAGE) * letters, 1)


def _figures_whole(query: str, claim: str, sentence: str) -> tuple[str, str]:
    """The claim and its sentence for a letters-alike score: a figure of the claim's own words is the
    query's or another one, whatever digits they share ("38" is no nearer "3" than "71" is). The
    sentence is left as it is: it weighs 0.45 of the letters at most, holds the claim's figure
    too, and rewriting it cost more than the rest of the scoring (10 µs a claim against 1)."""
    asked = asked_figures(query)
    if not asked:
        return claim, sentence
    return masked(claim, asked), sentence


_RESULT = """
    SELECT c.id, c.text, c.kind, c.article_id, c.verdict, c.speaker, c.status, c.reviewer, c.search_text,
           c.sentence AS sentence_text,
           c.checkworthiness, COALESCE(c.sentence_start, c.start) AS sentence_start,
           a.headline, a.published, a.outlet
    FROM claims c JOIN articles a ON a.id = c.article_id
"""


def _checked_filters(db: Database, verdict: str | None, kind: str | None, since: str | None,
                     until: str | None) -> tuple[str | None, str | None, str | None, str | None]:
    """Filters as the store holds them; a value that can match nothing is a mistake to report, not an
    empty result ("--verdict banana" would otherwise say no claim was ever checked)."""
    if verdict:
        keys = [row[0] for row in db.execute("SELECT key FROM verdicts ORDER BY position")]
        verdict = verdict.strip().lower()
        if verdict not in keys:
            raise BadInput(f"unknown verdict {verdict!r}; use one of {', '.join(keys)}")
    if kind:
        kind = kind.strip().lower()
        if kind not in CLAIM_KINDS:
            raise BadInput(f"unknown kind {kind!r}; use one of {', '.join(CLAIM_KINDS)}")
    return verdict, kind, valid_date(since), valid_date(until)


_SCALE_WORDS = ("thousand", "million", "billion", "trillion", "milliard")
_NUMBER_AND_WORD = re.compile(r"(\d\s?)([A-Za-z]{5,9})\b")


def _spell_scale_words(query: str) -> str:
    """"7.6 milion" → "7.6 million". The scale word is what turns the number into the one stored
    (7600000); misspelt, the number was searched as a bare 7.6 and the claim never came up."""
    def spelt(m: re.Match) -> str:
        word = m[2].lower()
        if word in _SCALE_WORDS:
            return m.group()
        best = process.extractOne(word, _SCALE_WORDS, scorer=fuzz.ratio, score_cutoff=88)
        return f"{m[1]}{best[0]}" if best else m.group()
    return _NUMBER_AND_WORD.sub(spelt, query)


def search_claims(
    db: Database, query: str, *, limit: int = 20, verdict: str | None = None, kind: str | None = None,
    outlet: str | None = None, since: str | None = None, until: str | None = None, reviewer: str | None = None,
    exclude_article: int | None = None, reviewed_only: bool = False, typed: bool = True,
    among: ClaimPool | None = None,
) -> list[dict[str, Any]]:
    """Claims that match `query` best first, each with a 0..100 score; [] when nothing matches.

    `typed=False` for text taken from an article (matching at import): no typo recovery. `among`: the only
    claims that can be found (the filters above must hold for all of them; they are applied anyway)."""
    verdict, kind, since, until = _checked_filters(db, verdict, kind, since, until)
    if typed:
        query = _spell_scale_words(query)
    normalised = normalise(query)
    if not searched_words(normalised):
        normalised = normalise(query, drop_stop_words=False)
    groups = word_groups(db, normalised)
    if not groups and not typed:
        return []
    if among is not None:
        groups = among.narrowed(groups)
    where, args = [], []
    for column, value in (("c.verdict", verdict), ("c.kind", kind), ("c.reviewer", reviewer)):
        if value:
            where.append(f"{column} = ?")
            args.append(value)
    if outlet:
        where.append("a.outlet LIKE ?")
        args.append(f"%{outlet}%")
    if since:
        where.append("a.published >= ?")
        args.append(since)
    if until:  # "until 2015-11" takes in the whole of November
        where.append("(a.published <= ? OR a.published LIKE ? || '%')")
        args += [until, until]
    if exclude_article is not None:
        where.append("c.article_id != ?")
        args.append(exclude_article)
    if reviewed_only:
        where.append("c.verdict IS NOT NULL")
    weights = query_weights(db, normalised, groups) if groups else {}
    if typed:
        weights.update(figure_phrases(normalised, weights))
    found: dict[int, dict] = {}
    for ids in candidate_sets(db, groups, leave_one_out=typed):
        if among is not None:
            ids = [i for i in ids if i in among.ids]
        found.update((r["id"], r) for r in _ranked(db, normalised, weights, [i for i in ids if i not in found],
                                                   where, args))
        if any(r["gate"] >= GOOD_MATCH for r in found.values()):
            break
    if not typed:  # a claim matched at import: matching_claims scores these claim against claim itself
        ranked = sorted(found.values(), key=_best_first)[:limit]
    else:
        # a word no sentence holds is read as the nearest word of the best claims found so far (a typo)
        # in the claims' order, best first: a set's order changed with each process's string hashing, and with
        # it which of two equally near words a typo was read as
        known = dict.fromkeys(w for r in sorted(found.values(), key=_best_first)[:TYPO_SOURCES]
                              for w in r["search_text"].split())
        sentences = bm25_claims(db, normalised, known)
        unscored = [i for _, claims in sentences for i in claims if i not in found]
        if unscored:  # every claim BM25 brings is scored in full: none is dropped on its own words alone
            found.update((r["id"], r) for r in _ranked(db, normalised, weights, unscored, where, args,
                                                       prefilter=False))
        ranked = group_duplicates(fuse(found, sentences, figures(normalised)), limit)
    for r in ranked:
        del r["checkworthiness"], r["search_text"], r["sentence_start"], r["sentence_text"], r["gate"]
    return ranked


TYPO_SOURCES = 50  # claims whose words may stand for a misspelt word of the query in BM25
NAMED_EQUALLY = 10  # fuzzy points within which two claims of one sentence count as named alike by a query
FUSION_K = 10  # reciprocal-rank fusion: 1/(K + rank) from each ranker; a small K trusts the top ranks


def fuse(found: dict[int, dict], sentences: list[tuple[int, list[int]]],
         asked: frozenset[str] = frozenset()) -> list[dict]:
    """The two rankings as one, by reciprocal-rank fusion of sentences: BM25 ranks sentences, and the
    fuzzy layer ranks a sentence where it ranks its best claim. A sentence either ranker puts first
    comes first; one both put high beats one only either does. Within a sentence, its claims follow
    the fuzzy layer (the figure the query names first). Fused by sentence, not claim, so that a
    sentence with five claims does not outvote, five times over, one with a single claim. A claim
    stating another figure than the query's (`asked`), in a sentence where a claim the query names
    much better holds one, comes after every other claim: "3%" lists each claim of 3% before the
    "78%" and "16%" beside them (exact figures above other ones).
    `score` becomes the fused value as 0..100 (100: first in both); `match` keeps the fuzzy 0..100."""
    lexical_rank = {claim_id: rank for rank, claims in sentences for claim_id in claims}
    fuzzy_rank: dict[tuple, int] = {}
    best_lexical: dict[tuple, int] = {}
    last_score, last_rank = None, 0
    for row in sorted(found.values(), key=_best_first):
        key = (row["article_id"], row["sentence_start"])
        if key not in fuzzy_rank:
            # sentences the fuzzy layer scores alike share a rank ("1, 2, 2, 4"), and BM25 orders them: which of
            # them came first was the order of check-worthiness and ids, and it outweighed BM25's disagreement
            if row["score"] != last_score:
                last_score, last_rank = row["score"], len(fuzzy_rank) + 1
            fuzzy_rank[key] = last_rank
        if row["id"] in lexical_rank:
            best_lexical[key] = min(best_lexical.get(key, lexical_rank[row["id"]]), lexical_rank[row["id"]])
    best = 2 / (FUSION_K + 1)
    for row in found.values():
        key = (row["article_id"], row["sentence_start"])
        fused = 1 / (FUSION_K + fuzzy_rank[key])
        if key in best_lexical:
            fused += 1 / (FUSION_K + best_lexical[key])
        row["match"] = row["score"]
        row["score"] = round(100 * fused / best, 1)
    # claims of one sentence the query names about equally ("1997 quake killed 1324": "in 1997" and "1,324
    # people") come most check-worthy first; rankers that disagree evenly are settled by the letters
    best_named: dict[tuple, float] = {}
    for row in found.values():
        key = (row["article_id"], row["sentence_start"])
        best_named[key] = max(best_named.get(key, 0.0), row["match"])

    def order(row: dict) -> tuple:  # sentences by fused score, then by the claim the query names best
        sentence = (row["article_id"], row["sentence_start"])
        named_less = row["match"] < best_named[sentence] - NAMED_EQUALLY
        return named_less and _states_another_figure(row, asked), -row["score"], -best_named[sentence], sentence, \
            named_less, -(row["checkworthiness"] or 0.0), -row["match"], row["id"]
    return sorted(found.values(), key=order)


def _states_another_figure(row: dict, asked: frozenset[str]) -> bool:
    """Whether the claim's own words state a figure and none of the query's (`asked`)."""
    if not asked:
        return False
    own = figures(_claim_part(row["search_text"]))
    return bool(own) and not own & asked


def _best_first(row: dict) -> tuple:
    """Best score first; of claims that match equally (claims of one sentence found by its words), the
    more check-worthy: the "£12 billion" of a sentence before its "over ten years"."""
    return -row["score"], -(row["checkworthiness"] or 0.0), row["id"]


def _ranked(db: Database, normalised: str, weights: dict[str, float], ids: list[int], where: list[str],
            args: list[Any], prefilter: bool = True) -> list[dict]:
    """The candidates that pass the filters, as result rows, best rapidfuzz score first."""
    if prefilter:
        ids = _prefilter(db, normalised, ids, where, args)
    if not ids:
        return []
    clause = " AND ".join([f"c.id IN ({','.join('?' * len(ids))})", *where])
    rows = db.execute(f"{_RESULT} WHERE {clause}", [*ids, *args])
    columns = [d[0] for d in rows.description]
    results = []
    for row in rows.fetchall():
        item = dict(zip(columns, row))
        item["score"], item["gate"] = _score_and_gate(normalised, item["search_text"], weights)
        results.append(item)
    results.sort(key=_best_first)
    return results


def matching_claims(db: Database, text: str, sentence: str | None, speaker: str | None, kind: str, *,
                    limit: int, exclude_article: int, reviewed_only: bool = False,
                    among: ClaimPool | None = None) -> list[dict[str, Any]]:
    """Past claims that make the same claim as this one, scored claim against claim, best first.

    A quote is its speaker and words. Any other claim is its words *in its sentence*: "130 victims"
    of the Paris attacks and "130 victims" of a flood are different claims, and a bare "on Monday"
    matches every other "on Monday" perfectly. So the score is 0.6 how alike the claims' words are and
    0.4 how many words their sentences share besides the claim's: the same words about something else
    stay under SIMILAR_THRESHOLD, and a near claim ("on Sunday" for "on Monday") about the same event
    is shown as similar but not linked as seen before. Figures are compared whole (`_claims_alike`):
    "3%" in the same words as "38%" is another claim, under SIMILAR_THRESHOLD."""
    is_quote = kind == "quote"  # a quote is matched by quotes only, and a figure by figures
    query = f"{speaker or ''} {text}" if is_quote else f"{text} {sentence or ''}"
    found = search_claims(db, query, limit=limit * 4, exclude_article=exclude_article,
                          reviewed_only=reviewed_only, typed=False, among=among)
    found = [r for r in found if (r["kind"] == "quote") == is_quote]
    if is_quote or not found:
        return found[:limit]
    indexed = dict(db.execute(f"SELECT id, search_text FROM claims WHERE id IN ({','.join('?' * len(found))})",
                              [r["id"] for r in found]).fetchall())
    own_claim = normalise(text)
    own_figures = figures(own_claim)
    own_context = _context(own_claim, normalise(sentence or ""))
    for r in found:
        claim, _, their_sentence = (indexed.get(r["id"]) or "").strip().partition(SEPARATOR.strip())
        claim = claim.strip()
        on_claim = _claims_alike(own_claim, own_figures, claim)
        their_context = _context(claim, their_sentence)
        # no sentence on either side (a claim typed in by hand): the claim's words are all there is
        on_context = _shared_words(own_context, their_context) if own_context and their_context else on_claim
        r["score"] = round(0.6 * on_claim + 0.4 * on_context, 1)
    found.sort(key=lambda r: (-r["score"], r["id"]))
    return found[:limit]


def _claims_alike(own: str, own_figures: frozenset[str], theirs: str) -> float:
    """0..100: how alike two claims' own words are. When both state figures, half of it is how many of the
    figures are the same, each compared whole, and the letters count a different figure as a different word:
    "3%" and "38%" share no figure ("38" is not "3" with a digit added), where letter by letter they were 95
    alike and a "3%" claim was linked as seen before to a reviewed "38%" one."""
    their_figures = figures(theirs)
    shared = figures_alike(own_figures, their_figures)
    if shared is None:
        return max(fuzz.token_set_ratio(own, theirs), fuzz.ratio(own, theirs))
    own, theirs = masked(own, their_figures), masked(theirs, own_figures)
    return 0.5 * max(fuzz.token_set_ratio(own, theirs), fuzz.ratio(own, theirs)) + 0.5 * shared


def _context(claim: str, sentence: str) -> str:
    """The sentence without the claim's own words: what the claim is about. Left in, the claim's words
    would make any two sentences holding "on Monday" look half alike."""
    own = set(claim.split())
    return " ".join(word for word in sentence.split() if word not in own)


def _shared_words(a: str, b: str) -> float:
    """0..100: the share of the shorter context's words that the other one holds too. Whole words, not
    characters: any two unrelated news sentences are ~40 alike letter by letter, but share almost no word."""
    a_words, b_words = set(a.split()), set(b.split())
    return 100.0 * len(a_words & b_words) / min(len(a_words), len(b_words))


def similar_claims(db: Database, claim_id: int, limit: int = 5) -> list[dict[str, Any]]:
    """Claims from other articles that make the same claim as this one; reviewed ones first."""
    from .store import get_claim

    claim = get_claim(db, claim_id)
    found = matching_claims(db, claim["text"], claim["sentence"], claim["speaker"], claim["kind"],
                            limit=limit * 4, exclude_article=claim["article_id"])
    found = [r for r in found if r["score"] >= SIMILAR_THRESHOLD]
    found.sort(key=lambda r: (r["verdict"] is None, -r["score"]))
    return found[:limit]


class ClaimPool:
    """The only claims a search may find, and each word's claims narrowed to them once.

    "Seen before" at import looks for the reviewed claims of other articles, a few hundred where a desk
    has millions of claims. The new article's own claims are in the index too, and a word of a long
    article is in hundreds of its own sentences: each of its claims' searches gathered, ranked and
    filtered out its sibling claims, so a 1 MB article took 20 s and a 5 MB one minutes (issue 17).
    A word's count is kept as looked up, so which words are rare, and so the search, stays as it was."""

    def __init__(self, ids: Iterable[int]) -> None:
        self.ids = frozenset(ids)
        self._narrowed: dict[tuple, tuple[int, ...]] = {}

    def __bool__(self) -> bool:
        return bool(self.ids)

    def narrowed(self, groups: list[Group]) -> list[Group]:
        out = []
        for g in groups:
            # by how many claims it held too: another process's import can add to a word between two claims
            # (never a reviewed claim, which is already in the index, so the pool's share stays right)
            key = (g.expression, g.typo, len(g.ids))
            ids = self._narrowed.get(key)
            if ids is None:
                ids = self._narrowed[key] = tuple(i for i in g.ids if i in self.ids)
            out.append(g._replace(ids=ids))
        return out


PROGRESS_EVERY = 500  # claims matched between two progress reports


def link_seen_before(db: Database, article_id: int, progress: Callable[[int, int], None] | None = None) -> int:
    """At import: link each new claim to its best match among already-reviewed claims; returns links made.
    `progress(done, total)` is called as the claims are matched."""
    pool = ClaimPool(row[0] for row in db.execute(
        "SELECT id FROM claims WHERE verdict IS NOT NULL AND article_id != ?", [article_id]))
    if not pool:
        return 0
    links = []
    claims = db.execute("SELECT id, text, sentence, speaker, kind FROM claims WHERE article_id = ?",
                        [article_id]).fetchall()
    for done, (claim_id, text, sentence, speaker, kind) in enumerate(claims):
        if progress and done % PROGRESS_EVERY == 0:
            progress(done, len(claims))
        best = matching_claims(db, text, sentence, speaker, kind, limit=1, exclude_article=article_id,
                               reviewed_only=True, among=pool)
        if best and best[0]["score"] >= SEEN_BEFORE_THRESHOLD:
            links.append((claim_id, best[0]["id"], best[0]["score"]))
    if links:
        from .store import now, transaction

        with transaction(db) as conn:
            at = now()
            conn.executemany("INSERT OR IGNORE INTO claim_matches VALUES (?, ?, ?, ?)", [(*link, at) for link in links])
    return len(links)


def seen_before(db: Database, claim_id: int) -> list[dict[str, Any]]:
    """The stored "seen before" links of a claim: the past claim, its verdict and its sources."""
    from .store import list_sources

    rows = db.execute(
        """SELECT m.score, m.matched_at, c.id, c.text, c.kind, c.article_id, c.verdict, c.speaker, c.status,
                   c.reviewer, c.note, a.headline, a.published, a.outlet
            FROM claim_matches m JOIN claims c ON c.id = m.past_claim_id JOIN articles a ON a.id = c.article_id
            WHERE m.claim_id = ? ORDER BY m.score DESC""",
        [claim_id],
    )
    columns = [d[0] for d in rows.description]
    out = []
    for row in rows.fetchall():
        item = dict(zip(columns, row))
        item["sources"] = list_sources(db, item["id"])
        out.append(item)
    return out


__all__ = ["search_claims", "matching_claims", "similar_claims", "link_seen_before", "seen_before", "search_text"]
