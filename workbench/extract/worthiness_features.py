"""The features the check-worthiness model reads from one sentence: the same code at training and at run time.

A sentence becomes short strings, each with a count: its words and word pairs (figures folded to their
shape, so "4.2%" and "17%" are one feature), the cue groups fact-checkers name (figures, comparisons,
causes, records, opinion, promises), the kinds of figure and date the extractor found in it,
capitalised names and its length. The model (checkworthiness.py) sums one learnt weight per feature;
training (scripts/train_checkworthiness.py) calls `sentence_features`, and a test holds the model's
faster sum equal to the sum over these strings.
"""
from __future__ import annotations

from . import re_cached as re  # the re module, compiled code read from a file (re_cached.py)
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

# a word, a number or a sign in lower-cased text: r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[%$£€¥]", written to
# open with the set of its first characters, so the engine skips to the next one in C instead of trying
# three branches at every space and stop; the character read decides the branch, as it did (about 15 %
# faster over 29,500 sentences; tests/test_extract_scans.py holds the two equal)
WORD_PLAIN = r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[%$£€¥]"
_WORD = re.compile(r"[a-z\d%$£€¥](?:(?<=[a-z])[a-z]*(?:'[a-z]+)?|(?<=\d)\d*(?:[.,]\d+)*|(?<=[%$£€¥]))")
# a capitalised word not at the start of the sentence: a name, a place, an organisation, a law
# (the capital comes first so the regex engine can skip to capitals, rather than try every position)
_NAME = re.compile(r"[A-Z](?<=[\w,;] [A-Z])[a-z]+")
_DIGIT = re.compile(r"\d")
_HAS_WORD = re.compile(r"\w")


# Reported speech is scored for what is said, not for being reported: "the minister said unemployment fell
# to 4%" is the claim "unemployment fell to 4%". The frame before or after it is left out of the features.
_SAYS = ("said|says|say|told|tells|added|adds|stated|states|claimed|claims|announced|announces|reported|reports|"
         "estimated|estimates|confirmed|confirms|insisted|insists|warned|warns|argued|argues|noted|notes|wrote|writes")
_SAYS_WORDS = frozenset(_SAYS.split("|")) | {"according"}
# "The minister said (that) ...", "According to the census, ...": a few words, then the verb
_FRAME_BEFORE = re.compile(r"(?:according to [^,.;\"“”]{1,60},|(?:[\w'’.-]+\s+){0,6}?(?:" + _SAYS
                           + r")\b(?:(?:\s+\w+)?\s+that\b)?)\s*", re.I)
# "..., the minister said on Thursday." / "...,” she told reporters." / "..., according to the census."
_FRAME_AFTER = re.compile(r"[,\"”’]+\s*(?:[\w'’.-]+\s+){0,6}?(?:" + _SAYS + r"|according to)\b"
                          r"(?:\s+[\w'’-]+){0,5}[\s.!?\"”’]*\Z", re.I)


# _FRAME_AFTER ends the text and holds at most 14 runs of non-space: the closing comma or quote (perhaps
# glued to a word), 6 words, the verb ("according to" is two), 5 words, then only stops, quotes and spaces
_FRAME_AFTER_RUNS = 16  # two to spare
_FRAME_AFTER_TAIL = frozenset('.!?"”’')


