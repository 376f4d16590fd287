"""Dates, resolved against the article's published date.

"on Monday" in an article of Tuesday 24 November 2015 is 2015-11-23; "in May" is
2015-05; "November 13" is 2015-11-13; "by 2025" is 2025. Words that only set the
scene ("today", "this week") are left alone: nobody fact-checks them.
"""
from __future__ import annotations

import bisect
from . import re_cached as re  # the re module, compiled code read from a file (re_cached.py)
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Claim, Sentence
from .numbers import claim_checkworthiness
from .scan import ascii_digits_only, ascii_led, finditer_at, lower_in_place, search_before, word_choice
from .sentences import claim_in_sentence

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
MONTHS_BY_NAME = {m: i for i, m in enumerate(("January", "February", "March", "April", "May", "June", "July",
                                              "August", "September", "October", "November", "December"), 1)}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_PREP = r"(?:(?:on|in|by|since|until|till|from|before|after|during|as\s+of|early|late|mid|earlier|later|between)[\s-]+)"
_VERB_PREFIX = r"(?:(?:captured|seized|taken|killed|born|died|elected|founded|opened|closed|launched|signed|" \
               r"announced|released|published|built|held|arrested|announced|introduced)\s+(?:earlier\s+)?)"

# "captured in", "on": looked up backwards from each date core (an optional prefix in front of the
# main pattern would be tried at every character of the body)
PREFIX = re.compile(rf"(?P<verb>\b{_VERB_PREFIX})?(?P<prep>\b{_PREP})?$", re.IGNORECASE)  # "On Monday," too
DECADE_PREFIX = re.compile(r"\b(?:in|during|since|by|from|until|through|throughout)\s+the\s+"
                           r"(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
SEASON_PREFIX = re.compile(r"\b(?:in|by|until|till|since|from|during|before|after|through|throughout)\s+(?:the\s+)?"
                           r"(?:early\s+|late\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?\s+$",
                           re.IGNORECASE)
DATE = re.compile(
    rf"""
    # a cheap first-characters test: a digit, the capital of a month or weekday, or the first two letters
    # of a lower-case cue (last, later, next, previous, following, yesterday, earlier); L and P for "Last",
    # "Previous" opening a sentence (N and F are month capitals already)
    (?=[\dJFMASONDTWLP]|\b(?:la|ne|pr|fo|ye|ea))
    (?:
        (?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)
      | (?:(?P<wd1>\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?
           (?P<d1>\b\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})(?:,?\s+(?P<y1>\d{{4}}))?\b)
      | (?:(?P<wd2>\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?
           (?P<m2>\b{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|,\d)(?:,?\s+(?P<y2>\d{{4}}))?\b)
      | (?P<m3>\b{_MONTH})(?:\s+(?:of\s+)?(?P<y3>\d{{4}}))?\b
      | (?P<rel>\b(?:[Ll]ast|[Nn]ext|[Pp]revious|[Ff]ollowing)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|
                Sunday|week|month|year|weekend|spring|summer|autumn|winter|January|February|March|April|May|June|
                July|August|September|October|November|December))\b
      | (?P<wd3>\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?:’s|'s)?\b
      | (?P<yesterday>\byesterday)\b
      | (?P<thisyear>\b(?:earlier|later)\s+this\s+(?:year|month))\b
      | (?P<y4>\b(?:1[6-9]\d\d|20\d\d)s?)\b
    )
    """,
    re.VERBOSE,
)

# Where a DATE match can start: a digit opening a word, a capital that opens a month or weekday (or "Last",
# "Next", ...), a lower-case cue word. DATE's own first-characters test lets the engine try the whole
# pattern at every capital J, M, A, S, T... and every "th"-like word start; starting it only here finds the
# same dates in 0.14 s instead of 0.35 s over 840 articles.
_DATE_DIGIT = re.compile(r"\d(?<!\w.)")
_DATE_ASCII_DIGIT = ascii_led(_DATE_DIGIT)  # where ascii_digits_only(body)
_DATE_WORD = re.compile(word_choice(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
                                     "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Last", "Next", "Previous",
                                     "Following"]))
_DATE_CUES = ("last", "next", "previous", "following", "yesterday", "earlier", "later")  # found by str.find


