"""Ranks, firsts and superlatives a reader would check: "her fourth novel", "finished second",
"took bronze", "the first chancellor to do so since Gladstone", "Europe's largest carmaker",
"one of the biggest lenders in the country", "record turnout".

One mechanism for each: a rank word is a claim when something fixes what it ranks — a determiner
before it and the noun it ranks after it, a ranking verb, or what it is measured against. The words
are tables; the patterns are built from them. Figures found elsewhere win where spans overlap. A place
is valued {"rank": n}, not {"number": n}: "the third time" states no quantity to convert or compare.
"""
from __future__ import annotations

from . import re_cached as re  # the re module, compiled code read from a file (re_cached.py)

from .numbers import ORDINAL_WORDS
from .scan import (ascii_digits_only, ascii_led, finditer_at, lower_in_place, lowered_for_words,
                   search_before, starts_near_anchors, word_choice)

# what owns or fixes the thing ranked: "the", "her", "Europe's"
DETERMINERS = ("the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "whose")
POSSESSIVE = r"[A-Za-z][\w.-]*(?:['’]s|s['’])"
# nouns after an ordinal that make an idiom or a title, not a rank ("the first lady", "a second look")
ORDINAL_IDIOMS = frozenset(
    "lady ladies gentleman look glance thought thoughts hand nature guess sight person instance cousin cousins "
    "aid class name names half quarter floor base step steps thing things world way grade grades grader graders "
    "reading hearing opinion wind fiddle string language amendment century centuries millennium".split())
# superlatives of size, rank and record: measurable, unlike "best friend"
SUPERLATIVES = (
    "largest", "biggest", "highest", "lowest", "smallest", "fastest", "slowest", "worst", "deadliest", "costliest",
    "longest", "shortest", "oldest", "youngest", "richest", "poorest", "busiest", "tallest", "heaviest",
    "strongest", "weakest", "steepest", "sharpest", "wealthiest", "hottest", "coldest", "wettest", "driest",
    "warmest", "closest", "narrowest", "widest", "greatest", "fewest",
)
# what every superlative holds, for one search each (_find_words) instead of one a superlative
SUPERLATIVE_SEEDS = ("est", "worst")
# first place said with a verb (see LEADING)
LEADING_WORDS = ("leading", "leads", "led", "lead", "topping", "tops", "topped", "top")

# nouns that turn a superlative into an idiom ("in the highest esteem", "the worst of it")
SUPERLATIVE_IDIOMS = frozenset("esteem regard of".split())
# what a superlative is measured against
# "since 1945", "since at least 1980", "since the end of the Second World War", "since just after World War II"
SINCE = (r"since\s+(?:(?:at\s+least|just|shortly|soon|right|early|late|mid-?|before|after|"
         r"the\s+(?:end|start|beginning|middle|height|close|turn)\s+of)\s+)*"
         r"(?:the\s+)?(?:(?-i:[A-Z])[a-z]{2,8}\.?\s+\d{4}\b|\d{4}s?|9/11\b|(?-i:[A-Z])(?:[\w’'-]|\.(?!\s))*\.?)(?:\s+(?-i:[A-Z])(?:[\w-]|\.(?!\s))*){0,3}")
# "in decades", "in recent years", "in so many decades", "in more than a century"
_SPAN_OF_TIME = (r"(?:(?:a|more\s+than\s+a|over\s+a|the\s+past|the\s+last|recent|many|several|so\s+many|"
                 r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)(?:\s+or\s+\w+)?)\s+)?"
                 r"(?:years?|decades?|generations?|centur(?:y|ies)|months?)")
# "yet", "to date", "so far this year", "this season": the time up to now, said without a date
_UP_TO_NOW = (r"(?:yet|to\s+date|so\s+far(?:\s+this\s+(?:year|season|month|week|decade|century))?|"
              r"this\s+(?:year|season|month|week|decade|century))\b")
