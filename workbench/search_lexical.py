"""The lexical ranker: BM25 over each claim's sentence (porter stems), its context weaker.

The fuzzy layer (search.py, search_index.py) reads letters and figures; this one reads words the way
a search engine does: a rare word of the query that the sentence holds counts for much, a common
one for little, and words found only in its context (the headline, the two sentences before) count
for less. A query word is searched with its synonyms (search_synonyms.py), and a word no sentence
holds is read as the nearest word of the claims the fuzzy layer found ("goverment" as "government").
Every word is a quoted string: the user's text is never FTS syntax.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .search_cache import remembered
from .search_synonyms import SYNONYM_GROUPS
from .search_index import UNITS
from .textnorm import normalise

if TYPE_CHECKING:  # read through db.execute alone: a plain sqlite3 connection will do
    from sqlite_utils import Database

SENTENCES = 60  # sentences taken from BM25; each brings its claims (30 lost 2 of 300 generated queries at 10^5)
COMMON = 1000  # a word in this many sentences or more ranks the sentences rarer ones find, but finds none
VERY_COMMON = 10000  # a word in this many is left out of BM25 (the fuzzy layer still weighs it)
CONTEXT_WEIGHT = 0.2  # a word around the sentence against one in it (0.3 let a neighbour outrank the sentence)
TYPO_CUTOFF = 80  # how alike, 100 * (1 - edits / length), an unknown word must be to a known one (a swap: 1 edit)
SENTENCE_KEY = 1 << 32  # rowid = article_id * SENTENCE_KEY + sentence_start (db/0006)


def _quoted(words: str) -> str:
    return '"' + words.replace('"', '""') + '"'


@lru_cache(maxsize=1)
def _synonyms() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each form, as normalised words, to every form of its group."""
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for group in SYNONYM_GROUPS:
        forms = tuple(dict.fromkeys(normalise(f) for f in group))
        for form in forms:
            table[tuple(form.split())] = forms
    return table


def query_terms(normalised: str) -> list[list[str]]:
    """The query as groups of alternatives, each a word or a phrase: "pm housing" ->
    [["pm", "prime minister"], ["housing"]]. A phrase of the table ("prime minister") is one group."""
    words, table = normalised.split(), _synonyms()
    longest = max((len(k) for k in table), default=1)
    terms, i = [], 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            forms = table.get(tuple(words[i:i + size]))
            if forms:
                terms.append(list(forms))
                i += size
                break
        else:
            terms.append([words[i]])
            i += 1
    return terms


def _fts_term(form: str) -> str:
    """A form as FTS5 text: one quoted token, or its tokens ANDed ("prime minister", "3.5" -> 3 and 5):
    the sentence holds them all, in any order."""
    tokens = re.findall(r"[a-z0-9]+", form)
    if len(tokens) == 1:
        return _quoted(tokens[0])
    return "(" + " AND ".join(_quoted(t) for t in tokens) + ")"


SENTENCES_INDEX = "sentence_words"  # other outlets' fact-checks have an index of the same kind: factcheck_words


def _count(db: Database, expression: str, table: str = SENTENCES_INDEX) -> int:
    """Rows matching, counted no further than VERY_COMMON (cheap for a common word too); remembered per
    connection while the database does not change (search_cache)."""
    return remembered(db, (table, expression), lambda: db.execute(
        f"SELECT COUNT(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?)",
        [expression, VERY_COMMON]).fetchone()[0])


def nearest_known_word(word: str, known_words: Iterable[str]) -> str | None:
    """The word of `known_words` this one is most likely a typo of ("goverment" -> "government"), or None.

    The known words are those of the claims the fuzzy layer found, whose trigram pieces survive a typo:
    reading the index's own vocabulary (fts5vocab) instead counts the sentences of every term it reads,
    29 ms a query at 10^6 claims even for one three-letter prefix."""
    if len(word) < 5 or not word.isalpha():
        return None
    # in the order given, once each: of two words equally near, the first (a set's order was the hash's)
    best = process.extractOne(word, [w for w in dict.fromkeys(known_words) if abs(len(w) - len(word)) <= 2],
                              scorer=OSA.normalized_similarity, score_cutoff=TYPO_CUTOFF / 100)
    return best[0] if best else None