def date_matches(body: str) -> list[re.Match[str]]:
    """What DATE.finditer(body) finds."""
    digit = _DATE_ASCII_DIGIT if ascii_digits_only(body) else _DATE_DIGIT
    starts = [m.start() for m in digit.finditer(body)]
    starts += [m.start() for m in _DATE_WORD.finditer(body)]
    for cue in _DATE_CUES:
        at = body.find(cue)
        while at != -1:
            starts.append(at)
            at = body.find(cue, at + 1)
    return finditer_at(DATE, body, starts)


# "in the third quarter", "Q3 2024", "the final quarter of 2023": the periods business news reports by.
# Found from the word "quarter" (or "Q") and read backwards, so the scan skips to them as a literal search.
QUARTER_WORD = re.compile(r"quarter(?:\s+of\s+(?P<y>(?:19|20)\d\d)\b)?", re.IGNORECASE)
QUARTER_BEFORE = re.compile(r"(?:\b(?P<the>the)\s+)?\b(?P<n>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+\Z",
                            re.IGNORECASE)
SHORT_QUARTER = re.compile(r"Q(?<!\wQ)(?P<q>[1-4])\b(?:\s+(?P<y>(?:19|20)\d\d)\b)?")
_QUARTER_NUMBER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                   "final": 4}


@dataclass(frozen=True)
class _Quarter:
    """A quarter found in the body, shaped like the DATE matches it is sorted among."""
    at: int
    to: int
    word: str  # "third", "last", or "3" from "Q3"
    year: str | None

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.to


# a month or day given without its year is the last one before publication ("IS captured it in May"),
# unless its clause looks ahead: "will open by March", "is due to end on June 30" name the next one
FUTURE = re.compile(
    r"\b(?:will|won[’']t|shall|would|must|should|(?:has|have|needs?)\s+to|(?:is|are)\s+(?:due|set|scheduled|expected|to)|"
    r"expects?\s+to|plans?\s+to|aims?\s+to|intends?\s+to|hopes?\s+to|deadline|next)\b"
    r"|[’']ll\b",
    re.IGNORECASE,
)


def _looks_ahead(body: str, sentence_start: int, date_start: int) -> bool:
    """Whether the clause before a date is about the future: the words back to the sentence start or
    the last comma or semicolon, at most 80 characters."""
    lo = max(sentence_start, date_start - 80)
    clause_start = max(body.rfind(",", lo, date_start), body.rfind(";", lo, date_start), lo)
    return FUTURE.search(body, clause_start, date_start) is not None


def _next_one(value: dict, published: date) -> dict:
    """The same month (and day) a year later when the resolved one lies before publication."""
    iso = value.get("date")
    if not iso or iso[:4] != f"{published.year:04d}" and iso[:4] != f"{published.year - 1:04d}":
        return value
    month, day = int(iso[5:7]), int(iso[8:10]) if len(iso) == 10 else None
    if (month, day or 31) >= (published.month, published.day):
        year = published.year
    else:
        year = published.year + 1
    if day is None:
        return {**value, "date": f"{year:04d}-{month:02d}"}
    try:
        return {**value, "date": date(year, month, day).isoformat()}
    except ValueError:  # 29 February
        return value