# what a superlative is measured against in time: the only basis "the most …" is a claim with ("the most
# liberal justices since 1937"; "the most important thing in the world" is an opinion)
TIME_BASIS = (rf"(?:{SINCE}|ever|on\s+record|of\s+all\s+time|in\s+(?:(?:our|its|their|the\s+country's|[\w.]+)\s+)?history|"
              rf"in\s+{_SPAN_OF_TIME})")
BASIS = (rf"(?:{SINCE}|{_UP_TO_NOW}|ever|on\s+record|of\s+all\s+time|"
         rf"in\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,3}}?history|in\s+{_SPAN_OF_TIME}|"
         # "in the world", "in the developed world", "in the United States", "in the U.S. Senate"
         r"in\s+(?:the\s+)?(?:(?:(?!(?:and|or|but|that|which)\b)(?-i:[a-z]+)\s+)?(?:world|country|nation|state|region|"
         r"city|league|division)|(?-i:[A-Z](?:[\w-]|\.(?!\s))*)(?:\s+(?-i:[A-Z](?:[\w-]|\.(?!\s))*)){0,3})|"
         r"for\s+(?:any|a)\s+[a-z]+|(?:of|by)\s+any\s+[a-z]+(?:\s+(?!(?:this|that|these|last|next|in|on|at|for|so|since|and|or|but|to|of|ever|yet)\b)[a-z]+)?|of\s+all(?:\s+time)?)")
MEDALS = {"gold": 1, "silver": 2, "bronze": 3}
ORDINAL_OF_WORD = {"one": 1, "two": 2, "three": 3}
_ORDINALS = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
_NUMERIC_ORDINAL = r"\d+(?:st|nd|rd|th)"
_DETERMINED = rf"(?:\b(?:{'|'.join(DETERMINERS)})|\b{POSSESSIVE})"

_STOP = frozenset("the a an of in on at to and or but for with by from that which who was were is are be been had "
                  "have has will would could should may might can did do does not than as into over after before "
                  "since during until about when while where it he she they we you also only just so if because "
                  "has been yet ever this these those next last ago against among between through within without "
                  "across behind beyond under above below near toward towards around upon via per".split())
# verbs that follow a noun in news copy: a noun phrase ends before them ("her fourth novel sold well")
_VERBS_AFTER_NOUN = frozenset("sold won lost made said came went took gave got saw ran fell rose led "
                              "met left told began became grew shot paid spent kept held brought bought sent drew "
                              "struck stood read wrote is was are were has had will would".split())
_NOT_A_NOUN = "|".join(sorted(_STOP))

# "her fourth novel", "the 45th president", "Labour's third defeat", "the very first time": the rank word
# is found first (a literal scan), then what comes before it and after it is read from there
# opens with its digit (the test of what comes before it after), so the regex engine skips to digits
NUMERIC_ORDINAL = re.compile(r"(?P<ord>\d(?<![\w.,]\d)\d*(?:st|nd|rd|th))\b(?:-ever\b)?(?![-’'])")
NUMERIC_ORDINAL_ASCII = ascii_led(NUMERIC_ORDINAL)  # the same where ascii_digits_only(body), and faster


def _numeric_ordinal(body: str) -> re.Pattern[str]:
    return NUMERIC_ORDINAL_ASCII if ascii_digits_only(body) else NUMERIC_ORDINAL


# "the second-ever woman": "-ever" is part of the rank word, "a second-hand car" is no rank
ORDINAL_WORD = re.compile(rf"\b(?P<ord>(?:{_ORDINALS})|{_NUMERIC_ORDINAL})\b(?:-ever\b)?(?![-’'])", re.IGNORECASE)
DETERMINER_BEFORE = re.compile(rf"(?:\bone\s+of\s+)?{_DETERMINED}\s+(?:(?:very|only|same|[a-z]+-?ever|single)\s+)?$",
                               re.IGNORECASE)
