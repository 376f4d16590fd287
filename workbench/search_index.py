"""Candidate claims for a search, from the FTS5 trigram index and the sentences' word index, fast at a
million claims.

Each query word becomes a group of alternatives the indexes can match:
- the word from the start of a word, lightly stemmed (" flood" finds flood, floods, flooded),
  numbers as whole words (" 74 " and not 1974 or 740); a plain word or number of the claims' search is
  looked up in the word index instead (sentence_words: porter stems, one posting list per word), whose
  claims are those of the sentences holding it;
- when no claim has that (a typo, or a word spelt another way), pieces of the word that one typo
  cannot all break (trigram phrases: the only look-ups of a typed search left in the trigram index).
Only the rare groups are ANDed, or a few common ones when none is rare, in the word index when it can
answer. Intersecting a group that a third of all claims hold costs more than it narrows, and rapidfuzz
weighs those words in the ranking anyway. How rare is learnt by fetching a group's first RARE claims,
which stops early for common words; look-ups are remembered per connection (search_cache).

Every piece is a quoted string, so the user's text is never FTS syntax.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator, NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .search_cache import remembered
from .textnorm import STOP_WORDS

if TYPE_CHECKING:  # read through db.execute alone: a plain sqlite3 connection will do
    from sqlite_utils import Database

RARE = 1000  # a word in fewer claims than this narrows the search cheaply (0.1% of 10^6)
CANDIDATES = 2000  # the most claims one search hands on to the ranking
MAX_WORDS = 16  # of a long query (a claim and its sentence, at import), the first 16 words
LEAVE_ONE_OUT = 6  # at most this many "every word but one" tries
COMMON_AND = 4  # with no rare word, intersect only this many common ones


def _quoted(piece: str) -> str:
    return '"' + piece.replace('"', '""') + '"'


def _is_number(word: str) -> bool:
    return word.replace(".", "").isdigit()


@lru_cache(maxsize=1 << 16)  # ranking stems every word of every candidate: the same few thousand words
def stem(word: str) -> str:
    """The part of a word its other forms share, for matching from the start: floods -> flood."""
    for ending, keep in (("ing", 5), ("ed", 4), ("es", 4), ("s", 4)):
        if word.endswith(ending) and len(word) - len(ending) >= keep - 1 and not word.endswith("ss"):
            return word[: len(word) - len(ending)]
    return word


def typo_pieces(word: str) -> list[str]:
    """Pieces of a word of which one typo always leaves one intact.

    Seven letters or more: its head and its tail with one letter left out between them (a letter
    dropped, doubled, swapped or replaced lands in the head, the gap or the tail). Six: head and
    tail of three (only a swap across the middle defeats them). Four or five: the first two
    letters after a space, or the last two before one.
    """
    if len(word) >= 7:
        cut = (len(word) - 1) // 2
        return [f" {word[:cut]}", f"{word[cut + 1:]} "]
    if len(word) == 6:
        return [f" {word[:3]}", f"{word[3:]} "]
    return [f" {word[:2]}", f"{word[-2:]} "]


# Words the normaliser writes into a large share of claims ("20%" -> "20 percent", "£5m" -> "5000000
# gbp"): looking them up costs more than it narrows, and the ranking still weighs them.
UNITS = frozenset({"percent", "gbp", "usd", "eur", "jpy"})


def searched_words(normalised: str) -> list[str]:
    """The words worth looking up: numbers, and words of four letters or more, once each."""
    words = dict.fromkeys(w for w in normalised.split() if (len(w) >= 4 or _is_number(w)) and w not in UNITS)
    return list(words)[:MAX_WORDS]


CLAIMS = "claims_fts"  # the trigram index searched; other outlets' fact-checks have one of the same kind
# The word index beside the claims' trigram index: their sentences word by word (porter stems, db/0006), one
# row per sentence, rowid = article_id * 2^32 + sentence start, the sentence's words in its column `own`.
# Its posting lists are words', not trigrams': an AND of common words costs a fifth of the trigram phrases'
# AND at 10^6 claims (" university" is ten trigrams, each in hundreds of thousands of claims), and a word
# that no sentence holds is known in one b-tree look-up, where its trigram phrase took up to 40 ms.
WORDS = {CLAIMS: "sentence_words"}
_PLAIN_WORD = re.compile(r"[a-z]+|[0-9]+")  # one token of the word index, as in the trigram index


def _first_rows(db: Database, expression: str, fts: str = CLAIMS, rare: int = RARE) -> tuple[int, ...]:
    """The ids of the first `rare` rows matching `expression` (all of them, for a rare group): the same
    work as counting them, and a rare group's AND with other rare groups is then a set intersection
    instead of a second FTS query (the phrase of a long word's trigrams took up to 40 ms at 10^6 claims)."""
    def look_up() -> tuple[int, ...]:
        return tuple(r[0] for r in db.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? LIMIT ?",
                                              [expression, rare]))
    return remembered(db, (fts, rare, expression), look_up)