def find_dates(body: str, sentences: list[Sentence], published: date | None) -> list[Claim]:
    starts = [s.start for s in sentences]
    claims: list[Claim] = []
    matches: list[re.Match] = date_matches(body)
    quarters = _quarters(body) if "uarter" in body or "UARTER" in body or "Q" in body else []
    if quarters:  # most bodies name no quarter: their DATE matches go through untouched
        matches = _with_quarters(matches, quarters)
    for m in matches:
        quarter = isinstance(m, _Quarter)
        value = _resolve_quarter(m, published) if quarter else _resolve(m, published)
        if value is None:
            continue
        pre = _prefix_before(body, m.start()) if _may_have_prefix(body, m.start()) else None
        prep, verb = (pre["prep"], pre["verb"]) if pre else (None, None)
        start = pre.start() if pre and (prep or verb) else m.start()
        if not quarter:
            start = _date_start(body, m, start, prep, verb)
            if start is None:
                continue
        end = m.end()
        if not quarter and m["y4"]:
            span = _year_span(body, m, prep)
            if span is None:
                continue  # "between 2015" with no second year
            end, value = span or (end, value)
            if not span and start == m.start() and not m["y4"].endswith("s"):
                end = _modified_noun_end(body, end)  # "the 2016 race": the year and what it dates
        if claims and start < claims[-1].end:
            continue  # the second year of a span read with the first ("from 2015 until 2024")
        while end > start and body[end - 1] in " ,":
            end -= 1
        if not quarter and m["y4"] and start < m.start():
            season = SEASON_PREFIX.search(body, start, m.start())
            if season:
                value = {**value, "season": season["season"].lower()}
        i = bisect.bisect_right(starts, start) - 1
        sentence = sentences[i] if i >= 0 and sentences[i].end >= end else None
        s0, s1 = (sentence.start, sentence.end) if sentence else (start, end)
        if published and not quarter and (m["m3"] and not m["y3"] or (m["m1"] or m["m2"]) and not (m["y1"] or m["y2"])) \
                and _looks_ahead(body, s0, start):
            value = _next_one(value, published)
        elif published and not quarter and m["wd3"] and _looks_ahead(body, s0, start):
            # "will take charge for Tuesday's trip": the coming Tuesday, not the one before publication
            ahead = (WEEKDAYS.index(m["wd3"].lower()) - published.weekday()) % 7
            value = {"date": (published + timedelta(days=ahead)).isoformat()}
        worth = sentence.checkworthiness if sentence else 0.3
        claims.append(Claim(kind="date", text=body[start:end], start=start, end=end, sentence_start=s0,
                            sentence_end=max(s1, end), value=value,
                            checkworthiness=claim_checkworthiness("date", worth, value)))
    agos = _agos(body, published)
    if agos:  # "two years ago" is one date: the dates it holds ("years" alone is none) give way to it
        ago = bytearray(len(body) + 1)  # a map, not a test per pair: a hostile text holds thousands of each
        for s, e, _ in agos:
            ago[s:e] = b"\x01" * (e - s)
        claims = [c for c in claims if ago.find(1, c.start, c.end) == -1]
    times = _times(body) + agos + _short_decades(body)
    if times:
        claims = _with_times(body, sentences, starts, claims, sorted(times, key=lambda t: t[:2]))
    return claims


# "in the '80s", "the mid-’90s", "since the early '60s": a decade with its century left out (the 1930s to the
# 2010s; "the '20s" is left alone, as it may be either century)
SHORT_DECADE = re.compile(r"(?:\b(?:in|during|since|by|from|until|through|throughout)\s+)?\bthe\s+"
                          r"(?:(?:early|late)\s+|mid-?)?['’](?P<d>[3-9]0|00|10)s\b", re.IGNORECASE)


# what every SHORT_DECADE match holds: the pattern opens with an optional word and \b, so the engine tries it
# at every character of the body (3 ms an article); this one opens with the mark, which the engine skips to
_QUOTED_DECADE = re.compile(r"['’](?:[3-9]0|00|10)s", re.IGNORECASE)


def _short_decades(body: str) -> list[tuple[int, int, dict]]:
    if "0s" not in body or not _QUOTED_DECADE.search(body):
        return []
    return [(m.start(), m.end(), {"date": ("19" if m["d"] >= "30" else "20") + m["d"], "decade": True})
            for m in SHORT_DECADE.finditer(body)]


def _with_times(body: str, sentences: list[Sentence], starts: list[int], claims: list[Claim],
                times: list[tuple[int, int, dict]]) -> list[Claim]:
    """The dates and the times of day that overlap none of them, in body order."""
    covered = bytearray(len(body) + 1)
    for c in claims:
        covered[c.start:c.end] = b"\x01" * (c.end - c.start)
    for start, end, value in times:
        if covered.find(1, start, end) != -1:
            continue
        claims.append(claim_in_sentence(body, sentences, starts, start, end, "date", value, 0.3))
    return sorted(claims, key=lambda c: (c.start, -c.end))