DETERMINER_RUNS = 4  # words a DETERMINER_BEFORE match spans at most: "one of the very"
# the noun ranked may be capitalised ("Clinton's first Senate campaign") or counted ("the first two states")
NOUN_AFTER = re.compile(rf"(?P<to>\s+(?:in\s+(?:his|her|their|its|the)\s+[a-z]+\s+)?to\s+[a-z]+"
                        # "the first in the history of the Navy", "the first in the club's history"
                        # "its second this year", "the fourth so far this season": a place in a time up to now
                        rf"|\s+{_UP_TO_NOW}"
                        r"|\s+in\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}?history\b(?:\s+of\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)?)"
                        rf"|(?P<noun>(?:\s+(?:two|three|four|five|six|seven|eight|nine|ten|"
                        rf"\d+)\b)?(?:\s+(?!(?:{_NOT_A_NOUN})\b)[A-Za-z][\w-]*){{1,3}})")
# a place standing alone: "finished second", "a distant third", "is in first", "second behind Trump"
_STANDING_ADJECTIVES = r"(?:distant|close|strong|very\s+strong|solid|respectable|disappointing|bad|poor|good|" \
                       r"comfortable|narrow|clear|surprise|surprising)"
STANDING_BEFORE = re.compile(
    rf"(?:\b(?:finish(?:ed|es|ing)?|came|comes|placed|ranked|ran|running|runs|polling|polls|sits|sitting|"
    rf"tied\s+for|ties\s+for|tie\s+for|"
    rf"is|was|are|were|be|been|is\s+in|was\s+in|in|from|to)\s+(?:a\s+)?(?:(?:{_STANDING_ADJECTIVES}|joint|equal)\s+)?"
    rf"|\ba\s+{_STANDING_ADJECTIVES}\s+)$", re.IGNORECASE)
STANDING_RUNS = 5  # words a STANDING_BEFORE match spans at most: "tied for a very strong"
STANDING_AFTER = re.compile(r"\s*[,.;:)]|\s+(?:behind|place|among|in|with|after|to|overall|at)\b", re.IGNORECASE)
BEHIND_AFTER = re.compile(r"\s+(?:behind|only\s+to)\b", re.IGNORECASE)
FIRST_IN = re.compile(r"\s+(?:in|place|overall|among|behind)\b", re.IGNORECASE)
IN_BEFORE = re.compile(r"\bin\s+first\b", re.IGNORECASE)
MEDAL = re.compile(word_choice(["won", "win", "wins", "winning", "took", "take", "takes", "claimed", "claims", "clinched",
                                "grabbed"], ignorecase=True) + r"\s+(?:the\s+|a\s+)?"
                   rf"(?P<medal>{'|'.join(MEDALS)})(?:\s+medal)?\b", re.IGNORECASE)
# "Europe's largest carmaker", "one of the biggest lenders in the country", "the worst bloodshed since 1945"
SUPERLATIVE_AFTER = re.compile(
    rf"(?P<noun>(?:\s+(?!(?:{_NOT_A_NOUN})\b)[a-z][\w-]*){{0,3}})"
    # "the lowest it's been in decades", "the highest they have ever been since 2008"
    r"(?:\s+(?:it|they|this|that|we)(?:[’']s|[’']ve|\s+(?:has|have|had|is|was|were|are))\s+(?:ever\s+)?been(?=\s+(?:in|since)\b))?"
    # "the worst attack on US soil since 9/11", "the largest drop in sales since 2009": a scope, then the time
    r"(?:\s+(?:on|in|of|for|at|among)\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+(?=\s+since\b))?"
    rf"(?P<basis>\s+{BASIS})?(?=[\s,.;:!?)\"”’]|$)",
    re.IGNORECASE)