def _frame_after_floor(text: str) -> int:
    """A position no _FRAME_AFTER match in `text` starts before: the start of the 16th run of non-space
    from the end, the closing stops and quotes left out. Searching from there finds what a search of the
    whole sentence finds, without trying the pattern at every comma and quote of a long sentence."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in _FRAME_AFTER_TAIL):
        end -= 1
    head = text[:end].rsplit(None, _FRAME_AFTER_RUNS)
    return len(head[0]) if len(head) > _FRAME_AFTER_RUNS else 0


def _what_is_said(text: str, lowered_words: list[str]) -> str:
    """`text` without a reporting frame ("X said", ", X told reporters", "According to X,")."""
    if _SAYS_WORDS.isdisjoint(lowered_words):
        return text
    after = _FRAME_AFTER.search(text, _frame_after_floor(text))
    if after and _HAS_WORD.search(text, 0, after.start()):
        return text[:after.start()]
    before = _FRAME_BEFORE.match(text)
    if before and _HAS_WORD.search(text, before.end()):
        return text[before.end():]
    return text


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The cue groups fact-checkers name when they explain what they pick, one feature each: the model
# learns how much each weighs, and a word it never saw in training still counts through its group.
CUE_GROUPS: dict[str, frozenset[str]] = {
    "share": _words("percent percentage percentages %"),
    "money": _words("million billion trillion millions billions dollar dollars pounds euros $ £ € ¥"),
    "number": _words("""one two three four five six seven eight nine ten twenty thirty forty fifty hundred
        hundreds thousand thousands dozen dozens half third quarter twice double triple"""),
    "compare": _words("""more less fewer higher lower larger smaller bigger highest lowest largest biggest most
        least fastest worst best record increase increased increases decrease decreased decreases rose risen fell
        fallen grew grown doubled tripled halved cut cuts raised dropped decline declined surge surged soared
        plunged jumped since than"""),
    "cause": _words("because cause caused causes blame blamed due thanks responsible"),
    "topic": _words("""tax taxes job jobs unemployment deficit debt budget spending economy wage wages income
        crime murder murders death deaths killed died victim victims immigrant immigrants immigration
        healthcare insurance oil energy emission emissions trade export exports import imports gdp inflation
        poverty price prices vote votes voted bill law laws legislation funding funded fund rate rates nuclear
        military troops war terror terrorism terrorist terrorists refugee refugees police gun guns school
        schools student students college pension pensions hospital hospitals"""),
    "record": _words("""voted passed signed vetoed approved created lost gained spent paid raised borrowed owned
        invested supported opposed sponsored endorsed banned allowed cost costs"""),
    "source": _words("""report reported reports study studies survey data figures statistics census analysis
        estimate estimates official officials officially according"""),
    "absolute": _words("every all never always nobody only first single"),
    "opinion": _words("think believe feel hope wish love like"),
    "modal": _words("should would could might may will gonna let's must"),
    "emotive": _words("""great wonderful amazing terrible horrible disaster beautiful incredible tremendous
        frankly honestly folks"""),
    "vague": _words("maybe perhaps probably something anything stuff things kind sort lot"),
    "you": _words("you your"),
    "greeting": _words("thank thanks hello welcome evening morning applause laughter congratulations"),
}
_GROUP_OF: dict[str, tuple[str, ...]] = {}
for _group, _members in CUE_GROUPS.items():
    for _member in _members:
        _GROUP_OF[_member] = _GROUP_OF.get(_member, ()) + ("g=" + _group,)
_GROUP_WORDS = frozenset(_GROUP_OF)


def _shape(token: str) -> str:
    """A figure's shape, so the model learns "a year", "a small number", "a big number", not each one."""
    if not token[0].isdigit():
        return token
    digits = token.replace(",", "").split(".")[0]
    if len(digits) == 4 and digits[:2] in ("19", "20"):
        return "<year>"
    return "<num>" if len(digits) < 4 else "<big>"


class _Shapes(dict):
    """token → _shape(token), filled as tokens come: a dict lookup per token instead of a call (a tenth of
    the time of sentence_parts). Emptied past _SHAPES_KEPT tokens, so a long-lived process stays small."""

    def __missing__(self, token: str) -> str:
        if len(self) >= _SHAPES_KEPT:
            self.clear()
        shape = self[token] = _shape(token)
        return shape


_SHAPES_KEPT = 200_000
_shape_of = _Shapes().__getitem__


@dataclass(frozen=True)
class SentenceParts:
    """What the model reads of one sentence: its words (figures by shape) and its other features."""

    tokens: list[str]
    others: list[str]  # cue groups, kinds of claim, digit, question, names, length


def sentence_parts(text: str, kinds: Iterable[str] = ()) -> SentenceParts:
    """The words and other features of one sentence (its words without any transcript label); `kinds` are
    the kinds of claim the extractor found in it ("money", "date", ...)."""
    lowered = text.replace("’", "'").lower()
    words = _WORD.findall(lowered)
    said = _what_is_said(text, words)
    if said is not text:
        text, lowered = said, said.replace("’", "'").lower()
        words = _WORD.findall(lowered)
    digit = _DIGIT.search(text) is not None
    tokens = list(map(_shape_of, words)) if digit else words
    others = [group for word in _GROUP_WORDS.intersection(tokens) for group in _GROUP_OF[word]]
    others.extend(map("k=".__add__, kinds))
    if digit:
        others.append("digit")
    if lowered.rstrip().endswith("?"):
        others.append("question")
    names = len(_NAME.findall(text))
    if names:
        others.append("names=1" if names == 1 else "names=2+" if names < 4 else "names=4+")
    n = len(tokens)
    others.append("len<6" if n < 6 else "len<12" if n < 12 else "len<25" if n < 25 else "len25+")
    return SentenceParts(tokens, others)


def word_features(token: str) -> list[str]:
    """A word's own features. Only the word: its letters in fours (" tax", "taxe", "axes", "xes ") were
    tried, and scored lower leaving one transcript out (0.236 against 0.248) at a fifth more run time."""
    return ["w=" + token]  # checkworthiness.WorthinessModel relies on this being one feature, "w=" + token


def pair_feature(first: str, second: str) -> str:
    return f"b={first} {second}"


def sentence_features(text: str, kinds: Iterable[str] = ()) -> Counter[str]:
    """Every feature of one sentence with how often it occurs: what the model is trained on."""
    return features_of(sentence_parts(text, kinds))


def features_of(parts: SentenceParts) -> Counter[str]:
    """The features of a sentence's parts, counted (WorthinessModel scores the parts without building them)."""
    features = Counter(parts.others)
    for token in parts.tokens:
        features.update(word_features(token))
    features.update(map(pair_feature, ["^", *parts.tokens], [*parts.tokens, "$"]))
    return features