def _with_quarters(matches: list[re.Match], quarters: list[_Quarter]) -> list[re.Match | _Quarter]:
    """The DATE matches and the quarters, in body order: a quarter's year ("Q3 2023") is part of the
    quarter, not a bare year; a quarter that overlaps any other date is left to it."""
    starts = [q.start() for q in quarters]
    matches = [m for m in matches if not (m["y4"] and _overlapping(quarters, starts, m.start(), m.end()))]
    date_starts = [m.start() for m in matches]  # DATE matches do not overlap one another
    quarters = [q for q in quarters if not _overlapping(matches, date_starts, q.start(), q.end())]
    return sorted(matches + quarters, key=lambda m: m.start())


def _quarters(body: str) -> list[_Quarter]:
    """Every "third quarter (of 2023)" and "Q3 (2023)" in the body, in order."""
    found = []
    for m in QUARTER_WORD.finditer(body):
        before = QUARTER_BEFORE.search(body, max(0, m.start() - 16), m.start())
        if before:
            found.append(_Quarter(before.start(), m.end(), before["n"].lower(), m["y"]))
    found += [_Quarter(m.start(), m.end(), m["q"], m["y"]) for m in SHORT_QUARTER.finditer(body)]
    return sorted(found, key=lambda q: q.at)


def _overlapping(spans: list[re.Match], starts: list[int], start: int, end: int) -> bool:
    """Whether one of `spans` (sorted, not overlapping one another; `starts` their starts) overlaps [start, end)."""
    i = bisect.bisect_left(starts, end) - 1  # the last span starting before `end`
    return i >= 0 and spans[i].end() > start


# the second year of a span: "between 2015 and 2024", "from 2015 to 2024", the financial year "2023-24"
# the edge of a month or year: "by the end of June", "at the start of 2026", "until the middle of March"
EDGE_PREFIX = re.compile(r"\b(?:by|at|until|till|before|after|from|since|in|around|towards?)\s+the\s+(?:very\s+)?"
                         r"(?:end|start|beginning|middle|close|turn)\s+of\s+$", re.IGNORECASE)
# "a year ago", "two weeks ago", "decades ago": a date counted back from the day of publication
# "half a century ago", "a quarter-century ago": the fraction is of the unit
AGO = re.compile(r"(?:\b(?P<n>half\s+an?|an?\s+half|an?\s+quarter|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
                 r"eleven|twelve|\d{1,3}|several|a\s+few|a\s+couple\s+of|many|some)[\s-]+)?"
                 r"\b(?P<unit>day|week|month|year|decade|centur)(?:y|ies|s)?\s+ago\b",  # "centur": century, centuries
                 re.IGNORECASE)
# "ago" is found as a literal and the words before it read from there: the pattern's optional number
# in front was tried at every character of the body
AGO_BEFORE = re.compile(r"\w[\w\s]{0,40}$")


def _ago_matches(body: str) -> list[re.Match]:
    """What AGO.finditer(body) finds, trying AGO only a little before each whole word "ago"."""
    found: list[re.Match] = []
    lowered = lower_in_place(body) if "ago" in body.lower() else ""
    at = lowered.find("ago")
    resume = 0
    while at != -1:
        end = at + 3
        if (at == 0 or not lowered[at - 1].isalnum()) and (end == len(lowered) or not lowered[end].isalnum()):
            m = AGO.search(body, max(resume, at - 40), end)
            if m and m.end() == end:
                found.append(m)
                resume = end
        at = lowered.find("ago", end)
    return found


_AGO_NUMBER = {"half a": 0.5, "half an": 0.5, "a half": 0.5, "a quarter": 0.25, "a": 1, "an": 1, "one": 1, "two": 2,
               "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
               "twelve": 12}
_AGO_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25, "decade": 3652.5, "centur": 36525}


