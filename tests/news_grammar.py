"""Hypothesis strategies that write news: sentences composed from the words a news story is made of.

Arbitrary Unicode rarely reaches the extractor's rules; these sentences do. A speaker is a name, a
title, a description or a pronoun; a cue verb comes before or after a quote in any of the marks
papers print ("…", “…”, ''…'', «…», ‘…’); the quote and the clauses around it carry figures, units and
dates; sentences open with "While", "And", "But", "That" and stop anywhere, as cut text does.

Import the strategies from a test (`from news_grammar import articles, sentences`); every vocabulary
is a tuple, so another test can draw from it too.
"""
from __future__ import annotations

from hypothesis import strategies as st

GIVEN_NAMES = ("Karen", "David", "Amara", "Tomas", "Zoë", "Li", "Jean-Paul", "Siobhan", "J.", "Bill")
SURNAMES = ("Wu", "Pike", "Okafor", "de Blasio", "O'Neill", "Ruiz-Tagle", "Van der Berg", "Lowe", "MacLeod", "Al-Sayed")
TITLES = ("Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Prof.", "Sir", "Judge", "Lt.")
ROLES = ("Prime Minister", "Transport Secretary", "chief executive", "the mayor", "spokeswoman", "the minister",
         "Detective Inspector", "the former minister", "the Republican presidential candidate", "Senate leader",
         "lawyer", "the Bafta-winning director", "the 61-year-old", "her barrister", "a spokesman for the council",
         "the Post", "state television", "the ministry", "the campaign", "Pike's deputy")
PRONOUNS = ("he", "she", "they", "it", "I", "we", "He", "She", "They", "It", "We")
CUES = ("said", "says", "told reporters", "added", "replied", "warned", "wrote", "argued", "insisted", "tweeted",
        "told the BBC", "has said", "later added", "asked", "explained", "went on", "pointed out", "noted")
PARTICIPLES = ("saying", "adding", "telling reporters", "warning", "noting", "calling it", "describing it as")
OPENERS = ("While", "And", "But", "That", "As", "So", "Then", "Yet", "When", "Although", "Meanwhile", "In May,",
           "On Monday,", "Speaking on Friday,", "Asked about it,", "Said", "According to", "Even", "Still,")
WORDS = ("the", "plan", "will", "not", "work", "we", "never", "agreed", "to", "a", "deal", "and", "it", "is",
         "courageous", "disaster", "people", "of", "in", "for", "cost", "rose", "fell", "by", "more", "than",
         "nobody", "knows", "voters", "deserve", "better", "this", "that", "was", "our", "budget", "county")
FIGURES = ("12", "1,200", "3.5", "£12bn", "$4.5 million", "45%", "-0.8%", "minus 40", "31pc", "one fifth",
           "6 hundred thousand", "3 B", "9/2", "300 times", "50,000 or so", "1:48 a.m.", "2:00 p.m.", "A$5",
           "HK$10", "PS400", "¥300", "the 45th", "fourth", "second", "from 212,000 to 198,500", "60,000", "12m",
           "the 200m", "five", "a dozen", "No. 10", "£950 a month", "300 000", "15-7", "1997",
           "two and a half million", "a half-dozen", "half a million", "a third-party", "a half-hour",
           "90,000 K-1", "400 F-35", "H-1B", "5ft 11in", "6-foot-3", "a quarter-of-a-million")
UNITS = ("", " people", " members", " km", " miles", " mph", " hp", " GHz", " kg", " deep", " subscribers",
         " per cent", " percent", " votes", " years", " jobs", " a year", " points")
DATES = ("on Monday", "Jan. 5", "in 2011", "June of 2015", "at the end of 2011", "by the close of 2030",
         "in the late 80s", "last week", "on 24 November", "in the spring of 2027", "two years ago", "for 2024",
         "this year", "in the early months of 2019", "Dec. 3, 2015", "three centuries ago", "half a century ago",
         "a quarter-century ago", "decades ago", "a year and a half ago")
# (opening mark, closing mark): matched pairs and the mismatched ones real files have
QUOTE_MARKS = (('"', '"'), ("“", "”"), ("''", "''"), ("«", "»"), ("‘", "’"), ("'", "'"), ("“", '"'),
               ('"', "”"), ("``", "''"), ("„", "“"), ("« ", " »"), ("“", ""), ("", "”"), ("''", '"'))