# "record turnout", "a record 5 million", "set a new world record": a record of size, not a voting record;
# the nouns a record of size qualifies are a table
RECORD_NOUNS = ("turnout", "high", "highs", "low", "lows", "level", "levels", "number", "numbers", "sales", "profit",
                "profits", "loss", "losses", "amount", "amounts", "year", "heat", "temperature", "temperatures",
                "crowd", "crowds", "demand", "prices", "price", "growth", "deficit", "debt", "rainfall", "total",
                "totals", "haul", "score", "margin", "attendance", "revenue", "revenues", "fine", "sum", "pace",
                "time", "quarter", "month", "week", "enrolment", "enrollment", "figures", "share", "lead",
                # a record of change: "at a record rate", "a record clip", "a record reduction in crime"
                "rate", "rates", "clip", "streak", "reduction", "reductions", "increase", "increases", "rise",
                "fall", "drop", "decline", "jump", "surge", "gain", "gains", "volume", "output", "exports",
                "imports")
RECORD_AFTER = re.compile(
    rf"record(?P<noun>(?:\s+(?-i:[A-Z])[\w-]+)?\s+(?:{'|'.join(RECORD_NOUNS)})\b|\s+(?:[£$€¥]|[A-Z]{1,2}\$)?\d[\d,.]*"
    r"(?:\s*(?:million|billion|thousand|bn|m)\b)?)", re.IGNORECASE)
RECORD_SET_BEFORE = re.compile(
    r"\b(?:set|sets|setting|broke|break|breaks|breaking|beat|beats|equalled|equaled|matched)\s+(?:a|the|an)\s+"
    r"(?:(?:new|all-time|world|national|british|european|american|olympic|state|club|league)\s+){0,2}$",
    re.IGNORECASE)
# "more correct than any other county", "higher than any other state": a superlative said as a comparison
# "more Americans at work than at any time in our history", "lower than at any point since 1970"
THAN_ANY_OTHER = re.compile(r"than\s+(?:any\s+other\b(?:\s+(?P<noun>[a-z][\w-]*))?"
                            # "more troops than any president in history": "other" left out
                            r"|any\s+(?!(?:time|point|of|more|longer|one|body|thing|where|way)\b)(?P<rival>[a-z][\w-]*)"
                            r"(?P<since>\s+(?:in\s+(?:our\s+|the\s+)?(?:[\w’'-]+\s+){0,2}?history|ever|before)\b)?"
                            r"|(?:at\s+)?any\s+(?:other\s+)?(?:time|point)\b(?P<basis>\s+(?:in\s+(?:our\s+|the\s+)?"
                            r"(?:[\w’'-]+\s+){0,2}?history)\b)?)", re.IGNORECASE)
COMPARATIVE_BEFORE = re.compile(r"\b(?:(?:more|less|fewer)\s+(?:[a-z][\w-]*\s+){0,5}?|[a-z]+er\s+(?:[a-z]+\s+)?)$",
                                re.IGNORECASE)
# "has scored twice", "married twice, in 1990 and 2004": how often, not "twice as many" (a comparison)
TWICE = re.compile(word_choice(["twice", "thrice"], ignorecase=True) + r"\b(?=\s*[,.;:)]|\s+(?:in|since|before|during|this|last|that|and|but|"
                   r"over|within|already|so\s+far|before)\b)", re.IGNORECASE)
# a verb before it ("scored", "been", "won", "met"), perhaps with its object ("met him twice")
VERB_BEFORE_TWICE = re.compile(r"\b[a-z]+(?:ed|en|ne|on|ot|ew|ck|ve|et)\s+(?:(?:him|her|them|it|us|there|"
                               r"with\s+\w+)\s+)?$")
# "leading the GOP field", "tops the polls": first place said with a verb; "trails only Bush", "second only
# to": a place said by who is ahead
LEADING = re.compile(r"\b(?:leading|leads|led|lead|topping|tops|topped|top)\s+(?:the\s+|a\s+)(?:(?-i:[A-Z])[\w.-]*\s+){0,2}"
                     r"(?:field|pack|polls?|standings|table|league|charts?|rankings?)\b", re.IGNORECASE)