def figure_phrases(normalised: str) -> list[str]:
    """Each figure of the query with the word after it: "22 states sanders won" -> ["22 states"]. Not a
    unit the normaliser writes ("64 percent", "5700000 usd"): with it the figure is one token, not a phrase."""
    words = normalised.split()
    return [f"{a} {b}" for a, b in zip(words, words[1:])
            if a[:1].isdigit() and a.replace(".", "", 1).isdigit() and b.isalpha() and b not in UNITS]


def match_expression(db: Database, normalised: str, known_words: Iterable[str] = (),
                     table: str = SENTENCES_INDEX, phrases: bool = False) -> str | None:
    """The FTS5 query; None when no word of the query is both in some sentence and rarer than COMMON.

    Sentences are found by the rare groups of alternatives (ORed) and ranked by the common ones too:
    among the sentences that hold "Norpenton" it is "wage" that picks out the one about wages. So the
    query reads R OR (R AND (C)): the rows are R's, and bm25 counts the common groups C in them.
    Scoring every sentence a common word holds, or counting a very common word's sentences for its
    weight (bm25 does, over the whole index), costs the most at 10^6 claims for the least: a word in
    VERY_COMMON sentences or more is left out, and with no rare group BM25 is left out altogether
    (the fuzzy layer weighs every word anyway)."""
    rare, common = [], []
    counts: dict[str, int] = {}  # a word's sentences, for a phrase's cost
    for forms in query_terms(normalised):
        terms = [_fts_term(f) for f in forms if re.search(r"[a-z0-9]", f)]
        if not terms:
            continue
        group = terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"
        count = _count(db, group, table)
        if not count and len(forms) == 1:
            near = nearest_known_word(forms[0], known_words)
            if near:
                group, count = _quoted(near), _count(db, _quoted(near), table)
        if len(forms) == 1:
            counts[forms[0]] = count
        if 0 < count < COMMON:
            rare.append(group)
        elif COMMON <= count < VERY_COMMON:
            common.append(group)
    if phrases:  # a figure and the word after it, as a phrase: ranks the sentences holding it higher
        for phrase in figure_phrases(normalised):
            figure, _, after = phrase.partition(" ")
            # read only where the figure is rare and the word is searched anyway: a phrase reads both words'
            # lists of sentences, and a common figure's ("20") grows with the corpus
            if 0 < counts.get(figure, 0) < COMMON and 0 < counts.get(after, 0) < VERY_COMMON:
                group = _quoted(phrase)
                if _count(db, group, table):
                    rare.append(group)
    if not rare:
        return None
    found = "(" + " OR ".join(dict.fromkeys(rare)) + ")"
    if not common:
        return found
    return f"{found} OR ({found} AND ({' OR '.join(dict.fromkeys(common))}))"


def bm25_rows(db: Database, normalised: str, known_words: Iterable[str] = (), table: str = SENTENCES_INDEX,
              weights: str = f"1.0, {CONTEXT_WEIGHT}", limit: int = SENTENCES,
              phrases: bool = False) -> list[tuple[int, float]]:
    """(rowid, bm25) of the rows of `table` BM25 ranks best, best first. `phrases`: figure_phrases too."""
    expression = match_expression(db, normalised, known_words, table, phrases)
    if not expression:
        return []
    return db.execute(f"SELECT rowid, bm25({table}, {weights}) AS score FROM {table} "
                      f"WHERE {table} MATCH ? ORDER BY score LIMIT ?", [expression, limit]).fetchall()


def bm25_claims(db: Database, normalised: str, known_words: Iterable[str] = ()) -> list[tuple[int, list[int]]]:
    """(rank, claim ids) of the sentences BM25 ranks best, best first. (Letting close scores share a
    rank was tried: it lost more than it won on both the written and the generated queries.)"""
    scored = bm25_rows(db, normalised, known_words, phrases=True)
    if not scored:
        return []
    keys = [k for k, _ in scored]
    by_sentence: dict[int, list[int]] = {}
    pairs = [v for k in keys for v in divmod(k, SENTENCE_KEY)]
    for claim_id, article_id, start in db.execute(  # through claims_sentence: no claim row is read
            f"WITH k(article_id, start) AS (VALUES {','.join(['(?, ?)'] * len(keys))}) "
            f"SELECT c.id, k.article_id, k.start FROM k JOIN claims c ON c.article_id = k.article_id "
            f"AND COALESCE(c.sentence_start, c.start) = k.start ORDER BY c.id", pairs):
        by_sentence.setdefault(article_id * SENTENCE_KEY + start, []).append(claim_id)
    return [(rank, by_sentence[k]) for rank, (k, _) in enumerate(scored, 1) if k in by_sentence]