PUNCTUATION = ("", ",", ".", "?", "!", ";", ":", " —", " –", ",”", ".”", "…")


def _pick(values: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.sampled_from(values)


@st.composite
def names(draw) -> str:
    """A person as an article names them: "Karen Wu", "Sen. Pike", "Transport Secretary Zoë Lowe"."""
    parts = [draw(_pick(GIVEN_NAMES)), draw(_pick(SURNAMES))]
    style = draw(st.integers(0, 4))
    if style == 1:
        parts = [draw(_pick(TITLES)), parts[-1]]
    elif style == 2:
        parts.insert(0, draw(_pick(ROLES)))
    elif style == 3:
        parts = parts[-1:]
    return " ".join(parts)


@st.composite
def speakers(draw) -> str:
    """Whoever a cue verb can have as its subject: a name, a name with an aside, a role, a pronoun."""
    kind = draw(st.integers(0, 4))
    if kind == 0:
        return draw(_pick(PRONOUNS))
    if kind == 1:
        return draw(_pick(ROLES))
    if kind == 2:
        return f"{draw(names())}, {draw(_pick(ROLES))},"
    if kind == 3:
        return f"{draw(names())} and {draw(names())}"
    return draw(names())


@st.composite
def figures(draw) -> str:
    """A figure with its unit and maybe its date: "£12bn a year", "45% on Monday"."""
    text = draw(_pick(FIGURES)) + draw(_pick(UNITS))
    if draw(st.booleans()):
        text += " " + draw(_pick(DATES))
    return text


@st.composite
def clauses(draw) -> str:
    """A few words of news with figures and dates among them."""
    pieces = draw(st.lists(_pick(WORDS) | figures() | _pick(DATES) | names() | _pick(PRONOUNS),
                           min_size=1, max_size=9))
    return " ".join(pieces)


@st.composite
def quotes(draw) -> str:
    """A clause in quote marks of any kind, maybe ending in the punctuation a paper puts inside."""
    opening, closing = draw(_pick(QUOTE_MARKS))
    return f"{opening}{draw(clauses())}{draw(_pick(PUNCTUATION))}{closing}"


@st.composite
def sentences(draw) -> str:
    """One sentence of news in one of the shapes attribution takes, sometimes cut off anywhere."""
    speaker, cue, quote = draw(speakers()), draw(_pick(CUES)), draw(quotes())
    opener = draw(_pick(OPENERS) | st.just(""))
    # each shape drawn only when picked: drawing every shape's parts made an article cost 0.2 s to write
    shapes = (
        lambda: f"{quote} {speaker} {cue}.",
        lambda: f"{quote}, {cue} {speaker}.",
        lambda: f"{speaker} {cue}: {quote}",
        lambda: f"{speaker} {cue} {draw(clauses())}.",
        lambda: f"{opener} {draw(_pick(PARTICIPLES))} {quote}",
        lambda: f"{opener} {speaker} {cue} {quote}.",
        lambda: f"{opener} {quote}",
        lambda: f"{speaker} {cue} {draw(clauses())} {quote} {draw(clauses())}.",
        lambda: f"According to {speaker}, {draw(clauses())}.",
        lambda: f"{draw(clauses())}, {speaker} {cue}, {draw(_pick(PARTICIPLES))} {quote}",
        lambda: f"{draw(_pick(OPENERS))} {draw(clauses())}",
        lambda: f"{quote} — {draw(names())}",
        lambda: f"{speaker.upper()}: {draw(clauses())}",
    )
    text = shapes[draw(st.integers(0, len(shapes) - 1))]().strip()
    if draw(st.integers(0, 5)) == 0:  # cut text: a sentence stops mid-word, or starts mid-word
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] if draw(st.booleans()) else text[cut:]
    return text


@st.composite
def paragraphs(draw) -> str:
    return " ".join(draw(st.lists(sentences(), min_size=1, max_size=3)))


@st.composite
def articles(draw) -> str:
    """Paragraphs separated as papers print them: a blank line, a line break, or nothing."""
    separator = draw(_pick(("\n\n", "\n", " ", "\r\n\r\n")))
    body = separator.join(draw(st.lists(paragraphs(), min_size=1, max_size=4)))
    if draw(st.booleans()):
        body = draw(sentences()) + "\n\n" + body  # a headline-like first line
    return body
