"""Matching our claims to other outlets' fact-checks, and searching those fact-checks, with the
claims' own search engine (workbench.search*): candidates from the trigram index of the normalised
words (factchecks_fts) and from BM25 over porter-stemmed words (factcheck_words), scored by the
fuzzy layer's word coverage (rare words weigh most) and rapidfuzz's letters-alike.

A claim is matched by its sentence, as a fact-check's `claimReviewed` states a whole claim; a match
is then held to the figure-and-year rule (figures.py): words alike with another figure are no match,
but are stored with the reason, for the reviewer to see."""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from ..search import FUSION_K, RERANK, _coverage, _rapidfuzz_score, query_weights
from ..search_index import CANDIDATES, RARE, candidate_sets, searched_words, word_groups
from ..search_lexical import bm25_rows
from ..textnorm import normalise
from .figures import Figure, differing_figures, figures_in_text, figures_of, with_years

if TYPE_CHECKING:  # sqlite-utils loads on first use (store/database.py: WorkbenchDatabase)
    from sqlite_utils import Database

TRIGRAMS, WORDS = "factchecks_fts", "factcheck_words"
MATCH_THRESHOLD = 45.0  # measured on benchmarks/factcheck_pairs.json (precision and recall in benchmarks/README.md)
MAX_MATCHES = 5  # fact-checks kept per sentence: the same claim checked by five outlets is plenty to show
BM25_ROWS = 30
MATCH_CANDIDATES = 400  # a sentence's candidates from the index; more than this are narrowed by all its words
MATCH_RERANK = 25  # candidates of a sentence scored in full, after rapidfuzz's quick pass over all of them

_SAYS = re.compile(r"^\s*(?:says|claims?|video shows|image shows|photo shows|post says)\b[:,]?\s*", re.IGNORECASE)


def check_search_text(claim_reviewed: str) -> str:
    """What the index holds for a fact-check: its claim's normalised words, without PolitiFact's "Says …"."""
    # as _SAYS.sub(""): "^" matches at the start alone, but sub() tried it at every place
    says = _SAYS.match(claim_reviewed)
    return f" {normalise(claim_reviewed[says.end():] if says else claim_reviewed)} "


def _candidates(db: Database, normalised: str, *, typed: bool) -> tuple[list[int], dict[str, float], list[int]]:
    """Fact-check ids worth scoring for `normalised`, the words' weights, and BM25's order of its own finds.

    As the claims' engine does: trigram candidate sets, narrowest first. Text from an article (`typed=False`,
    matching) stops at the first set that finds any and skips BM25, as matching claims at import does
    (search_claims(typed=False)); a typed search also takes BM25's best and is fused by rank."""
    rare = _rare(db)
    groups = word_groups(db, normalised, fts=TRIGRAMS, typos=typed, rare=rare)  # look-ups remembered per connection
    if not groups:
        return [], {}, []
    weights = query_weights(db, normalised, groups, table="factchecks", rare=rare)
    if not typed:  # figures are the figure rule's to judge: a check of another figure must still be found
        groups = [g for g in groups if not g.word[0].isdigit()] or groups
    ids: dict[int, None] = {}
    cap = CANDIDATES if typed else MATCH_CANDIDATES
    # matching: a sentence with no check holding all its rare words takes every check holding any, unranked
    # (bm25's order over them cost 16 ms a sentence at 10^5); rapidfuzz's quick pass picks among them
    for n, found in enumerate(candidate_sets(db, groups, leave_one_out=typed, fts=TRIGRAMS, cap=cap,
                                             rare_below=rare, ranked_any=typed)):
        ids.update(dict.fromkeys(found))
        # matching goes on to the checks holding any rare word (the third set): a check of another figure
        # may lack a word of the sentence, and the reviewer is to be told of it even when a match was found
        if len(ids) >= RERANK and typed or n >= 2:
            break
    if not typed:
        return list(ids), weights, []
    lexical = [rowid for rowid, _ in bm25_rows(db, normalised, table=WORDS, weights="1.0", limit=BM25_ROWS)]
    return list(dict.fromkeys([*lexical, *ids])), weights, lexical