ONLY_BEHIND = re.compile(word_choice(["trails?", "trailed", "trailing", "behind", "second"], ignorecase=True) + r"\s+only(?:\s+to)?\s+(?:(?-i:[A-Z])[\w.-]*"
                         r"(?:\s+(?-i:[A-Z])[\w.-]*)*)(?:\s+and\s+(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*)*)?",
                         re.IGNORECASE)
# "number one in English", "the No. 1 cause of death", "No. 2 in the polls": a place said as a number
NUMBER_PLACE = re.compile(r"\b(?:number|No\.)\s+(?P<n>one|two|three|[1-9])\b"
                          r"(?=\s+(?:in|on|for|among|cause|reason|priority|seed|spot|position|place)\b)", re.IGNORECASE)
NEW_BEFORE = re.compile(r"\b(?:new|all-time)\s+$", re.IGNORECASE)


def find_ranks(body: str) -> list[tuple[int, int, str, dict]]:
    """(start, end, kind, value) of every rank, medal, superlative and record in `body`."""
    lowered = lower_in_place(body)  # positions found in it index `body`
    found: list[tuple[int, int, str, dict]] = []
    ordinals = [m for m in (ORDINAL_WORD.match(body, at) for at, _, _ in _find_words(lowered, ORDINAL_WORDS))
                if m] + list(_numeric_ordinal(body).finditer(body))
    found += _determined_ordinals(body, ordinals)
    found += _standing_ordinals(body, ordinals)
    if "gold" in lowered or "silver" in lowered or "bronze" in lowered:
        for m in MEDAL.finditer(body):
            found.append((m.start(), m.end(), "ordinal", {"rank": MEDALS[m["medal"].lower()], "medal": m["medal"].lower()}))
    found += _superlatives(body, lowered)
    if "record" in lowered:
        for at, end, _ in _find_words(lowered, ("record",)):
            after = RECORD_AFTER.match(body, at)
            if after:
                new = NEW_BEFORE.search(body, max(0, at - 9), at)
                found.append((new.start() if new else at, after.end(), "comparison", {"superlative": "record"}))
                continue
            before = RECORD_SET_BEFORE.search(body, max(0, at - 60), at)
            if before:
                found.append((before.start(), end, "comparison", {"superlative": "record"}))
    for at, _, _ in _find_words(lowered, LEADING_WORDS, ("lead", "led", "top")):
        m = LEADING.match(body, at)
        if m:
            found.append((m.start(), m.end(), "ordinal", {"rank": 1}))
    if " only" in lowered:
        # the match opens with the word before "only": tried there, where lower-casing finds what the
        # case-blind pattern finds, instead of at every word start
        exact = lowered_for_words(body)
        behind = ONLY_BEHIND.finditer(body) if exact is None else \
            finditer_at(ONLY_BEHIND, body, starts_near_anchors(exact, ("only",), 1))
        found += [(m.start(), m.end(), "comparison", {"superlative": "only behind"}) for m in behind]
    if "than a" in lowered:
        for at, _, _ in _find_words(lowered, ("than any", "than at any")):
            tail = THAN_ANY_OTHER.match(body, at)
            head = COMPARATIVE_BEFORE.search(body, max(0, at - 60), at)
            if tail and head:
                end = tail.end()
                if tail["noun"] and tail["noun"].lower() in _STOP:  # "than any other in": no noun
                    end = at + len("than any other")
                found.append((head.start(), end, "comparison", {"superlative": "than any other"}))
    if "number " in lowered or "no. " in lowered:
        for at, _, _ in _find_words(lowered, ("number", "no.")):
            m = NUMBER_PLACE.match(body, at)
            if m:
                n = m["n"].lower()
                found.append((m.start(), m.end(), "ordinal", {"rank": int(n) if n.isdigit() else ORDINAL_OF_WORD[n]}))
    if "twice" in lowered or "thrice" in lowered:
        for m in TWICE.finditer(body):
            if VERB_BEFORE_TWICE.search(body, max(0, m.start() - 30), m.start()):
                n = 2 if m.group().lower() == "twice" else 3
                found.append((m.start(), m.end(), "count", {"number": n, "unit": "times"}))
    return sorted(found)