def _agos(body: str, published: date | None) -> list[tuple[int, int, dict]]:
    """(start, end, value) of every "N units ago", resolved against the published date."""
    found = []
    for m in _ago_matches(body):
        unit = m["unit"].lower()
        word = " ".join((m["n"] or "").lower().split())
        n = int(word) if word.isdigit() else _AGO_NUMBER.get(word)
        plural = n is None or n > 1
        said = ("centuries" if plural else "century") if unit == "centur" else unit + ("s" if plural else "")
        value: dict = {"ago": f"{word + ' ' if word else ''}{said}"}
        if n is not None:  # the figure is checkable too: "three years ago" states 3 years
            value.update(number=n, unit="century" if unit == "centur" else unit)
        if n is None:
            value["approx"] = True
        elif published:
            back = published - timedelta(days=round(n * _AGO_DAYS[unit]))
            value["date"] = back.isoformat() if unit in ("day", "week") else \
                f"{back.year:04d}-{back.month:02d}" if unit == "month" else f"{back.year:04d}"
            if unit not in ("day",):
                value["approx"] = True
        found.append((m.start(), m.end(), value))
    return found


YEAR_SPAN_AFTER = re.compile(r"(?P<sep>\s*[-–/]\s*|\s+(?:and|to|until)\s+)(?P<y>\d{4}|\d\d)\b(?![-–/]\d)")


def _year_span(body: str, m: re.Match, prep: str | None) -> tuple[int, dict] | tuple[()] | None:
    """(end, value) of a year that opens a span of years, valued as an ISO interval ("2015/2024");
    () when the year stands alone; None for "between" + a year with no second year."""
    between = bool(prep) and prep.split()[0].lower() == "between"
    after = YEAR_SPAN_AFTER.match(body, m.end()) if not m["y4"].endswith("s") else None
    if after:
        first, sep, second = int(m["y4"]), after["sep"].strip(), after["y"]
        if len(second) == 2 and sep in "-–/" and int(second) == (first + 1) % 100:
            return after.end(), {"date": f"{first:04d}/{first + 1:04d}"}  # a financial or school year
        if len(second) == 4 and int(second) > first and (sep == "and" if between else sep != "and"):
            return after.end(), {"date": f"{first:04d}/{int(second):04d}"}
    return None if between else ()


def _date_start(body: str, m: re.Match, start: int, prep: str | None, verb: str | None) -> int | None:
    """Where a DATE match's claim starts, or None when it is no date claim (a bare year, "May" alone)."""
    if m["rel"] and prep and prep.split()[0].lower() == "on":
        prep = None  # "up 20% on last year" compares with last year: "last year" takes no "on"
        start = start if verb else m.start()
    if m["wd3"] and not (prep or verb):
        # a bare weekday is a date as "Monday's paper" or after the verb or noun it dates ("promised
        # Monday", "signed the order Sunday"), not in a name ("Super Tuesday", "the Sunday Times")
        if not re.match(r"’s|'s", body[m.end("wd3"):m.end("wd3") + 2]) and not _weekday_dates_clause(body, m):
            return None
    if m["y4"] and not (prep or verb) and m["y4"].endswith("s"):
        decade = DECADE_PREFIX.search(body, max(0, m.start() - 30), m.start())
        if decade:
            start = decade.start()  # "in the 1980s", "since the early 1990s"
            prep = decade.group()
    if m["y4"] and not (prep or verb) and not m["y4"].endswith("s"):
        season = SEASON_PREFIX.search(body, max(0, m.start() - 40), m.start())
        if season:
            start = season.start()  # "until the spring of 2027", "in summer 2019"
            prep = season.group()
    if (m["y4"] or m["m3"]) and not (prep or verb):
        edge = EDGE_PREFIX.search(body, max(0, m.start() - 40), m.start())
        if edge:
            start = edge.start()  # "by the end of June", "at the start of 2026"
            prep = edge.group()
    if m["y4"] and not (prep or verb) and not _year_as_time(body, m):
        return None  # "Article 2015", "Refugee Act of 1980", "2000 people": a name or a count
    if m["m3"] and not (prep or verb or m["y3"]):
        return None  # "May" alone is as often a name or a verb
    if m["m3"] and m["m3"] == "May" and not (m["y3"] or prep):
        return None
    return start


# a year that names a time on its own: "the 1997 landslide", "Romney's 2012 campaign", "for 2024", "of 2016".
# Not one that is part of a name ("Article 1989", "Windows 2000", "the Refugee Act of 1980", "No. 2015"),
# nor a count of a plural noun with no determiner before it ("2000 people marched", "about 1500 troops").
YEAR_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|a|an|this|that|his|her|its|their|our|my|your)|\w[’']s?)\s+$",
                                    re.IGNORECASE)