def _claims_by_word(db: Database, word: str, words: str, rare: int = RARE) -> tuple[int, tuple[int, ...]]:
    """The first `rare` claims whose sentence holds `word` in any form (porter: "waited" finds "waiting"),
    from the word index `words`, in id order: `_first_rows` for a plain word, at a fraction of its cost.
    A trigram phrase reads every claim holding each of its trigrams: 12-16 ms at 10^6 claims for a place
    name in 160 claims, 20-28 ms for " 71000000000 " ("000" is in most claims), and as much for a misspelt
    word no claim holds; one word's posting list is a b-tree look-up. A word no sentence holds is read as
    a typo, by its pieces, which still find a word it begins ("johns" in "johnsons") and a quote's speaker
    named only in the claim's own words (neither in its sentence, the headline nor the two sentences
    before). Not asked as a prefix ("ace" *): FTS5 merges every term of the range first, 60 ms for that
    one at 10^6 claims."""
    match = "{own} : " + _quoted(word)

    def look_up() -> tuple[int, tuple[int, ...]]:
        # a word in `rare` sentences is in `rare` claims or more (unless their claims were deleted): counted
        # without reading which (1,000 look-ups of claims_sentence), as only a common word's count is used
        sentences = db.execute(f"SELECT COUNT(*) FROM (SELECT rowid FROM {words} WHERE {words} MATCH ? "
                               f"LIMIT ?)", [match, rare]).fetchone()[0]
        if sentences >= rare:
            return rare, ()
        ids = tuple(sorted(r[0] for r in db.execute(f"{_SENTENCE_CLAIMS.format(words=words)} LIMIT ?",
                                                    [match, rare])))
        return len(ids), ids
    return remembered(db, (words, rare, word), look_up)


# the claims of the sentences an FTS5 query of the word index finds (through claims_sentence: no claim row
# is read)
_SENTENCE_CLAIMS = ("SELECT c.id FROM {words} w JOIN claims c ON c.article_id = w.rowid >> 32 "
                    "AND COALESCE(c.sentence_start, c.start) = (w.rowid & 4294967295) WHERE {words} MATCH ?")


class Group(NamedTuple):
    count: int  # claims matched, counted up to RARE
    expression: str  # FTS5 query text
    typo: bool  # the word itself is in no claim: this matches pieces of it
    word: str
    ids: tuple[int, ...] = ()  # the claims it matches, in id order; all when count < RARE (a common word
    # of the word index holds none: only its count is used)