def _noun_end(body: str, start: int, end: int) -> int:
    """Cut a noun run at the first function word or verb-like word: "turnout in GOP primaries" -> "turnout",
    "novel sold well" -> "novel"; a plural ends it ("biggest lenders")."""
    words = list(re.finditer(r"[\w’'-]+", body[start:end]))
    keep = start
    for i, w in enumerate(words):
        word = w.group().lower()
        if word in _STOP or i and (word.endswith("ed") or word in _VERBS_AFTER_NOUN):
            break
        keep = start + w.end()
        if word.endswith("s") and not word.endswith("ss") and (i or len(words) == 1):
            break
    return keep


def _ordinal_number(word: str) -> int:
    word = word.lower()
    return ORDINAL_WORDS[word] if word in ORDINAL_WORDS else int(re.match(r"\d+", word).group())


def _determined_ordinals(body: str, ordinals: list[re.Match]) -> list[tuple[int, int, str, dict]]:
    found = []
    for m in ordinals:
        word = m["ord"]
        if word[0].isupper() and not _opens_sentence(body, m.start()):
            continue  # "the Second Amendment", "the First Lady": a capital ordinal is part of a name
        before = search_before(DETERMINER_BEFORE, body, m.start(), 40, DETERMINER_RUNS)
        after = NOUN_AFTER.match(body, m.end()) if before else None
        if not after:
            continue  # "he first said", "First, …", "the first." rank nothing they name
        if after["noun"]:
            first_noun = after["noun"].split()[0].lower()
            if first_noun in ORDINAL_IDIOMS and not (first_noun == "person" and not _IN_THE_BEFORE.search(
                    body, max(0, before.start() - 4), before.start())) or first_noun.startswith("hand"):
                continue  # "a second look"; "in the first person" is a voice, "the fourth person shot" a rank
            if word[0].isdigit() and after["noun"].split()[0][0].isupper():
                continue  # "the 3rd Circuit", "the 45th Chapter": a numbered name
            end = _noun_end(body, after.start("noun"), after.end("noun"))
        else:
            end = after.end()  # "the first to put": a first with what was done first
            while body[end - 1] in ".,":  # "… of the Navy." ends the sentence, not the name
                end -= 1
        if end > m.end():
            found.append((before.start(), end, "ordinal", {"rank": _ordinal_number(word)}))
    return found


_IN_THE_BEFORE = re.compile(r"\bin\s+\Z", re.IGNORECASE)


def _standing_ordinals(body: str, ordinals: list[re.Match]) -> list[tuple[int, int, str, dict]]:
    found = []
    for m in ordinals:
        word = m["ord"]
        if word.lower() not in ORDINAL_WORDS or word[0].isupper() and not _opens_sentence(body, m.start()):
            continue
        before = search_before(STANDING_BEFORE, body, m.start(), 40, STANDING_RUNS)
        if before and STANDING_AFTER.match(body, m.end()):
            start, end = before.start(), m.end()
        elif BEHIND_AFTER.match(body, m.end()):
            start, end = m.start(), BEHIND_AFTER.match(body, m.end()).end()
        else:
            continue
        if word.lower() == "first" and not (FIRST_IN.match(body, m.end()) or IN_BEFORE.search(body, start, end)
                                            or "tie" in body[start:m.start()].lower()):
            continue  # "safety comes first", "came first to the scene": first in nothing named
        found.append((start, end, "ordinal", {"rank": ORDINAL_WORDS[word.lower()]}))
    return found


# "the most liberal justices since 1937", "its least productive session in decades": most/least, a word that
# is no function word, a noun of up to three words, then what it is measured against in time
MOST_MEASURED = re.compile(rf"(?P<word>most|least)\s+(?P<adjective>(?!(?:{_NOT_A_NOUN})\b)[a-z][\w-]*)"
                           rf"(?P<noun>(?:\s+(?!(?:{_NOT_A_NOUN})\b)[a-z][\w-]*){{0,3}}?)\s+(?P<basis>{TIME_BASIS})"
                           r"(?=[\s,.;:!?)\"”’]|$)", re.IGNORECASE)