CAPITALISED_BEFORE = re.compile(r"(?:\b(?P<word>[A-Z][\w.-]*)|\b[A-Z][\w-]*\s+of)\s+$")
YEAR_COUNT_BEFORE = re.compile(r"\b(?:about|some|nearly|almost|over|under|around|roughly|than|up\s+to|least|of\s+the)\s+$",
                               re.IGNORECASE)


def _year_as_time(body: str, m: re.Match) -> bool:
    """Whether a bare year (no preposition before it) is a date claim rather than a label or a count."""
    if m["y4"].endswith("s"):
        return False  # a decade needs "the" before it: DECADE_PREFIX
    lo = max(0, m.start() - 30)
    name = CAPITALISED_BEFORE.search(body, lo, m.start())
    if name and not (name["word"] and name["word"].lower() in _OPENING_WORDS):
        return False  # "Article 1989", "Windows 2000"; not "The 2016 race", "By 2030"
    noun = MODIFIED_WORD.match(body, m.end(), m.end() + 40)
    if noun and noun["w"].islower() and noun["w"] not in _NOT_MODIFIED and (
            not YEAR_DETERMINER_BEFORE.search(body, lo, m.start()) or YEAR_COUNT_BEFORE.search(body, lo, m.start())):
        return False  # "2000 people marched", "about 1500 troops"
    return not body[m.end():m.end() + 1].isdigit() and body[m.end():m.end() + 2] not in (",0", ".0")


MODIFIED_WORD = re.compile(r"\s+(?P<w>[A-Za-z][a-z]+(?:-[a-z]+)*)\b(?![’'-])")
_NOT_MODIFIED = frozenset(
    "the a an of in on at to and or but for with by from that which who was were is are be been had have has "
    "will would could should may might can did do does not than as into over after before since during until "
    "about when while where it he she they we you also only just so if because once unless whereas though "
    "although".split())


_OPENING_WORDS = _NOT_MODIFIED | {"this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
                                  "your", "every", "each", "last", "next", "since", "through", "throughout"}


def _modified_noun_end(body: str, end: int) -> int:
    """End of the one or two words a year describes: "2016 race", "2012 ground game", "1994 crime bill"."""
    for i in range(2):
        w = MODIFIED_WORD.match(body, end, end + 40)
        if not w or w["w"].lower() in _NOT_MODIFIED or i and w["w"].endswith("ed"):
            break  # "the 1997 landslide changed": a verb after the noun
        end = w.end()
    return end


WORD_BEFORE = re.compile(r"\b(?P<w>[a-z]+),?\s+$")
_NOT_A_DAY_BEFORE = frozenset("the a an every each one some any this that of last next past super black good cyber "
                              "holy ash easter palm bloody".split())
NAME_OR_HABIT_AFTER = re.compile(r"\s+(?:[A-Z]|(?:school|schools|service|services|paper|papers|league|roast|"
                                 r"lunch|lunches|club|market|markets|night\s+football)\b)")


def _weekday_dates_clause(body: str, m: re.Match) -> bool:
    """Whether a weekday with no preposition follows a lower-case word that it dates."""
    before = WORD_BEFORE.search(body, max(0, m.start() - 25), m.start())
    return bool(before) and before["w"] not in _NOT_A_DAY_BEFORE and not NAME_OR_HABIT_AFTER.match(body, m.end())


# a time of day: "at 1:48 a.m.", "2:00 p.m.", "9pm", "11:00 am", "at 14:30"; a time with no a.m./p.m. only
# after a word that sets a time ("Ephesians 5:11" and "the 15:20 mark" are no times)
# the hour as "[01]?\d|2[0-3]" after no word character, written to open with its digit so that the regex engine
# skips to digits (the same matches, tried in the same order)
_HOUR = r"(?P<h>\d(?<![\w:.]\d)(?:(?<=[01])\d?|(?<=2)(?:|[0-3]))?)"
TIME = re.compile(_HOUR + r"(?:[:.](?P<m>[0-5]\d))?(?:\s?(?P<ap>[ap])\.?\s?m(?:\b|(?=(?-i:[A-Z])))\.?"
                  r"|(?<=\d\d)(?=\s*(?:GMT|BST|UTC|EST|EDT|CST|PST|ET|local)\b)|(?=\s?h(?:rs|ours)\b))", re.IGNORECASE)
