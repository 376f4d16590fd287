"""The lexical ranker: BM25 over each claim's sentence (porter stems), the text around it weaker.

The fuzzy layer (search.py, search_index.py) reads letters and figures; this one reads words the way
a search engine does: a rare word of the query that the sentence holds counts for much, a common
one for little, and words found only around the sentence (the headline, the sentence before) count
for less. A query word is searched with its synonyms (search_synonyms.py), and a word no sentence
holds is read as the nearest word some sentence does ("goverment" as "government").
Every word is a quoted string: the user's text is never FTS syntax.
"""
from __future__ import annotations

from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA
from sqlite_utils import Database

from .search_synonyms import SYNONYM_GROUPS
from .textnorm import normalise

SENTENCES = 60  # sentences taken from BM25; each brings its claims
CONTEXT_WEIGHT = 0.3  # a word around the sentence against one in it
TYPO_CUTOFF = 80  # 100 * (1 - edits / length), a swap of two letters one edit, for reading an unknown word as a known one
# what porter strips from a word: only a stem that leaves one of these is compared with the word cut short
SUFFIXES = frozenset("s es ed d ing er ers ment ments ly ion ions al e y ies ied ness ity".split())
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


def _known(db: Database, word: str) -> bool:
    return db.execute("SELECT 1 FROM sentence_words WHERE sentence_words MATCH ? LIMIT 1",
                      [_quoted(word)]).fetchone() is not None


def nearest_known_word(db: Database, word: str) -> str | None:
    """The indexed word (a porter stem) this unknown one is most likely a typo of, or None.
    Stems are shorter than words ("received" is held as "receiv"), so a stem of five letters or more is
    also compared with the word cut near its length where what is cut off is a suffix; a shorter stem
    ("para") is a prefix of too many words to stand for one."""
    if len(word) < 5 or not word.isalpha():
        return None
    terms = [t for (t,) in db.execute(
        "SELECT term FROM sentence_words_terms WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?",
        [word[0], chr(ord(word[0]) + 1), len(word) - 4, len(word) + 2])]
    if not terms:
        return None

    def alike(a: str, b: str, **_) -> float:
        best = OSA.normalized_similarity(a, b)
        if len(b) >= 5:  # the word cut where a suffix starts, within a letter of the stem's length (a typo)
            for cut in (len(b) - 1, len(b), len(b) + 1):
                if a[cut:] in SUFFIXES:
                    best = max(best, OSA.normalized_similarity(a[:cut], b))
        return 100 * best
    best = process.extractOne(word, terms, scorer=alike, score_cutoff=TYPO_CUTOFF)
    return best[0] if best else None


def match_expression(db: Database, normalised: str, typed: bool = True) -> str | None:
    """The FTS5 query: every group of alternatives ORed; None when no word is in any sentence."""
    parts = []
    for forms in query_terms(normalised):
        known = [f for f in forms if _known(db, f)]
        if not known and typed and len(forms) == 1:
            near = nearest_known_word(db, forms[0])
            known = [near] if near else []
        parts += [_quoted(f) for f in known]
    return " OR ".join(dict.fromkeys(parts)) or None


def bm25_claims(db: Database, normalised: str, typed: bool = True) -> list[list[int]]:
    """Claim ids by BM25 of their sentence, best sentence first: one list per sentence."""
    expression = match_expression(db, normalised, typed)
    if not expression:
        return []
    keys = [r[0] for r in db.execute(
        f"SELECT rowid FROM sentence_words WHERE sentence_words MATCH ? "
        f"ORDER BY bm25(sentence_words, 1.0, {CONTEXT_WEIGHT}) LIMIT ?", [expression, SENTENCES])]
    if not keys:
        return []
    articles = sorted({k // SENTENCE_KEY for k in keys})
    by_sentence: dict[int, list[int]] = {}
    for claim_id, article_id, start in db.execute(
            f"SELECT id, article_id, COALESCE(sentence_start, start) FROM claims "
            f"WHERE article_id IN ({','.join('?' * len(articles))}) ORDER BY id", articles):
        by_sentence.setdefault(article_id * SENTENCE_KEY + start, []).append(claim_id)
    return [by_sentence[k] for k in keys if k in by_sentence]