# any other -est word is a superlative a reader checks when it is measured against a time: "the briefest
# recession since the Second World War", "the earliest start since 1990"; these end in -est and are none
NOT_SUPERLATIVE_EST = frozenset(
    "interest honest forest protest request contest suggest arrest modest harvest west test rest chest nest quest "
    "guest invest digest manifest conquest priest attest detest pest vest zest crest jest lest unrest behest inquest "
    "midwest southwest northwest everest bequest earnest tempest latest "
    # and these are opinions, not measures: "the dumbest client ever"
    "dumbest stupidest smartest nicest finest kindest dearest craziest weirdest funniest prettiest ugliest "
    "silliest bravest wisest coolest sweetest".split())
EST_MEASURED = re.compile(rf"(?P<word>[a-z]+est)(?P<noun>(?:\s+(?!(?:{_NOT_A_NOUN})\b)[a-z][\w-]*){{0,3}}?)"
                          rf"\s+(?P<basis>{TIME_BASIS})(?=[\s,.;:!?)\"”’]|$)", re.IGNORECASE)
# "most" before these is a measure, not an opinion, so a place is a basis as a time is: "the most populous
# state in the Union", "the most visited city in the world"
MEASURED_MOST = ("populous", "densely", "expensive", "costly", "deadly", "visited", "watched", "indebted",
                 "polluted", "valuable", "profitable")
MOST_IN_PLACE = re.compile(rf"(?P<word>most)\s+(?P<adjective>{'|'.join(MEASURED_MOST)})"
                           rf"(?P<noun>(?:\s+(?!(?:{_NOT_A_NOUN})\b)[a-z][\w-]*){{1,3}}?)\s+(?P<basis>{BASIS})"
                           r"(?=[\s,.;:!?)\"”’]|$)", re.IGNORECASE)


def _superlatives(body: str, lowered: str) -> list[tuple[int, int, str, dict]]:
    found = _most_measured(body, lowered) + _other_est_measured(body, lowered)
    for word_start, word_end, word in _find_words(lowered, SUPERLATIVES, SUPERLATIVE_SEEDS):
        if lowered.startswith("-ever", word_end):
            word_end += 5
        elif lowered.startswith("-", word_end):
            continue  # "highest-ranking"
        m = _Found(word_start, word_end, word)
        before = search_before(DETERMINER_BEFORE, body, m.start(), 60, DETERMINER_RUNS)
        after = SUPERLATIVE_AFTER.match(body, m.end()) if before else None
        if not after:
            continue
        noun = after["noun"].split()
        if noun and noun[0].lower() in SUPERLATIVE_IDIOMS:
            continue  # "in the highest esteem"
        if not noun and not after["basis"]:
            continue  # "a turn for the worst", "the biggest we have seen": nothing named or measured against
        noun_start, noun_end = after.start("noun"), after.end("noun")
        end = _noun_end(body, noun_start, noun_end) if noun else m.end()
        value: dict = {"superlative": m.word}
        if after["basis"] and end == noun_end:  # what it is measured against follows the noun directly
            value.update(_measured_against(after["basis"]))
            end = after.end("basis")
        while end > m.start() and body[end - 1] in ".,;:":
            end -= 1
        found.append((before.start(), end, "comparison", value))
    return found