def word_groups(db: Database, normalised: str, fts: str = CLAIMS, typos: bool = True,
                rare: int = RARE) -> list[Group]:
    """One group per searched word, rarest first. Left out: words that match nothing even allowing
    for a typo, and misspelt stop words ("abuot", "sinse": stop words are not in the index).
    `typos=False` for text taken from an article: a word no row holds is left out, not read as a typo.
    `rare`: how far to look (another index keeps the same share of its rows, 0.1%, as RARE is of 10^6
    claims). Look-ups are remembered per connection (search_cache), so the sentences of one article
    that share words pay for each once."""
    groups = []
    words = WORDS.get(fts) if typos else None  # text from an article: its words are looked up as they are
    for word in searched_words(normalised):
        expression = _quoted(f" {word} " if _is_number(word) else f" {stem(word)}")
        if words and _PLAIN_WORD.fullmatch(word):
            count, ids = _claims_by_word(db, word, words, rare)
        else:
            ids = _first_rows(db, expression, fts, rare)
            count = len(ids)
        group = Group(count, expression, False, word, ids)
        if group.count == 0 and not _is_number(word) and typos:
            if process.extractOne(word, STOP_WORDS, scorer=Levenshtein.distance, score_cutoff=1):
                continue
            expression = "(" + " OR ".join(_quoted(p) for p in typo_pieces(word)) + ")"
            ids = _first_rows(db, expression, fts, rare)
            group = Group(len(ids), expression, True, word, ids)
        if group.count:
            groups.append(group)
    return sorted(groups, key=lambda g: g.count)


def _likely_rarer(group: Group) -> tuple:
    """Among common groups (all counted only as "RARE or more"): long numbers, then long words,
    then typo pieces, which match the most."""
    return group.typo, -(len(group.word) + (3 if _is_number(group.word) else 0))


def _rare_or_all(groups: list[Group], rare_below: int = RARE) -> list[Group]:
    """The rare groups; when there are none, the COMMON_AND likeliest to be rarest (intersecting
    every common word of a long query costs 30-45 ms at 10^6 claims in the trigram index, four of them
    about half; in the word index (`_and_words`) a few ms, but ANDing all of them at once, tried at 10^6,
    was no faster and narrows more than the search did before)."""
    rare = [g for g in groups if g.count < rare_below]
    return rare or sorted(groups, key=_likely_rarer)[:COMMON_AND]


def _expressions(groups: list[Group]) -> list[str]:
    return [g.expression for g in groups]


def _and(db: Database, groups: list[Group], fts: str = CLAIMS, cap: int = CANDIDATES,
         rare_below: int = RARE) -> list[int]:
    """The rows matching every group, in id order, at most `cap`: the FTS query's answer. Rare groups
    hold all their ids already (fewer than `rare_below` each), so their intersection is computed here."""
    if all(g.count < rare_below for g in groups):
        common = set(groups[0].ids).intersection(*(g.ids for g in groups[1:]))
        return sorted(common)[:cap]
    if fts in WORDS and any(_in_words(g) for g in groups):
        return _and_words(db, groups, WORDS[fts], cap, rare_below)
    return [r[0] for r in db.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? LIMIT ?",
                                     [" AND ".join(g.expression for g in groups), cap])]


def _in_words(group: Group) -> bool:
    """A group the word index can answer: a word or number as typed, with letters or digits to index."""
    return not group.typo and any(c.isalnum() for c in group.word)


def _and_words(db: Database, groups: list[Group], words: str, cap: int, rare_below: int) -> list[int]:
    """`_and` through the word index: the claims of the sentences holding every word that is no typo (the
    word in any form, in the sentence itself), in id order, at most `cap`; when that many, narrowed by
    the typo groups' pieces and the rare groups' ids too. A trigram phrase is a substring of the claim's
    search text, so the pieces are tested with instr() on the claims found, not looked up again.
    Remembered per connection: a stage that drops the typo groups asks for the same AND again."""
    known = [g for g in groups if _in_words(g)]
    match = "{own} : (" + " AND ".join(_quoted(g.word) for g in known) + ")"
    join = _SENTENCE_CLAIMS.format(words=words)

    def look_up(sql: str, args: list) -> tuple[int, ...]:
        return tuple(sorted(r[0] for r in db.execute(f"{sql} LIMIT ?", [*args, cap])))
    ids = remembered(db, (words, "and", match, cap), lambda: look_up(join, [match]))
    typos = [g for g in groups if not _in_words(g)]
    rare = [set(g.ids) for g in groups if g.count < rare_below]
    if len(ids) >= cap and typos:
        pieces = [typo_pieces(g.word) for g in typos]
        narrowed = join + "".join(" AND (" + " OR ".join(["instr(c.search_text, ?)"] * len(p)) + ")"
                                  for p in pieces)
        ids = remembered(db, (words, "and", match, cap, *map(tuple, pieces)),
                         lambda: look_up(narrowed, [match, *(piece for p in pieces for piece in p)]))
    return [i for i in ids if all(i in r for r in rare)]