TIME_ASCII = ascii_led(TIME)  # where ascii_digits_only(body)
CLOCK = re.compile(_HOUR + r":(?P<m>[0-5]\d)(?![\d:])")
# "at 0900 GMT": a 24-hour time with no colon, as wires write it, only with its zone after it (a bare "1430"
# is a count or a year)
# TIME_24H is tried only in a body holding one of these
TIME_ZONES = ("GMT", "BST", "UTC", "CET", "EST", "EDT", "CST", "PST", "IST", "WAT", "EAT", "SAST")
TIME_24H = re.compile(r"(?P<h>[012]\d)(?<![\w.,:]\d\d)(?P<m>[0-5]\d)"  # opens with a digit: the engine skips to one
                      r"\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|CST|PST|IST|WAT|EAT|SAST)\b")
TIME_WORD_BEFORE = re.compile(r"\b(?:at|by|until|till|from|to|before|after|around|about|since|between|and)\s+$",
                              re.IGNORECASE)


def _times(body: str) -> list[tuple[int, int, dict]]:
    """(start, end, value) of every time of day, "9:30 a.m." as {"time": "09:30"}."""
    found = []
    hours = TIME_ASCII if ascii_digits_only(body) else TIME
    for m in hours.finditer(body) if ("m" in body or "M" in body) else ():
        if not m["ap"] and not m["m"]:
            continue
        if m["ap"] and not 1 <= int(m["h"]) <= 12:
            continue
        hour = int(m["h"]) % 12 + (12 if m["ap"] and m["ap"].lower() == "p" else 0) if m["ap"] else int(m["h"])
        end = m.end()
        while body[end - 1] == "." and end < len(body) and not body[end:end + 1].isspace():
            end -= 1  # "p.m.Kasich": the full stop belongs to the time only before a space
        found.append((m.start(), end, {"time": f"{hour:02d}:{m['m'] or '00'}"}))
    taken = {start for start, _, _ in found}
    for m in TIME_24H.finditer(body) if any(zone in body for zone in TIME_ZONES) else ():
        if m.start() not in taken and int(m["h"]) < 24:
            found.append((m.start(), m.end(), {"time": f"{m['h']}:{m['m']}"}))
            taken.add(m.start())
    for m in CLOCK.finditer(body) if ":" in body else ():
        if m.start() not in taken and TIME_WORD_BEFORE.search(body, max(0, m.start() - 9), m.start()):
            found.append((m.start(), m.end(), {"time": f"{int(m['h']):02d}:{m['m']}"}))
    return sorted(found)


# every word a PREFIX can end with: the look-back regex (tried at each of 45 positions) runs only after one
_PREFIX_LAST_WORDS = frozenset(re.findall(r"[a-z]+", (_PREP + _VERB_PREFIX).replace(r"\s", " ")))


_PREFIX_REACH = 45  # characters before a date core where its PREFIX is looked for
_PREFIX_RUNS = 4  # words a PREFIX match spans at most: "captured earlier as of", then spaces and hyphens


def _prefix_before(body: str, start: int) -> re.Match[str] | None:
    """PREFIX.search(body, start - _PREFIX_REACH, start), started at the fourth word back (search_before)."""
    return search_before(PREFIX, body, start, _PREFIX_REACH, _PREFIX_RUNS, "-")


def _may_have_prefix(body: str, start: int) -> bool:
    """Whether the word before `start` could end a PREFIX ("captured in", "as of", "mid-"): a few string steps."""
    j = start
    while j > 0 and (body[j - 1].isspace() or body[j - 1] == "-"):
        j -= 1
    if j == start:
        return False  # both groups end in a space or hyphen
    k = j
    while k > 0 and j - k < 12 and body[k - 1].isalpha():
        k -= 1
    return body[k:j].lower() in _PREFIX_LAST_WORDS


def _month_number(text: str) -> int:
    t = text.lower().rstrip(".")
    return _MONTH_ABBR.get(t[:4] if t.startswith("sept") else t[:3], 0)