def _without_numbers(words: str) -> str:
    return " ".join(w for w in words.split() if not w[0].isdigit())


def _rare(db: Database) -> int:
    """How far a word's fact-checks are counted, and below which it is rare: 0.1% of them, as RARE is of a
    million claims (at least 50). Counting a common word to RARE cost most of a match at 10^5 checks."""
    total = db.execute("SELECT MAX(id) FROM factchecks").fetchone()[0] or 0
    return max(50, min(RARE, total // 1000))


def _texts(db: Database, ids: list[int]) -> dict[int, str]:
    texts: dict[int, str] = {}
    for start in range(0, len(ids), 900):
        part = ids[start:start + 900]
        texts.update(db.execute(f"SELECT id, search_text FROM factchecks WHERE id IN ({','.join('?' * len(part))})",
                                part).fetchall())
    return texts


def similarity(sentence: str, check: str, weights: dict[str, float], default_weight: float) -> float:
    """0..100: how well a fact-check's claim reads as this sentence. The check's words found in the sentence
    (a check states one claim; the sentence also says who said it and when), the sentence's found in the
    check, both weighted by rarity, and the letters alike."""
    # figures are left to the figure-and-year rule: scored as words, "7" missing from a sentence saying "6.1"
    # sank the check of another figure below the threshold, and the reviewer never learnt of it
    sentence, check = _without_numbers(sentence), _without_numbers(check)
    if not check.strip():
        return 0.0
    check_weights = {w: weights.get(w, default_weight) for w in dict.fromkeys(check.split())}
    theirs, _ = _coverage(check_weights, sentence, "")
    ours, _ = _coverage(weights, check, "") if weights else (0.0, False)
    letters = _rapidfuzz_score(check, sentence, "")
    return round(0.5 * theirs + 0.2 * ours + 0.3 * letters, 1)


def _default_weight(db: Database, weights: dict[str, float]) -> float:
    """The weight of a check's word that the sentence's words do not give: the sentence lacks it, and
    it may be as rare as any (a check of "nursing vacancies" is not one of a sentence about a trust's
    canal), so it weighs as much as the sentence's rarest word."""
    if weights:
        return max(weights.values())
    total = (db.execute("SELECT MAX(id) FROM factchecks").fetchone()[0] or 0) + 1
    return math.log(total + 1) + 0.05


# Who said it and when is not what was said: a check's claimReviewed rarely holds these, and counting
# them (in most sentences of an article) cost more than any other word of a match.
ATTRIBUTION_WORDS = frozenset(
    "said says say told tells according added adding reported reports announced claimed claims confirmed "
    "stated statement spokesman spokeswoman spokesperson reporters interview officials official insisted "
    "argued warned monday tuesday wednesday thursday friday saturday sunday yesterday today "
    "figures show showed shows found".split())


def claim_words(sentence: str) -> str:
    """A sentence's normalised words without its attribution ("…, the minister told reporters on Tuesday")."""
    return " ".join(w for w in normalise(sentence).split() if w not in ATTRIBUTION_WORDS)


def match_sentence(db: Database, sentence: str, ours: list[Figure], *,
                   threshold: float = MATCH_THRESHOLD) -> list[dict[str, Any]]:
    """The fact-checks whose claim this sentence makes, best first, each {id, score, differs}: `differs` is
    None for a match, else why its figure or year rules it out."""
    normalised = claim_words(sentence)
    if not searched_words(normalised):
        return []
    ids, weights, _ = _candidates(db, normalised, typed=False)
    if not ids:
        return []
    texts = _texts(db, ids)
    if len(texts) > MATCH_RERANK:  # one quick pass in rapidfuzz's C loop before the full scoring
        texts = {key: texts[key] for _, _, key in process.extract(normalised, texts, scorer=fuzz.token_set_ratio,
                                                                  limit=MATCH_RERANK)}
    default = _default_weight(db, weights)
    scored = sorted(((similarity(normalised, text, weights, default), fid) for fid, text in texts.items()),
                    key=lambda pair: (-pair[0], pair[1]))
    out = []
    for score, fid in scored:
        if score < threshold or len(out) >= MAX_MATCHES:
            break
        claim = db.execute("SELECT claim_reviewed FROM factchecks WHERE id = ?", [fid]).fetchone()[0]
        out.append({"id": fid, "score": score, "differs": differing_figures(ours, figures_in_text(claim))})
    return out


def match_article(db: Database, article_id: int, *, threshold: float = MATCH_THRESHOLD) -> dict[str, int]:
    """Match every claim of an article (not the rejected) to the stored fact-checks by its sentence, and store
    the matches (replacing the article's earlier ones). Returns how many claims matched, and how many only
    read alike with another figure or year."""
    from ..store import list_claims
    from ..store.factchecks import store_matches

    claims = [c for c in list_claims(db, article_id) if c["status"] != "rejected"]
    if not claims or not db.execute("SELECT 1 FROM factchecks LIMIT 1").fetchone():
        return {"claims": len(claims), "matched": 0, "differs": 0}
    by_sentence: dict[str, list[dict]] = {}
    for c in claims:
        by_sentence.setdefault(c["sentence"] or c["text"], []).append(c)
    rows = []
    for sentence, group in by_sentence.items():
        ours = with_years(figures_of(group), sentence)
        for found in match_sentence(db, sentence, ours, threshold=threshold):
            rows += [(c["id"], found["id"], found["score"], found["differs"]) for c in group]
    store_matches(db, [c["id"] for c in claims], rows)
    matched = {r[0] for r in rows if r[3] is None}
    return {"claims": len(claims), "matched": len(matched),
            "differs": len({r[0] for r in rows if r[3] is not None} - matched)}


def search_factchecks(db: Database, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Fact-checks that match a typed query best first, as `workbench search` ranks claims: the fuzzy layer
    (typos forgiven) and BM25 fused by reciprocal rank; `score` 0..100, `match` the fuzzy layer's own."""
    from ..search import _score, _spell_scale_words
    from ..store.factchecks import get_factchecks

    normalised = normalise(_spell_scale_words(query))
    if not searched_words(normalised):
        normalised = normalise(query, drop_stop_words=False)
    ids, weights, lexical = _candidates(db, normalised, typed=True)
    if not ids:
        return []
    texts = _texts(db, ids)
    if len(texts) > RERANK:
        texts = {key: texts[key] for _, _, key in process.extract(normalised, texts, scorer=fuzz.token_set_ratio,
                                                                  limit=RERANK)}
    fuzzy = {fid: _score(normalised, f"{text} | ", weights) for fid, text in texts.items()}
    fuzzy_rank = {fid: n for n, fid in enumerate(sorted(fuzzy, key=lambda f: (-fuzzy[f], f)), 1)}
    lexical_rank = {fid: n for n, fid in enumerate(lexical, 1)}
    best = 2 / (FUSION_K + 1)

    def fused(fid: int) -> float:
        value = 1 / (FUSION_K + fuzzy_rank[fid]) if fid in fuzzy_rank else 0.0
        if fid in lexical_rank:
            value += 1 / (FUSION_K + lexical_rank[fid])
        return round(100 * value / best, 1)

    ranked = sorted(fuzzy, key=lambda f: (-fused(f), -fuzzy[f], f))[:limit]
    rows = get_factchecks(db, ranked)
    out = []
    for fid in ranked:
        row = dict(rows[fid], score=fused(fid), match=fuzzy[fid])
        del row["search_text"]
        out.append(row)
    return out