def _most_groups_first(rare: list[Group], cap: int) -> list[int]:
    """The rows holding any of the rare groups, those holding the most (the rarest weighing most) first, at
    most `cap`: what `ORDER BY rank` over their OR gives, from the ids the groups hold already. bm25 over the
    trigram index counts each phrase's rows in the whole index first: 40 ms at 10^6 claims for " zentor"."""
    weight: dict[int, float] = {}
    for g in rare:
        idf = 1.0 / (g.count + 1)
        for i in g.ids:
            weight[i] = weight.get(i, 0.0) + 1.0 + idf
    return sorted(weight, key=lambda i: (-weight[i], i))[:cap]


def candidate_sets(db: Database, groups: list[Group], leave_one_out: bool = True,
                   fts: str = CLAIMS, cap: int = CANDIDATES, rare_below: int = RARE,
                   ranked_any: bool = True) -> Iterator[list[int]]:
    """Ever wider sets of candidate row ids (claims, or the rows of another index `fts` of the same kind);
    the caller stops when it has found a good match. `rare_below` must not exceed the `rare` the groups
    were looked up with (word_groups), so that a rare group holds all its ids.

    1. Rows holding every rare group (when none is rare, the COMMON_AND likeliest rarest); if
       that is more than `cap`, narrowed by all the other groups too.
    2. The same without the typo groups: a typo can defeat its pieces (two typos in one word, a
       swap in the middle of a short word).
    3. Rows holding any rare group, most of them first (bm25; for claims counted from the groups' ids,
       `_most_groups_first`), for a word the claim never had; bounded, since each group holds fewer than
       `rare_below` rows (`ranked_any=False`: unordered, every one).
    4. Every group but one, for a typo that made another real word ("lists" -> "losts"), trying
       typo groups first, then the commonest (at most LEAVE_ONE_OUT tries; skipped for text taken
       from an article, which has no typos to undo).
    """
    if not groups:
        return
    first = _rare_or_all(groups, rare_below)
    ids = _and(db, first, fts, cap, rare_below)
    if len(ids) >= cap:
        narrower = first + [g for g in groups if g.expression not in _expressions(first)]
        if len(narrower) > len(first):
            ids = _and(db, narrower, fts, cap, rare_below)
    yield ids
    known = _rare_or_all([g for g in groups if not g.typo], rare_below)
    if known and _expressions(known) != _expressions(first):
        yield _and(db, known, fts, cap, rare_below)
    rare = [g.expression for g in groups if g.count < rare_below]
    if rare and fts in WORDS and ranked_any:
        yield _most_groups_first([g for g in groups if g.count < rare_below], cap)
    elif rare:
        order = "ORDER BY rank" if ranked_any else ""
        yield [r[0] for r in db.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? {order} LIMIT ?",
                                        [" OR ".join(rare), cap if ranked_any else len(rare) * rare_below])]
    if leave_one_out and len(groups) >= 3:
        for left_out in sorted(groups, key=lambda g: (not g.typo, -g.count))[:LEAVE_ONE_OUT]:
            yield _and(db, _rare_or_all([g for g in groups if g is not left_out], rare_below), fts, cap, rare_below)