def _resolve_quarter(q: _Quarter, published: date | None) -> dict:
    """"2024-Q3": the year written, else the latest such quarter begun by the published date; "last
    quarter" without a year is the one before the published date's ("profits rose in the last quarter")."""
    if q.word == "last" and not q.year:
        if not published:
            return {"date": None, "relative": "last quarter"}
        current = (published.month - 1) // 3 + 1
        return {"date": f"{published.year - (current == 1):04d}-Q{current - 1 or 4}"}
    n = int(q.word) if q.word.isdigit() else _QUARTER_NUMBER.get(q.word, 4)
    if q.year:
        return {"date": f"{int(q.year):04d}-Q{n}"}
    if not published:
        return {"date": None, "relative": f"Q{n}"}
    y = published.year if 3 * (n - 1) + 1 <= published.month else published.year - 1
    return {"date": f"{y:04d}-Q{n}"}


def _resolve(m: re.Match, published: date | None) -> dict | None:
    """The ISO date (or month, or year) a date expression names."""
    ref = published
    if m["iso"]:
        try:
            return {"date": date.fromisoformat(m["iso"]).isoformat()}
        except ValueError:
            return None
    if m["m1"] or m["m2"]:
        month = _month_number(m["m1"] or m["m2"])
        day = int(m["d1"] or m["d2"])
        year = m["y1"] or m["y2"]
        if not (1 <= day <= 31) or not month:
            return None
        if year:
            y = int(year)
        elif ref:
            y = ref.year if (month, day) <= (ref.month, ref.day) or month - ref.month <= 1 else ref.year - 1
        else:
            return {"date": f"--{month:02d}-{day:02d}"}
        try:
            return {"date": date(y, month, day).isoformat()}
        except ValueError:
            return None
    if m["m3"]:
        month = _month_number(m["m3"])
        if m["y3"]:
            return {"date": f"{int(m['y3']):04d}-{month:02d}"}
        if ref:
            y = ref.year if month <= ref.month else ref.year - 1
            return {"date": f"{y:04d}-{month:02d}"}
        return {"date": f"--{month:02d}"}
    if m["wd3"] or m["rel"]:
        text = (m["wd3"] or m["rel"]).lower().split()
        if not ref:
            return {"date": None, "relative": " ".join(text)}
        if text[-1] in WEEKDAYS:
            target = WEEKDAYS.index(text[-1])
            delta = (ref.weekday() - target) % 7
            if text[0] == "next":
                d = ref + timedelta(days=(target - ref.weekday()) % 7 or 7)
            else:
                d = ref - timedelta(days=delta or (7 if text[0] == "last" else 0))
            return {"date": d.isoformat()}
        unit = text[-1]
        shift = {"last": -1, "previous": -1, "next": 1, "following": 1, "this": 0}[text[0]]
        if unit.capitalize() in MONTHS_BY_NAME:  # "last March": the March before this month; "next June"
            month = MONTHS_BY_NAME[unit.capitalize()]
            if shift < 0:
                y = ref.year if month < ref.month else ref.year - 1
            else:
                y = ref.year if month > ref.month else ref.year + 1
            return {"date": f"{y:04d}-{month:02d}"}
        if unit == "year":
            return {"date": f"{ref.year + shift:04d}"}
        if unit == "month":
            month0 = ref.month - 1 + shift
            return {"date": f"{ref.year + month0 // 12:04d}-{month0 % 12 + 1:02d}"}
        if unit in ("week", "weekend"):
            return {"date": (ref + timedelta(weeks=shift)).isoformat(), "approx": True}
        return {"date": f"{ref.year + (shift if shift else 0):04d}", "season": unit}
    if m["yesterday"]:
        return {"date": (ref - timedelta(days=1)).isoformat()} if ref else {"date": None, "relative": "yesterday"}
    if m["thisyear"]:
        if not ref:
            return {"date": None, "relative": m["thisyear"].lower()}
        return {"date": f"{ref.year:04d}" if m["thisyear"].lower().endswith("year") else f"{ref.year:04d}-{ref.month:02d}"}
    if m["y4"]:
        y = m["y4"]
        return {"date": y[:4], **({"decade": True} if y.endswith("s") else {})}
    return None