def _other_est_measured(body: str, lowered: str) -> list[tuple[int, int, str, dict]]:
    """"the briefest recession since 1945": a superlative not in SUPERLATIVES, with a time it is measured against."""
    found = []
    if " since " not in lowered and "record" not in lowered and "history" not in lowered and "ever" not in lowered \
            and "decade" not in lowered and "year" not in lowered and "centur" not in lowered:
        return found
    for end in (m.end() for m in EST_END.finditer(lowered)):
        start = end
        while start > 0 and lowered[start - 1].isalpha():
            start -= 1
        word = lowered[start:end]
        if len(word) < 6 or word in SUPERLATIVES or word in NOT_SUPERLATIVE_EST:
            continue
        before = search_before(DETERMINER_BEFORE, body, start, 60, DETERMINER_RUNS)
        m = EST_MEASURED.match(body, start) if before else None
        if m:
            end = m.end()
            while body[end - 1] in ".,;:":
                end -= 1
            found.append((before.start(), end, "comparison", {"superlative": word, **_measured_against(m["basis"])}))
    return found


EST_END = re.compile(r"est\b")


def _most_measured(body: str, lowered: str) -> list[tuple[int, int, str, dict]]:
    found = []
    for word_start, _, _ in _find_words(lowered, ("most", "least")):
        before = search_before(DETERMINER_BEFORE, body, word_start, 60, DETERMINER_RUNS)
        m = MOST_MEASURED.match(body, word_start) if before else None
        m = m or (MOST_IN_PLACE.match(body, word_start) if before else None)
        if m:
            value = {"superlative": f"{m['word'].lower()} {m['adjective'].lower()}", **_measured_against(m["basis"])}
            end = m.end()
            while body[end - 1] in ".,;:":
                end -= 1
            found.append((before.start(), end, "comparison", value))
    return found


def _measured_against(basis: str) -> dict:
    """A superlative's basis as its value: {"since": 1937 or "the New Deal"} or {"within": "in decades"}."""
    basis = " ".join(basis.split())
    if basis.lower().startswith("since "):
        since = basis[6:].rstrip(".")
        return {"since": int(since) if since.isdigit() else since}
    return {"within": basis.rstrip(".,;:")}


def _find_words(lowered: str, words, seeds: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """(start, end, word) of every whole-word occurrence of `words` in `lowered`, in order: one str.find
    loop a word (C speed) instead of a regex alternation tried at every character. With `seeds` (strings
    one of which every word holds, words of letters and digits only), one loop a seed instead, each hit
    read out to the whole word around it: "est" finds 32 of the 33 superlatives in one pass."""
    if seeds:
        return _find_words_by_seed(lowered, frozenset(words), seeds)
    found = []
    for word in words:
        at = lowered.find(word)
        while at != -1:
            end = at + len(word)
            if (at == 0 or not lowered[at - 1].isalnum()) and (end == len(lowered) or not lowered[end].isalnum()):
                found.append((at, end, word))
            at = lowered.find(word, end)
    return sorted(found)


def _find_words_by_seed(lowered: str, words: frozenset[str],
                        seeds: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """_find_words by the seeds the words hold: the letters and digits around each seed make one word,
    kept when it is one of `words`. Reading stops past the longest word: a long run of letters costs
    the same."""
    longest = max(map(len, words))
    size = len(lowered)
    found = set()
    for seed in seeds:
        at = lowered.find(seed)
        while at != -1:
            start, end = at, at + len(seed)
            while start > 0 and lowered[start - 1].isalnum() and end - start <= longest:
                start -= 1
            while end < size and lowered[end].isalnum() and end - start <= longest:
                end += 1
            word = lowered[start:end]
            if word in words and (start == 0 or not lowered[start - 1].isalnum()) \
                    and (end == size or not lowered[end].isalnum()):
                found.add((start, end, word))
            at = lowered.find(seed, at + 1)
    return sorted(found)


class _Found:
    """A superlative word found by its ending, shaped like the match it stands in for."""
    __slots__ = ("at", "to", "word")

    def __init__(self, at: int, to: int, word: str):
        self.at, self.to, self.word = at, to, word

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.to


def _opens_sentence(body: str, at: int) -> bool:
    """Whether the word at `at` opens a sentence (so its capital says nothing)."""
    j = at
    while j > 0 and body[j - 1] in " \t\"“‘'(":
        j -= 1
    return j == 0 or body[j - 1] in ".!?\n:"
