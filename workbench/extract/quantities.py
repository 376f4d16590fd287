"""Numbers, money, percentages, measures, durations, counts, ranges, ordinals and comparisons.

One pass of one compiled pattern over the body finds every figure with what sits
around it (an approximation word, a currency, a scale, a unit or the noun counted);
each match is then typed and normalised. Spans are atomic: the figure and the words
that say what it measures, never the whole sentence.
"""
from __future__ import annotations

from . import re_cached as re  # the re module, compiled code read from a file (re_cached.py)
from datetime import date
from functools import lru_cache

from ..model import Claim, Sentence
from .scan import ascii_digits_only, finditer_at, lower, starts_near_anchors, word_choice
from .sentences import claim_in_sentence
from .numbers import (
    DIGITS, FRACTION_WORDS, ORDINAL_WORDS, SCALES, UNITS_WORDS, VAGUE_COUNTS, WORD_NUMBER, clean_number,
    digits_value, scale_factor, words_value,
)

APPROX_WORDS = (
    r"nearly|almost|about|around|roughly|approximately|some|more\s+than|over|at\s+least|up\s+to|less\s+than|"
    r"fewer\s+than|under|close\s+to|just\s+over|just\s+under|an\s+estimated|upwards\s+of|as\s+many\s+as|"
    r"as\s+much\s+as|almost|well\s+over|nearly|at\s+most|an?\s+extra|another|above|below|well\s+above|well\s+below"
)
# approximation words that do not make a figure approximate, only qualify it
EXACT_QUALIFIERS = {"an extra", "a extra", "another"}

CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "usd": "USD", "£": "GBP", "gbp": "GBP", "€": "EUR", "eur": "EUR", "¥": "JPY",
    "jpy": "JPY", "₹": "INR", "inr": "INR", "rs": "INR", "rs.": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY",
    "₦": "NGN", "₱": "PHP", "₪": "ILS", "₾": "GEL", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD",
    "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "r$": "BRL", "mxn$": "MXN", "chf": "CHF", "cny": "CNY",
    "rmb": "CNY", "aud": "AUD", "cad": "CAD", "ரூ": "LKR", "zł": "PLN",
    # East and West African, Egyptian and South Asian codes as their own papers print them ("KSh 300m")
    "ksh": "KES", "kes": "KES", "ush": "UGX", "ugx": "UGX", "tsh": "TZS", "tzs": "TZS", "ghs": "GHS",
    "gh₵": "GHS", "egp": "EGP", "pkr": "PKR", "bdt": "BDT", "ngn": "NGN",
    # written in capitals only ("RM2.5bn", "R200 million", "Y=500 billion"): "PS" is a "£" lost in
    # transcoding ("PS30 million"), and "Y=" a "¥"
    "rm": "MYR", "r": "ZAR", "ps": "GBP", "y=": "JPY",
    # Nigerian papers' naira ("N1,030 per litre", "N5bn") and East African papers' shilling ("Sh300 billion")
    "n": "NGN", "sh": "KES",
}
CAPITAL_PREFIXES = {"rm", "r", "ps", "y=", "n", "sh"}
# "R2", "PS4", "R101", "N95", "Sh 5" are droids, consoles, roads, masks and a hand: these prefixes make money
# only before a scale or a thousands group ("R200 million", "PS30,000", "N1,030")
SCALED_PREFIXES = {"r", "ps", "n", "sh"}
CURRENCY_WORDS = {
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "dollar": "USD", "dollars": "USD", "euro": "EUR",
    "euros": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "franc": "CHF", "francs": "CHF",
    "peso": "MXN", "pesos": "MXN", "real": "BRL", "reais": "BRL", "rand": "ZAR", "won": "KRW",
    "lira": "TRY", "liras": "TRY", "lire": "ITL", "krona": "SEK", "kronor": "SEK", "krone": "krone",
    # a dinar, dirham, riyal or krone alone belongs to several countries: the name is kept instead of a
    # guessed ISO code, which would send a reviewer to the wrong exchange rate
    "kroner": "krone", "dinar": "dinar", "dinars": "dinar", "dirham": "dirham", "dirhams": "dirham",
    "riyal": "riyal", "riyals": "riyal", "rial": "rial", "rials": "rial", "shekel": "ILS", "shekels": "ILS", "naira": "NGN", "pence": "GBX", "penny": "GBX",
    "cent": "USc", "cents": "USc", "pesetas": "ESP", "peseta": "ESP", "zloty": "PLN", "forint": "HUF",
    "guilder": "NLG", "guilders": "NLG", "markka": "FIM", "deutsche marks": "DEM", "deutschmarks": "DEM",
    # a currency named with its country, and ISO codes written after the figure ("75 USD", "120 MEUR")
    "us dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "australian dollar": "AUD", "australian dollars": "AUD", "canadian dollar": "CAD", "canadian dollars": "CAD",
    "hong kong dollars": "HKD", "new zealand dollars": "NZD", "singapore dollars": "SGD",
    "taiwan dollars": "TWD", "swiss francs": "CHF", "swiss franc": "CHF", "french francs": "FRF",
    "belgian francs": "BEF", "turkish lira": "TRY", "mexican pesos": "MXN", "argentine pesos": "ARS",
    "philippine pesos": "PHP", "indian rupees": "INR", "pakistani rupees": "PKR", "japanese yen": "JPY",
    "chinese yuan": "CNY", "south african rand": "ZAR", "brazilian reais": "BRL", "dutch guilders": "NLG",
    "finnish markka": "FIM", "german marks": "DEM", "swedish kronor": "SEK", "danish kroner": "DKK",
    "norwegian kroner": "NOK", "hungarian forints": "HUF", "saudi riyals": "SAR", "egyptian pounds": "EGP",
    "iraqi dinars": "IQD", "jordanian dinars": "JOD", "kuwaiti dinars": "KWD", "algerian dinars": "DZD",
    "tunisian dinars": "TND", "libyan dinars": "LYD", "bahraini dinars": "BHD", "serbian dinars": "RSD",
    "moroccan dirhams": "MAD", "uae dirhams": "AED", "emirati dirhams": "AED", "qatari riyals": "QAR",
    "iranian rials": "IRR", "omani rials": "OMR", "yemeni rials": "YER",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "chf": "CHF", "cny": "CNY", "aud": "AUD",
    "cad": "CAD", "inr": "INR", "rmb": "CNY", "hkd": "HKD", "sgd": "SGD", "nzd": "NZD", "sek": "SEK",
    "nok": "NOK", "dkk": "DKK", "zar": "ZAR", "brl": "BRL", "mxn": "MXN", "krw": "KRW", "rub": "RUB",
}
# "pounds" is a weight after these words ("weighs 236 pounds", "lost 20 pounds") or before "of flour"
WEIGHT_CONTEXT = re.compile(r"(?i:weigh|lost|lose|losing|gain|heav|light|carr(?:y|ied)|lift)\w*\s+(?:\w+\s+){0,2}$")
WEIGHT_AFTER = re.compile(r"\s+of\s+(?!(?:taxpayers|public|your|their|his|her|our|the)\b)[a-z]+")
# currency words that are also everyday English words: money only with a scale ("5 billion won")
AMBIGUOUS_CURRENCY = {"won", "real", "rand", "mark"}
# "30 MUSD", "MEUR 120": the million-prefixed codes of financial writing
MILLION_CODES = {"musd": "USD", "meur": "EUR", "mgbp": "GBP", "maud": "AUD", "mcad": "CAD", "mchf": "CHF",
                 "msek": "SEK", "mnok": "NOK", "mdkk": "DKK"}
# unit word → (kind, normalised unit)
UNITS = {
    **{u: ("distance", "km") for u in ("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers")},
    **{u: ("distance", "mile") for u in ("mile", "miles", "mi")},
    **{u: ("distance", "m") for u in ("metre", "metres", "meter", "meters", "m")},
    **{u: ("distance", "cm") for u in ("cm", "centimetre", "centimetres", "centimeter", "centimeters")},
    **{u: ("distance", "mm") for u in ("mm", "millimetre", "millimetres", "millimeter", "millimeters")},
    **{u: ("distance", "ft") for u in ("ft", "foot", "feet")},
    **{u: ("distance", "inch") for u in ("inch", "inches")},
    **{u: ("distance", "yard") for u in ("yard", "yards", "yd", "yds")},
    **{u: ("quantity", "acre") for u in ("acre", "acres")},
    **{u: ("quantity", "sq km") for u in ("km2", "km²", "sq km", "sqkm")},
    **{u: ("quantity", "sq m") for u in ("m2", "m²")},
    **{u: ("quantity", "radian") for u in ("rad", "radian", "radians")},
    **{u: ("quantity", "hectare") for u in ("hectare", "hectares", "ha")},
    **{u: ("quantity", "kg") for u in ("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme")},
    **{u: ("quantity", "g") for u in ("g", "gram", "grams", "gramme", "grammes")},
    **{u: ("quantity", "mg") for u in ("mg", "milligram", "milligrams")},
    **{u: ("quantity", "µg") for u in ("μg", "µg", "microgram", "micrograms")},
    **{u: ("quantity", "tonne") for u in ("tonne", "tonnes", "ton", "tons", "t")},
    **{u: ("quantity", "lb") for u in ("lb", "lbs")},
    **{u: ("quantity", "oz") for u in ("oz", "ounce", "ounces")},
    **{u: ("quantity", "litre") for u in ("l", "litre", "litres", "liter", "liters")},
    **{u: ("quantity", "ml") for u in ("ml", "millilitre", "millilitres")},
    **{u: ("quantity", "gallon") for u in ("gallon", "gallons")},
    **{u: ("quantity", "barrel") for u in ("barrel", "barrels", "bbl")},
    **{u: ("quantity", "mph") for u in ("mph",)},
    **{u: ("quantity", "km/h") for u in ("km/h", "kph", "kmh")},
    **{u: ("quantity", "knot") for u in ("knot", "knots")},
    **{u: ("quantity", "MW") for u in ("mw", "megawatt", "megawatts")},
    **{u: ("quantity", "GW") for u in ("gw", "gigawatt", "gigawatts")},
    **{u: ("quantity", "kW") for u in ("kw", "kilowatt", "kilowatts")},
    **{u: ("quantity", "kWh") for u in ("kwh",)},
    **{u: ("quantity", "TWh") for u in ("twh",)},
    **{u: ("quantity", "GB") for u in ("gb", "gigabyte", "gigabytes")},
    **{u: ("quantity", "MB") for u in ("mb", "megabyte", "megabytes")},
    **{u: ("quantity", "TB") for u in ("tb", "terabyte", "terabytes")},
    **{u: ("quantity", "Hz") for u in ("hz", "hertz")},
    **{u: ("quantity", "kHz") for u in ("khz", "kilohertz")},
    **{u: ("quantity", "MHz") for u in ("mhz", "megahertz")},
    **{u: ("quantity", "GHz") for u in ("ghz", "gigahertz")},
    **{u: ("quantity", "hp") for u in ("hp", "bhp", "horsepower")},
    **{u: ("quantity", "°C") for u in ("°c", "celsius", "degrees celsius", "degree celsius", "deg c", "c")},
    **{u: ("quantity", "°F") for u in ("°f", "fahrenheit", "degrees fahrenheit", "degree fahrenheit", "deg f",
                                       "f", "degrees f", "degree f")},
    **{u: ("quantity", "degree") for u in ("degree", "degrees", "°")},
    **{u: ("quantity", "teaspoon") for u in ("teaspoon", "teaspoons", "tsp")},
    **{u: ("quantity", "tablespoon") for u in ("tablespoon", "tablespoons", "tbsp")},
    **{u: ("quantity", "pint") for u in ("pint", "pints")},
    **{u: ("duration", "second") for u in ("second", "seconds", "sec", "secs")},
    **{u: ("duration", "minute") for u in ("minute", "minutes", "min", "mins")},
    **{u: ("duration", "hour") for u in ("hour", "hours", "hr", "hrs")},
    **{u: ("duration", "day") for u in ("day", "days")},
    **{u: ("duration", "week") for u in ("week", "weeks")},
    **{u: ("duration", "month") for u in ("month", "months")},
    **{u: ("duration", "year") for u in ("year", "years", "yr", "yrs")},
    **{u: ("duration", "decade") for u in ("decade", "decades")},
    **{u: ("duration", "century") for u in ("century", "centuries")},
}
# units that are a company or a code in capitals
LOWER_CASE_UNITS = {"hp", "bhp"}
DAYS_PER_UNIT = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "month": 30.44,
                 "year": 365.25, "decade": 3652.5, "century": 36525}
# units written glued to the digits only ("104F", "40C", "5t"): as separate words they mean other things
GLUED_ONLY = {"f", "c", "t", "g", "l", "m", "mi", "ha", "min", "sec", "rad", "m2"}

_unit_alternatives = sorted(UNITS, key=len, reverse=True)
UNIT_RE = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in _unit_alternatives)
_currency_words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(CURRENCY_WORDS, key=len, reverse=True))
_million_codes = "|".join(MILLION_CODES)
_currency_symbols = (
    # a one-letter prefix only glued ("A$5", "C$"): "a $9 loan", "was $4" are plain dollars
    r"(?:(?<![\w$])(?:(?:us|au|ca|nz|hk|mxn)\s?\$|(?:a|c|s|r)\$)|\$|£|€|¥|₹|₽|₩|₺|₦|₱|₪|₾|ரூ|zł|"
    r"(?<![\w])(?:usd|gbp|eur|jpy|chf|cny|rmb|inr|aud|cad|rm|ksh|kes|ush|ugx|tsh|tzs|ghs|gh₵|egp|pkr|bdt|ngn|"
    + _million_codes + r")(?=\s?\d)|(?<![\w])rs\.?(?=\s?\d)|"
    r"(?<![\w$])(?:r|ps|y=|n)(?=\d)|(?<![\w])sh\s?(?=\d))"
)
# "six hundred thousand": a hundred may multiply the scale after it
_scale = (r"(?:hundred(?:\s+(?:thousand|million|billion))?|thousand|million|billion|trillion|bn|mn|mln|tn"
          r"|lakh(?:\s+crore)?|crore|k|m|b)")  # "Rs 5.2 lakh crore": a lakh of crores
_NUMBER = rf"(?:{DIGITS}|{WORD_NUMBER})"


class _Folded:
    """A re.IGNORECASE scan that find_quantities runs case-sensitively on the lower-cased body (several
    times faster than re.I). Only that form is compiled at import; the IGNORECASE one, for the rare body
    whose lower-casing changes its length, at first use: compiling both cost about 40 ms of every run.
    Reads as the IGNORECASE pattern: `.pattern`, `.flags`, `.finditer()`, `.match()`..."""

    __slots__ = ("pattern", "flags", "lowered", "_case_free")

    def __init__(self, pattern: str, flags: int):
        self.pattern, self.flags = pattern, flags
        self.lowered = re.compile(pattern, flags & ~re.IGNORECASE)
        self._case_free: re.Pattern[str] | None = None

    def __getattr__(self, name: str):
        if self._case_free is None:
            self._case_free = re.compile(self.pattern, self.flags)
        return getattr(self._case_free, name)


# what may stand before a figure ("nearly", "more than"): looked up backwards from each figure, because
# an optional prefix in front of the main pattern made the regex engine try it at every character
APPROX_BEFORE = re.compile(rf"\b(?:{APPROX_WORDS})\s+$", re.IGNORECASE)
FIGURE = _Folded(
    rf"""
    # first-characters test: skips most positions cheaply. A digit, a full stop or a minus only where no
    # word, number or sign goes before it (the rest of a number is never the start of one); letters only where a word starts, and only the first letters of a number word ("two", "thr", "thi"),
    # of a currency code with what follows it ("us$", "usd", "m" + code) or "minus": a test of two letters
    # ("th", "on", "a ") passed at "the", "on", "a", and the whole pattern was tried there
    (?=[$£€¥₹₽₩₺₦₱₪₾ர½¼¾⅓⅔⅛⅜⅝⅞⅕±+]|(?<![\w.,/:\-−])(?:\d|[.−-]\d)|\b(?:zer|one|two|thr|thi|fou|fort|fiv|fif|six|sev|eig|nin|ten|ele|twe
        |doz|a\s+(?:doz|hun|tho|mil|bil|tri)|minus|(?:us|au|ca|nz|hk|mxn)\s?\$|[acsr]\$|usd|gbp|eur|jpy|chf|cny|rmb|inr|aud|cad|rm
        |ksh|kes|ush|ugx|tsh|tzs|ghs|gh₵|egp|pkr|bdt|ngn
        |{_million_codes}|rs|r\d|ps\d|y=|zł|n\d|sh\s?\d))
    (?P<cur>{_currency_symbols}\s?)?
    (?P<sign>(?<![\w.,/:\-−])(?:\+/-|±|[-−]|minus\s+)(?=\d))?
    (?P<num>(?(sign)|(?(cur)|(?<![\w.,/:\-−])))(?<!\d['’]){_NUMBER}(?!\d|,\d)(?![\w]*[/:]\d)(?!(?:st|nd|rd|th)\b))
    (?:(?P<range_sep>\s*(?:-to-|-\s+to|-|–|—|to)\s*)(?P<num2>{DIGITS})(?!\d)|\s+to\s+(?P<num2w>{WORD_NUMBER})(?![\w-]))?
    (?P<scale>\s{{0,3}}(?:-\s{{0,2}})?{_scale}\b(?![-‐–]\d))?  # "90,000 K-1 visas": a code, not thousands
    (?P<after>
        (?P<pct>\s?%|\s?pc\b|\s+per\s?cent\b|\s+percent\b|\s+percentage\s+points?\b|\s+pts\b
               |\s+basis\s+points?\b|\s?bps\b)
      | (?P<curword>(?:\s+|-|(?=[a-z]{{3,4}}\b))(?:(?P<mcode>{_million_codes})|{_currency_words})(?!\w)(?:\s+sterling)?
                   (?P<scale2>\s+(?:million|billion|trillion|thousand|mn|bn|m)\b)?)
      # a one-letter unit before a dash and a digit is a code's letter ("20 M-16 rifles"); "6-foot-3" is a height
      | (?P<unit>[\s-]?(?:square\s+|sq\.?\s*|cubic\s+|(?:consecutive|straight|successive)\s+(?=(?:second|minute|hour|day|week|month|year|decade)s?\b))?(?:{UNIT_RE})(?!\w|(?<=[\s-][A-Za-z])[-‐–]\d)(?:[\s-]olds?\b|\s+of\s+age\b)?)
      | (?P<strong>-strong\b)
    )?
    """,
    re.IGNORECASE | re.VERBOSE,
)
# every VAGUE match opens with one of these ("tens of thousands", "dozens of")
VAGUE_WORDS = ("tens", "hundreds", "dozens", "scores", "thousands", "millions", "billions")
VAGUE = _Folded(
    "(?P<vague>" + word_choice([r"tens\s+of\s+thousands", r"hundreds\s+of\s+thousands", "dozens", "scores", "hundreds",
                                "thousands", "millions", "billions"], ignorecase=True) + r")\s+of(?=\s)",
    re.IGNORECASE,
)
FRACTION = _Folded(
    r"(?=[aotfn\d])"  # as COMPARISON: only where an alternative can start
    r"\b(?:(?P<a>one|two|three|four|five|\d+)\s+(?:in|out\s+of)\s+"
    r"(?P<b>two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred|\d+)\b"
    # not the first word of a compound: "a third-party candidate", "a half-hour speech", "a quarter-century"
    # (a "half-dozen" or "half-billion" is FRACTION_SCALE's); but "a quarter-point cut" is of a point
    r"|(?P<c>a|one|two|three|four|nine)[\s-](?P<d>half|thirds?|quarters?|fifths?|tenths?|sixth|eighth)\b"
    r"(?!-(?!(?:percentage-)?points?\b)[a-z])"
    r"|(?<![\w/])(?<!\d\s)(?P<e>\d+)/(?P<f>\d+)(?=\s+(?:of|mile|miles|inch|cup|pound|share|points?)\b))",
    re.IGNORECASE,
)
# the first-letter lookahead lets the engine skip words no alternative can start with
COMPARISON = _Folded(
    r"(?=[mnadtqhfseblwcr\d])"
    r"(?:\b(?:(?:more\s+than|nearly|almost)\s+)?(?P<verb>doubled|tripled|trebled|quadrupled|halved)\b"
    r"|\b(?P<times>twice|half|(?:three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred|\d+(?:\.\d+)?)\s+times)"
    r"\s+(?:as\s+(?:many|much|large|big|high|likely|fast|long|expensive|often)\b"
    r"|the\s+(?:rate|number|amount|level|size|average|national|cost|price|figure|total|speed)\b"
    r"|(?:more|higher|larger|bigger|greater|faster|lower|smaller|less|fewer)\b)"
    r"|\b(?:the\s+)?(?P<super>highest|lowest|largest|biggest|smallest|steepest|sharpest|fastest|slowest|worst|"
    r"best|fullest|longest|shortest|deadliest|warmest|hottest|coldest|wettest|driest|strongest|weakest)"
    r"(?:\s+[a-z]+){0,4}?\s+(?:since\s+(?P<since>"
    # "since at least 1980", "since just after World War II", "since the end of the Second World War"; matched
    # on the lower-cased body, so the eras a reader names are a table, not capitals
    r"(?:(?:at\s+least|just|shortly|soon|right|early|late|mid-?|before|after|"
    r"the\s+(?:end|start|beginning|middle|height|close|turn)\s+of)\s+)*"
    r"(?:(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.\s+\d{4}|(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\s+\d{4}|\d{4}s?|records\s+began|world\s+war\s+(?:ii|two|i|one)\b|the\s+(?:second|first)\s+world\s+war"
    r"|the\s+great\s+(?:depression|recession)|the\s+(?:financial|economic|oil|debt|banking)\s+crisis"
    r"|the\s+cold\s+war|the\s+\d{4}s|the\s+[a-z]+))"
    r"|on\s+record|in\s+(?:history|a\s+generation|"
    r"(?:more\s+than\s+)?(?:a|two|three|\d+)\s+(?:decades?|years|centur(?:y|ies))))"
    r"|\brecord\s+(?P<record>high|low)\b)",
    re.IGNORECASE,
)
# A multiple in words: "a threefold increase", "calls for tripling the number", "would double the deficit",
# "almost double what Cruz won" (the figure forms, "10-fold" and "three times the rate", are above)
MULTIPLE = _Folded(
    r"\b(?:(?:more\s+than|nearly|almost|about|roughly|at\s+least)\s+)?"
    r"(?:(?P<fold>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand)[\s-]?fold\b"
    r"|(?P<verb>doubling|tripling|trebling|quadrupling|halving)\b(?!\s+down\b)"  # "doubling down": an idiom
    # "cut the deficit in half", "the rolls were slashed in half"
    r"|(?P<half>(?:cut|cuts|cutting|slash(?:ed|es|ing)?|reduc(?:e|ed|es|ing))"
    r"\s+(?:[\w’'-]+\s+){0,4}?in\s+half)\b"
    r"|(?P<mult>double|triple|treble|quadruple)\s+(?:what\b|(?:the|its|their|his|her|our)"
    # the thing multiplied, up to the first word that opens a clause or a phrase of its own
    r"(?:\s+(?!(?:of|on|in|at|for|to|that|which|and|or|by|from|with|since|over|than|as|is|was|were|are)\b)"
    r"[a-z][\w\-]*){1,3}))",
    re.IGNORECASE,
)
# Every MULTIPLE match holds one of these, at its start or at most eight words after it ("nearly cut the
# state's welfare rolls in half"), or inside its first word ("threefold"): tried only there, not at every
# word of the few bodies that hold one of its _NEEDS words (tests/test_extract_gates.py)
MULTIPLE_ANCHORS = ("fold", "doubl", "tripl", "trebl", "quadrupl", "halving", "half")
MULTIPLE_FACTORS = {"two": 2, "doub": 2, "thre": 3, "trip": 3, "treb": 3, "four": 4, "quad": 4, "five": 5,
                    "six": 6, "seve": 7, "eigh": 8, "nine": 9, "ten": 10, "twen": 20, "hund": 100, "thou": 1000,
                    "halv": 0.5}  # by a word's first four letters
# Every COMPARISON match holds one of these words, at its start or at most two words after it ("more than
# doubled", "a hundred times", "the highest"): tried only there, the scan costs a third of trying the
# pattern at each of its many first letters (tests/test_extract_scans.py holds the two equal)
COMPARISON_ANCHORS = (
    "doubled", "tripled", "trebled", "quadrupled", "halved", "twice", "half", "times", "record",
    "highest", "lowest", "largest", "biggest", "smallest", "steepest", "sharpest", "fastest", "slowest",
    "worst", "best", "fullest", "longest", "shortest", "deadliest", "warmest", "hottest", "coldest",
    "wettest", "driest", "strongest", "weakest",
)
ORDINAL = _Folded(
    r"(?=[\dfstenh])(?:"  # as COMPARISON: only where an alternative can start
    r"\b(?P<n>\d+)(?:st|nd|rd|th)\b(?:\s+(?:consecutive|straight|successive|largest|biggest|highest|lowest))?"
    r"(?:\s+(?:place|month|year|week|day|time|century|anniversary|quarter))?"
    r"|\b(?P<w>" + "|".join(ORDINAL_WORDS) + r")[\s-](?:consecutive|straight|successive|largest|biggest|highest|"
    r"lowest|richest|poorest|most|least|-?largest|place)\b(?:\s+(?:month|year|week|day|quarter|time))?)",
    re.IGNORECASE,
)
# a place in a ranking given in words: "came third", "finished joint second", "ranked first in Europe";
# a bare "first"/"second" is everywhere ("the first time", "a second look") so only a ranking verb makes
# one, and "first" only with what it was first in ("safety comes first" ranks nothing)
FIRST_IN = re.compile(r"\s+(?:in|place|overall|among|out\s+of)\b", re.IGNORECASE)
RANK_VERBS = ("came", "come", "comes", "finished", "finishes", "placed", "ranked", "ranks", "rated")
RANK = _Folded(
    word_choice(RANK_VERBS, ignorecase=True) + r"\s+(?:in\s+)?(?:(?:joint|equal)\s+)?"
    r"(?P<w>" + "|".join(ORDINAL_WORDS) + r")\b(?!\s+(?:time|thing|half|quarter|of)\b|-)",
    re.IGNORECASE,
)
# betting odds: "the 9/2 second favourite", "a 33-1 shot", "odds of 100 to 1"; only beside a word of
# betting, as "9/2" alone is a date and "33-1" a score. The betting word is found first and the price
# looked up around it: a scan from every digit cost more than the rest of the figure finders' changes
ODDS_WORDS = ("favourite", "favorite", "fav", "shot", "outsider", "odds")
ODDS_WORD = _Folded(word_choice(["favou?rites?", "fav", "shot", "outsiders?", r"odds(?=\s+(?:of|at)\s+\d)"], ignorecase=True)
                       + r"\b", re.IGNORECASE)
_PAIR = r"(?<![\w/.,-])(?P<a>\d{1,3})(?:/|-|\s+to\s+)(?P<b>\d{1,3})"
ODDS_BEFORE = re.compile(_PAIR + r"\s+(?:(?:joint|co|second|third|clear|outright)[\s-]+)?$", re.IGNORECASE)
ODDS_AFTER = re.compile(r"\s+(?:of|at)\s+" + _PAIR + r"(?![\w/.,-])", re.IGNORECASE)


# "half a million", "a quarter million us dollars", "three quarters billion", "a half-dozen candidates"
FRACTION_SCALE = _Folded(
    # "half a million", "a quarter of a trillion"
    # "a quarter-of-a-million people"
    "(?P<f>" + word_choice(["half", "quarters?", "thirds?"], ignorecase=True) + r")[\s-]+(?:of[\s-]+)?(?:an?[\s-]+)?"
    r"(?P<s>dozen|thousand|million|billion|trillion)\b"
    rf"(?P<cur>\s+(?:{_currency_words})\b)?",
    re.IGNORECASE,
)
# "half of all new cases", "more than half the voters": a share, as "a third" is
# a tally: "voted 15-7", "passed 52-48", "a 5-4 ruling", "won 3-1". Only beside a word that makes it one:
# "ages 16-24" is a range and "9-11" a date; the two figures stay together, as a reviewer checks them
TALLY = re.compile(r"\d{1,3}\s?[-–]\s?\d{1,3}\Z")
IDIOM_PAIRS = {(24, 7)}  # falling pairs that are a phrase, not a score, when no vote or score word is near
TALLY_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})*")  # "1,428 to 1,153"; "2010 to 2015" are years
TALLY_TAIL = re.compile(r"[/%]|[.,]\d|[-–]\d")  # "15-7/8", "52-48.5", "a 3-2-1 plan": no tally
TALLY_BEFORE = re.compile(r"\b(?:vot(?:ed|es?|ing)|passed|approved|rejected|defeated|confirmed|backed|won|lost|beat|"
                          r"beating|drew|tied|split|trailed|trailing|led|leading|margin\s+of|vote\s+of|by)\s+"
                          r"(?:a\s+|an\s+)?$", re.IGNORECASE)
# a name just before a falling pair is a label ("Psychology 1-0", a course) unless a contest verb
# comes before it ("Clinton beats Cruz 42-40", "beat undefeated Clemson 45-40")
CONTEST_BEFORE = re.compile(r"\b(?:beat|beats|beating|defeat(?:ed|s)?|leads?|led|leading|tops?|topped|trails?|trailed|"
                            r"edges?|edged|outnumbers?|outnumbered|ties|tied|over|against|versus|vs\.?|v\.?|won|lost|"
                            r"thrashed|routed|downed)\s+(?:[\w.’'-]+\s+){0,3}$", re.IGNORECASE)
CAPITAL_BEFORE = re.compile(r"\b(?!(?:A|An|The)\s)[A-Z][\w.’'-]*\s+$")
# words of change before "from" ("rose from", "has been cut sharply from", "up from"): the two figures
# after it are the old and the new, not a range
CHANGE_WORDS = (
    "rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|increased?|increases|increasing|decreased?|"
    "decreases|decreasing|grew|grow|grows|growing|grown|jump(?:ed|s|ing)?|climb(?:ed|s|ing)?|"
    "drop(?:ped|s|ping)?|declined?|declines|declining|cut|cuts|raised?|raises|raising|lowered|reduced?|"
    "boost(?:ed|s)?|swell(?:ed|s)?|swollen|soar(?:ed|s|ing)?|plung(?:ed|e|es|ing)|slump(?:ed|s)?|shr[aiu]nk|"
    "went|gone|up|down|moved?|changed?|slipp(?:ed|ing)|slid|surg(?:ed|e|es|ing)|expand(?:ed|s)?|widen(?:ed|s)?|"
    "narrow(?:ed|s)?|tumbl(?:ed|e|es)|dipped|doubled|tripled|halved|improved|worsened|shifted|revised"
)
CHANGE_BEFORE = re.compile(rf"\b(?:{CHANGE_WORDS})\b(?:\s+[\w’'-]+){{0,3}}?,?\s+$", re.IGNORECASE)
CHANGE_NEAR = re.compile(rf"\b(?:{CHANGE_WORDS}|by)\b(?:\s+[\w’'-]+){{0,2}}?\s+$", re.IGNORECASE)
FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# two claims joined by "to" or a dash: a change or a match-up (see _join); what may be joined
JOIN_GAP = re.compile(r"\s+to\s+|\s*[-–]\s*", re.IGNORECASE)
JOINABLE_KINDS = frozenset({"percent", "money", "count", "quantity", "distance", "duration"})
PAIRED_KEYS = ("low", "tally", "from", "by", "per", "period", "amounts")
# "a 5-4 ruling", "a 4-0 home defeat": one word may come between
TALLY_AFTER = re.compile(r"(?:\s+[a-z]+)?\s+(?:vote|votes|ruling|decision|majority|margin|verdict|win|victory|defeat|"
                         r"loss|draw|split|tie)\b", re.IGNORECASE)
# "nearly a decade", "for a year", "more than a century": one period, checkable as its number would be.
# Only after an approximation word or "for": a bare "a year" is mostly a rate ("£5 a year") or an idiom
A_PERIOD = _Folded(r"a\s+(?P<unit>decade|year|month|week|fortnight|century)(?![\w’'-])", re.IGNORECASE)
FOR_BEFORE = re.compile(r"\b(?:for|within)\s+$", re.IGNORECASE)  # "jailed for a year", "within a fortnight"
HALF = _Folded(r"(?=h)(?<![\w-])half(?=\s+(?:of|the|all|its|their|a\s+(?:percentage\s+)?point)\b)", re.IGNORECASE)
NOT_A_SHARE_BEFORE = frozenset("first second last latter former other top bottom better one a and an".split())
FRACTION_LEAD = re.compile(r"\b(?P<n>a|one|two|three)\s+$", re.IGNORECASE)
# "two and a half million": the whole before the half ("2.5 million")
AND_A_HALF_LEAD = re.compile(r"\b(?P<n>\d+|" + "|".join(w for w, v in UNITS_WORDS.items() if 1 <= v <= 19)
                             + r")\s+and\s+a\s+$", re.IGNORECASE)
BETWEEN = re.compile(r"\bbetween\s+", re.IGNORECASE)
BETWEEN_LOWERED = re.compile(word_choice(["between"]) + r"\s+")  # the same in lower-cased text, as a literal search
# what follows "90 of": the whole of which the figure is a part
POINTS_AFTER = re.compile(r"[\s-]+(?:of\s+)?(?:(?:a|one)\s+)?(?:percentage[\s-])?points?\b", re.IGNORECASE)
PART_OF_PEOPLE = re.compile(r"\s+of\s+(?:them|those|these|whom|us|you|the|their|its|all)\b", re.IGNORECASE)
PART_PRONOUN = re.compile(r"\s+of\s+(?:them|those|these|whom|us|you)\b", re.IGNORECASE)
OF_A_FIGURE = re.compile(r"\s+of\s+(?:(?:the|his|her|their|its|our|my|your)\s+)?\d", re.IGNORECASE)
# "90 of them died", "41 of them were rescued"; not the "have" of "3,200 of them have yet to be repaid"
PART_OF = re.compile(r"\s+of\s+(?:them|those|these|whom|which|us|you|the\s+\w+|its\s+\w+|their\s+\w+)"
                     r"(?:\s+(?:died|(?:were|had|have|are|was|is)\s+\w+ed)\b)?", re.IGNORECASE)
NOUN_WORD = re.compile(r"\s+(?:(?:new|more|other|additional|extra|of|the|young|old|local|full-time|part-time|[A-Z][\w’'-]*|[a-z][\w’'-]*)\b)")
STOP_WORDS = frozenset(
    "the a an of in on at to and or but for with by from that which who whom whose was were is are be been "
    "had have has will would could should may might can did do does not than as into over after before since "
    "during until about per each every this these those it its their his her our your my we they he she you "
    "i also only just so if when while where there here then because although though unless whether yet nor "
    "per rather once whereas till".split()
)
IRREGULAR_PLURALS = frozenset(
    "people children men women police staff personnel cattle sheep fish deer aircraft troops militia "
    "clergy crew livestock poultry youth folk".split()
)
YEAR = re.compile(r"^(?:1[5-9]\d\d|20\d\d)$")


# words without which a pattern cannot match: a substring test per word (a fast C search) lets a body
# without any of them skip the pattern's scan (most articles have no "dozens of" or "half a million")
# (COMPARISON, VAGUE, RANK and those below need none: they are tried only at their words, found by the same
# searches)
_NEEDS = {
    "MULTIPLE": ("fold", "doubl", "tripl", "trebl", "quadrupl", "halving", "in half"),
    "A_PERIOD": ("a decade", "a year", "a month", "a week", "a fortnight", "a century"),
}
# what every match of these opens with: tried only where str.find finds one, not at each of the many
# letters their first-letter sets hold (tests/test_extract_gates.py)
_OPENING_WORDS = {
    "FRACTION_SCALE": ("half", "quarter", "third"),
    "HALF": ("half",),
    "ODDS": ODDS_WORDS,
}


# Where a numeral can start, found once per body for the scans that read one (FIGURE, FRACTION, ORDINAL):
# a currency or fraction sign; a digit, a decimal point or a minus with no word character before it; a
# word start from which a number word, an ordinal word or a currency code can be read. Each of those
# patterns keeps its own first-character test, so starting it only here finds what its scan of the whole
# body finds (tests/test_extract_scans.py), and the engine no longer tries it at every character.
_NUMERAL_SIGN = re.compile(r"[$£€¥₹₽₩₺₦₱₪₾ர½¼¾⅓⅔⅛⅜⅝⅞⅕±+]")
_NUMERAL_DIGIT = re.compile(r"[\d.−-](?<!\w.)")
# the same where every digit is 0-9 (ascii_digits_only)
_NUMERAL_ASCII_DIGIT = re.compile(r"[0-9.−-](?<!\w.)")
_NUMERAL_WORDS = (  # the first letters of every word a numeral may open with, in lower case
    "zer", "one", "two", "thr", "thi", "fou", "fort", "fiv", "fif", "six", "sev", "eig", "nin", "ten", "ele", "twe",
    "doz", "fir", "sec", "hun", r"a\s+(?:doz|hun|tho|mil|bil|tri)", r"a[\s-](?:hal|thi|qua|fif|ten|six|eig)", "minus",
    r"(?:us|au|ca|nz|hk|mxn)\s?\$", r"[acsr]\$", "usd", "gbp", "eur", "jpy", "chf", "cny", "rmb", "inr", "aud", "cad",
    "rm", *MILLION_CODES, "rs", r"r\d", r"ps\d", "y=", "zł", r"n\d", r"sh\s?\d",
    "ksh", "kes", "ush", "ugx", "tsh", "tzs", "ghs", "gh₵", "egp", "pkr", "bdt", "ngn")


def _by_first_letter(words: tuple[str, ...]) -> str:
    """The words as one alternation grouped by their first letter (the engine tries one group a letter)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        letter = word[0] if word[0].isalpha() else ""
        groups.setdefault(letter, []).append(word[1:] if letter else word)
    return "|".join(f"{letter}(?:{'|'.join(rest)})" if letter else "|".join(rest) for letter, rest in groups.items())


_NUMERAL_WORD = re.compile(rf"\W(?=(?:{_by_first_letter(_NUMERAL_WORDS)}))")  # a non-word character opens the scan:
_NUMERAL_WORD_FIRST = re.compile(rf"(?:{_by_first_letter(_NUMERAL_WORDS)})")   # a set the engine skips to


@lru_cache(maxsize=1)
def numeral_starts(lowered: str) -> list[int]:
    """Every position of the lower-cased body where FIGURE, FRACTION or ORDINAL can start."""
    starts = [m.start() for m in _NUMERAL_SIGN.finditer(lowered)]
    digit = _NUMERAL_ASCII_DIGIT if ascii_digits_only(lowered) else _NUMERAL_DIGIT
    starts += [m.start() for m in digit.finditer(lowered)]
    starts += [m.end() for m in _NUMERAL_WORD.finditer(lowered)]
    if _NUMERAL_WORD_FIRST.match(lowered):
        starts.append(0)
    return starts


def _finditer(pattern: _Folded, body: str, lowered: str | None, needs: tuple[str, ...] = (),
              at_numerals: bool = False, anchors: tuple[str, ...] = (), words_before: int = 2, in_run: bool = False):
    """pattern.finditer(body), run on the lower-cased body where there is one; `needs`: words without which
    it cannot match; `at_numerals`: tried only where a numeral starts; `anchors`: only at these words and
    the `words_before` words before them (and `in_run`, their own word: see starts_near_anchors)."""
    if lowered is None:
        return pattern.finditer(body)
    if needs and not any(word in lowered for word in needs):
        return iter(())
    fast = pattern.lowered
    if at_numerals:
        return iter(finditer_at(fast, lowered, numeral_starts(lowered)))
    if anchors:
        return iter(finditer_at(fast, lowered, starts_near_anchors(lowered, anchors, words_before, in_run)))
    return fast.finditer(lowered)


def find_quantities(body: str, sentences: list[Sentence], published: date | None) -> list[Claim]:
    """Every figure in the body, typed and normalised, with its sentence."""
    starts = [s.start for s in sentences]
    lowered = lower(body)
    if len(lowered) != len(body):  # a few characters lower-case to two; offsets must not move
        lowered = None
    found: list[tuple[int, int, str, dict]] = []
    taken = bytearray(len(body) + 1)  # 1 where a figure is already claimed: overlap tests stay linear

    def add(start: int, end: int, kind: str, value: dict) -> None:
        while end > start and body[end - 1] in " ,.;:":
            end -= 1
        found.append((start, end, kind, value))
        if end > start:
            taken[start:end] = b"\x01" * (end - start)

    for m in _finditer(COMPARISON, body, lowered, anchors=COMPARISON_ANCHORS):
        value: dict = {}
        if m["verb"]:
            factor = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "halved": 0.5}[m["verb"].lower()]
            value = {"number": factor, "factor": factor}
        elif m["times"]:
            t = re.sub(r"\s+times$", "", m["times"].lower())
            factor = 0.5 if t == "half" else 2 if t == "twice" else _num(t)
            value = {"number": clean_number(factor), "factor": clean_number(factor)}
        elif m["super"]:
            value = {"superlative": m["super"].lower()}
            if m["since"]:  # 1990, or "records began": what the superlative is measured against
                since = body[m.start("since"):m.end("since")]  # as written: "World War II"
                value["since"] = int(since) if since.isdigit() else re.sub(r"\s+", " ", since)
        else:
            value = {"superlative": "record " + m["record"].lower()}
        add(m.start(), m.end(), "comparison", value)

    for m in _finditer(MULTIPLE, body, lowered, _NEEDS["MULTIPLE"], anchors=MULTIPLE_ANCHORS, words_before=8,
                       in_run=True):
        if not _overlaps(taken, m.start(), m.end()):
            word = "halv" if m["half"] else (m["fold"] or m["verb"] or m["mult"]).lower()
            factor = MULTIPLE_FACTORS[word[:4]]
            add(m.start(), m.end(), "comparison", {"number": factor, "factor": factor})

    for m in _finditer(FRACTION_SCALE, body, lowered, anchors=_OPENING_WORDS["FRACTION_SCALE"], words_before=0):
        # the multiplier is looked up backwards: an optional prefix would be tried at every character
        lead = FRACTION_LEAD.search(body, max(0, m.start() - 8), m.start())
        n = _num(lead["n"]) if lead and lead["n"].lower() not in ("a", "one") else 1.0
        scale = SCALES.get(m["s"].lower(), 12)  # 12: "dozen"
        number = n * FRACTION_WORDS[m["f"].lower()] * scale
        whole = AND_A_HALF_LEAD.search(body, max(0, m.start() - 24), m.start()) if m["f"].lower() == "half" else None
        if whole:
            lead, number = whole, (_num(whole["n"]) + 0.5) * scale
        value = {"number": clean_number(number)}
        if m["cur"]:
            value["currency"] = CURRENCY_WORDS.get(re.sub(r"\s+", " ", m["cur"].strip().lower()), "USD")
        approx = _Approx(body, lead.start() if lead else m.start())
        if approx.text:
            value["approx"] = True
        add(approx.start, m.end() if m["cur"] else _noun_phrase_end(body, m.end()),
            "money" if m["cur"] else "count", value)

    for m in _finditer(FRACTION, body, lowered, at_numerals=True):
        if _overlaps(taken, m.start(), m.end()):
            continue
        if m["a"]:
            a, b = _num(m["a"]), _num(m["b"])
        elif m["c"] and m["d"].lower() == "half" and body[max(0, m.start() - 4):m.start()].lower() == "and ":
            continue  # "a year and a half", "paid time and a half": the half of what comes before
        elif m["c"]:
            a = 1.0 if m["c"].lower() == "a" else _num(m["c"])
            b = 1 / FRACTION_WORDS[m["d"].lower()]
        else:
            a, b = float(m["e"]), float(m["f"])
        if not a or not b or a > b:
            continue
        value = {"number": round(a / b, 3), "unit": "share"}
        end = m.end()
        points = POINTS_AFTER.match(body, end)
        if points:  # "a quarter of a percentage point", "half a point": the fraction is of a point, not a share
            value["unit"], end = "percentage point", points.end()
        approx = _Approx(body, m.start())
        if approx.text:
            value["approx"] = True
        add(approx.start, end, "percent", value)

    for m in _finditer(HALF, body, lowered, anchors=_OPENING_WORDS["HALF"], words_before=0):
        if _overlaps(taken, m.start(), m.end()) or _last_word(body, m.start()).lower() in NOT_A_SHARE_BEFORE:
            continue  # "half the rate" is a comparison; "the first half of the year" a period
        approx = _Approx(body, m.start())
        points = POINTS_AFTER.match(body, m.end())  # "half a percentage point"
        value = {"number": 0.5, "unit": "percentage point" if points else "share"}
        add(approx.start, points.end() if points else m.end(), "percent",
            {**value, **({"approx": True} if approx.text else {})})

    for m in _finditer(A_PERIOD, body, lowered, _NEEDS["A_PERIOD"]):
        approx = _Approx(body, m.start())
        word = " ".join(approx.text.lower().split())
        if m.start() and (body[m.start() - 1].isalnum() or body[m.start() - 1] in "_-"):
            continue  # "Panama year", "data month": the "a" ends another word
        lead = FOR_BEFORE.search(body, max(0, m.start() - 9), m.start())
        if _overlaps(taken, m.start(), m.end()) or not (word or lead):
            continue
        unit = m["unit"].lower()
        number, unit, days = (2, "week", 14) if unit == "fortnight" else (1, unit, DAYS_PER_UNIT[unit])
        value = {"number": number, "unit": unit, "days": days}
        if word and word not in EXACT_QUALIFIERS:
            value.update(approx=True, qualifier=word)
        within = lead is not None and not word and lead.group().lower().startswith("within")
        add(approx.start if word else lead.start() if within else m.start(), m.end(), "duration", value)

    for m in _finditer(ODDS_WORD, body, lowered, anchors=_OPENING_WORDS["ODDS"], words_before=0):
        odds = _odds(body, m)
        if odds and not _overlaps(taken, odds[0], odds[1]):
            add(*odds)

    for m in _finditer(VAGUE, body, lowered, anchors=VAGUE_WORDS, words_before=0):
        end = _noun_phrase_end(body, m.end())
        if end == m.end():
            continue
        word = " ".join(m["vague"].lower().split())
        add(_Approx(body, m.start()).start, end, "count", {"number": VAGUE_COUNTS[word], "approx": True, "vague": word})

    _find_ranges_between(body, lowered, found, taken, add)
    _find_figures(body, lowered, found, taken, add)

    for m in _finditer(ORDINAL, body, lowered, at_numerals=True):
        if _overlaps(taken, m.start(), m.end()):
            continue
        if m.group().lower().endswith("century") or NAME_AFTER.match(body, m.end()):
            continue  # "the 20th century" places a time; "13th Amendment", "23rd Street" are names
        n = int(m["n"]) if m["n"] else ORDINAL_WORDS[m["w"].lower()]
        add(m.start(), m.end(), "ordinal", {"rank": n})

    for m in _finditer(RANK, body, lowered, anchors=RANK_VERBS, words_before=0):  # a match opens with its verb
        n = ORDINAL_WORDS[m["w"].lower()]
        if not _overlaps(taken, m.start(), m.end()) and (n != 1 or FIRST_IN.match(body, m.end())):
            add(m.start(), m.end(), "ordinal", {"rank": n})

    found.sort()
    claims: list[Claim] = []
    for start, end, kind, value in found:
        if end > start:
            claims.append(claim_in_sentence(body, sentences, starts, start, end, kind, value, 0.5))
    return claims


def _find_ranges_between(body: str, lowered: str | None, found: list, taken: bytearray, add) -> None:
    """"between 3% and 5%", "between three and five million": one range of two FIGURE matches."""
    scan = lowered if lowered is not None else body
    figure = FIGURE.lowered if lowered is not None else FIGURE
    between = BETWEEN_LOWERED if lowered is not None else BETWEEN
    for b in between.finditer(scan) if "between" in (lowered if lowered is not None else body.lower()) else ():
        first = figure.match(scan, b.end())
        joint = first and re.match(r"\s+and\s+", scan[first.end():first.end() + 8])
        second = joint and figure.match(scan, first.end() + joint.end())
        if not (first and second) or _overlaps(taken, b.start(), second.end()):
            continue
        claim = _figure_claim(body, second, _Approx(body, b.start()))
        low = _figure_claim(body, first, _Approx(body, first.start()))
        low_number = low[3].get("number") if low else None
        if low_number is None and claim and first["num"] and first.end() == first.end("num"):
            low_number = clean_number(_num(first["num"]))  # "between two and three people": "two" alone counts nothing
        if claim and low_number is not None:
            # "between three and five million": the scale after the second figure is the first's too
            # (not in "between 500 and 2 million", where it would put the low end above the high one)
            scale = scale_factor(second["scale"] or "") if not first["scale"] else 1
            if scale > 1 and low_number * scale <= claim[3]["number"]:
                low_number = clean_number(low_number * scale)
            start, end, kind, value = claim
            value = {**value, "low": low_number, "high": value["number"], "number": low_number}
            add(b.start(), end, "range", value)


def _find_figures(body: str, lowered: str | None, found: list, taken: bytearray, add) -> None:
    """Every FIGURE match not yet claimed, grown into its claim: a number to call is skipped; two
    figures read together are one claim (a change, a tally, a range); the rest grow by GROWTH_STEPS."""
    last = None  # the index in `found` of the figure just read, which the next may join
    for m in _finditer(FIGURE, body, lowered, at_numerals=True):
        if _overlaps(taken, m.start("num"), m.end("num")):
            continue
        at = m.start("num")
        if body[at] == "0" or body[at - 1:at] in ("+", "("):
            lead = at - 1 if body[at - 1:at] in ("+", "(") else at
            phone = PHONE.match(body, lead)
            if phone and (lead == 0 or not body[lead - 1].isalnum()):
                taken[phone.start():phone.end()] = b"\x01" * (phone.end() - phone.start())
                continue  # "0300 123 5000", "+44 20 7946 0958": a number to call, not a figure
        if m["num2"]:
            # "fell from 212,000 to 198,500", "voted 15-7", "led 1,428 to 1,153": two figures that are
            # no range; the words around and the order of the ends tell
            pair = _change(body, m) or _tally(body, m) or _change_by(body, m)
            if pair:
                add(*pair)
                last = None
                continue
        claim = _figure_claim(body, m, _Approx(body, m.start()))
        if claim:
            for step in GROWTH_STEPS:
                claim = step(body, claim, m)
            joined = _join(body, found[last], claim) if last is not None and claim[0] - found[last][1] < 8 else None
            if joined:  # "from 4.1% to 4.7%", "46 percent to 35 percent": one claim of two figures
                found[last] = joined
                taken[joined[0]:joined[1]] = b"\x01" * (joined[1] - joined[0])
                last = None
                continue
            add(*claim)
            last = len(found) - 1


def _or_so(body: str, claim: tuple, m: re.Match) -> tuple:
    """"100 or so delegates", "50,000 or so": an approximation written after the figure."""
    start, end, kind, value = claim
    so = OR_SO.match(body, end) if body[end:end + 1].isspace() else None
    if not so:
        return claim
    value = {**value, "approx": True, "qualifier": value.get("qualifier", "or so")}
    end = so.end()
    if kind == "count" and claim[1] == m.end():  # the noun counted comes after "or so"
        end = _noun_phrase_end(body, end, need_plural=True)
    return start, end, kind, value


def _per_period(body: str, claim: tuple, m: re.Match) -> tuple:
    """"£42bn a year", "30 minutes a day": the period is part of the figure."""
    start, end, kind, value = claim
    if kind not in ("money", "count", "duration", "quantity") or "per" in value or not body[end:end + 1].isspace():
        return claim
    period = PER_PERIOD.match(body, end)
    if period:
        return start, period.end(), kind, {**value, "period": period["period"].lower()}
    adverb = PERIOD_ADVERB.match(body, end)  # "£6.5bn annually", "$40m yearly"
    return (start, adverb.end(), kind, {**value, "period": PERIOD_OF_ADVERB[adverb["adverb"].lower()]}) if adverb \
        else claim


# what grows a figure's claim once its noun, unit or currency is read, in order
GROWTH_STEPS = (_or_so, _per_period)
OR_SO = re.compile(r"\s+or\s+so\b", re.IGNORECASE)


APPROX_LAST_WORDS = frozenset(w.split("\\s+")[-1].replace("an?", "an") for w in APPROX_WORDS.split("|"))


def _last_word(body: str, start: int) -> str:
    """The word just before `start` when a space separates them ("about 40" → "about"); else ""."""
    window = body[max(0, start - 24):start]
    if not window or not window[-1].isspace():
        return ""
    words = window.split()
    return words[-1] if words else ""


class _Approx:
    """The approximation word before a match, found by looking back (see APPROX_BEFORE)."""

    __slots__ = ("text", "start")

    def __init__(self, body: str, start: int):
        # the regex only runs when the word before could end an approximation (a set lookup is cheap)
        if _last_word(body, start).lower() not in APPROX_LAST_WORDS:
            self.text, self.start = "", start
            return
        m = APPROX_BEFORE.search(body, max(0, start - 30), start)
        self.text = m.group().strip() if m else ""
        self.start = m.start() if m else start


def _odds(body: str, word: re.Match) -> tuple[int, int, str, dict] | None:
    """The price beside a betting word: "9/2" → 4.5 to one, kept as written too, as a bookmaker's price
    a reviewer can look up ("odds of 100 to 1" from its start)."""
    if word.group().lower() == "odds":
        pair = ODDS_AFTER.match(body, word.end())
        start, end = word.start(), pair.end() if pair else 0
    else:
        pair = ODDS_BEFORE.search(body, max(0, word.start() - 24), word.start())
        start, end = (pair.start(), pair.end("b")) if pair else (0, 0)
    if not pair:
        return None
    a, b = int(pair["a"]), int(pair["b"])
    number = clean_number(round(a / b, 3)) if b else a
    return start, end, "quantity", {"number": number, "unit": "odds", "odds": [a, b]}


def _tally(body: str, m: re.Match) -> tuple[int, int, str, dict] | None:
    """A FIGURE match of two figures that is a vote, a score or a poll's match-up ("voted 15-7",
    "Cruz 42-40", "1,428 to 1,153", "35 to 12 percent"), else None: a vote or score word around says so,
    or the first figure is not below the second (a range ascends: "ages 16-24", "3 to 5 percent")."""
    if m["cur"] or m["scale"] or m["after"] and not m["pct"] or TALLY_TAIL.match(body, m.end("num2")):
        return None
    hyphen = m["range_sep"].strip() in ("-", "–")  # "-to-" is read as "to": "a 5-to-4 decision"
    if not (TALLY.match(body, m.start("num"), m.end("num2")) if hyphen
            else TALLY_FIGURE.fullmatch(m["num"]) and TALLY_FIGURE.fullmatch(m["num2"])):
        return None
    a, b = int(m["num"].replace(",", "")), int(m["num2"].replace(",", ""))
    if FROM_BEFORE.search(body, max(0, m.start() - 6), m.start()):
        return None  # "from 9 to 5": hours or a range, never a score
    before = TALLY_BEFORE.search(body, max(0, m.start("num") - 20), m.start("num"))
    after = TALLY_AFTER.match(body, m.end())
    by = before is not None and before.group().lower().startswith("by")
    if a < b and not (after or before and (hyphen and not m["pct"] or not by)):
        return None  # "by 3 to 5 percent" is a range of margins
    if not (before or after) and CAPITAL_BEFORE.search(body, max(0, m.start() - 30), m.start()) \
            and not CONTEST_BEFORE.search(body, max(0, m.start() - 60), m.start()):
        return None  # "Psychology 1-0": a name's number
    if not (before or after) and (a, b) in IDIOM_PAIRS:
        return None  # "open 24-7"
    # "voted 15-7", "won 3-1": the verb says what the tally counts ("by" says nothing)
    start = before.start() if before and not by else m.start("num")
    value = {"number": a, "tally": [a, b], **({"unit": "percent"} if m["pct"] else {})}
    return start, after.end() if after else m.end(), "percent" if m["pct"] else "count", value


def _change_start(body: str, start: int, a: float, b: float, bare: bool = False) -> int | None:
    """Where "from" begins when the figures at `start` are a change ("rose from 4.1% to 4.7%"): after a
    word of change, or falling (a range ascends, so "from 212,000 to 198,500" can only be a change)."""
    frm = FROM_BEFORE.search(body, max(0, start - 6), start)
    if not frm:
        return None
    if CHANGE_BEFORE.search(body, max(0, frm.start() - 48), frm.start()):
        return frm.start()
    # falling with no word of change: a change, but for hours of a day ("works from 9 to 5": `bare`
    # figures, with no unit, currency or scale)
    return frm.start() if a > b and not (bare and a <= 12 and b <= 12 and a == int(a) and b == int(b)) else None


def _change(body: str, m: re.Match) -> tuple[int, int, str, dict] | None:
    """"fell from 212,000 to 198,500": one claim with both ends (value.from, value.to)."""
    if m["range_sep"].strip() != "to" or not m["num"][0].isdigit():
        return None
    frm = _change_start(body, m.start(), digits_value(m["num"]), digits_value(m["num2"]),
                        bare=not (m["cur"] or m["scale"] or m["after"]))
    claim = _figure_claim(body, m, _Approx(body, m.start()), change=True) if frm is not None else None
    if not claim or "to" not in claim[3]:
        return None
    _, end, kind, value = claim
    return frm, end, kind, {**value, "number": value["to"]}


BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)


def _change_by(body: str, m: re.Match) -> tuple[int, int, str, dict] | None:
    """"vacancies dropped by 26,000 to 831,000": by how much, and to what (value.by, value.to), never the
    range 26,000 to 831,000. The level reached is far above the change ("by 2 to 4 percent" is a range)."""
    if m["range_sep"].strip() != "to" or not BY_BEFORE.search(body, max(0, m.start() - 4), m.start()):
        return None
    by = BY_BEFORE.search(body, max(0, m.start() - 4), m.start())
    if not CHANGE_NEAR.search(body, max(0, by.start() - 40), by.end()):
        return None
    claim = _figure_claim(body, m, _Approx(body, m.start()), change=True)
    if not claim or "to" not in claim[3] or claim[3]["to"] < 4 * claim[3]["from"]:
        return None  # "grew by 2 to 4 percent": a range of how much, the ends alike
    _, end, kind, value = claim
    value = {k: v for k, v in value.items() if k != "from"}
    return by.start(), end, kind, {**value, "number": value["to"], "by": claim[3]["from"]}


def _join(body: str, first: tuple, second: tuple) -> tuple[int, int, str, dict] | None:
    """Two claims of one kind side by side that are one claim: a change after "from" ("rose from 4.1% to
    4.7%"), a range ("3% to 5%", "$2m-$3m"), or a poll's match-up ("46 percent to 35 percent")."""
    s0, e0, kind, v0 = first
    s1, e1, kind1, v1 = second
    a, b = v0["number"], v1["number"]
    if s1 == e0 and body[s1:s1 + 1] in "-–" and b < 0:
        b = -b  # "64%-27%": the dash joins, it is no minus
    elif kind != kind1 or e0 >= s1 or not JOIN_GAP.fullmatch(body, e0, s1):
        return None
    if kind != kind1 or kind not in JOINABLE_KINDS or any(key in v for v in (v0, v1) for key in PAIRED_KEYS) or \
            (v0.get("unit"), v0.get("currency")) != (v1.get("unit"), v1.get("currency")):
        return None
    if "to" in body[e0:s1]:
        frm = _change_start(body, s0, a, b)
        if frm is not None:
            return frm, e1, kind, {**v1, "from": a, "to": b}
        if CHANGE_NEAR.search(body, max(0, s0 - 40), s0):
            return None  # "rose 5% to 40%": by how much, and to what
    contest = kind == "percent" and (TALLY_BEFORE.search(body, max(0, s0 - 20), s0)
                                     or CONTEST_BEFORE.search(body, max(0, s0 - 60), s0))
    if a < b and not contest:  # "3% to 5%", "2%-3%": a range ascends
        return s0, e1, "range", {**v0, "number": a, "low": a, "high": b}
    if kind == "percent":  # "46 percent to 35 percent": a poll's match-up
        return s0, e1, kind, {**v0, "tally": [a, b]}
    return None


# the distances races are named by, and what follows such a name; "the 200m-long bridge", "the 100m
# deep shaft" measure
RACE_DISTANCES = frozenset({60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000})
RACE_BEFORE = re.compile(r"(?:\bthe|men[’']s|women[’']s|girls[’']|boys[’'])\s+$", re.IGNORECASE)
RACE_AFTER = re.compile(r"\s+(?:freestyle|backstroke|breaststroke|butterfly|medley|hurdles|relay|sprint|final|"
                        r"heats?|semi-?finals?|race|title|gold|silver|bronze|champion)\b", re.IGNORECASE)
MEASURE_AFTER = re.compile(r"[\s-]+(?:long|high|tall|deep|wide|thick|away|across|below|above|under|of|from|by)\b",
                           re.IGNORECASE)


def _race_name(body: str, m: re.Match) -> bool:
    """"the 200m", "the 400m hurdles": a race named by its distance, no figure a reviewer checks
    ("the 100m viewers" are a hundred million, "the 100m-long bridge" a length)."""
    if not m["num"].isdigit() or int(m["num"]) not in RACE_DISTANCES or MEASURE_AFTER.match(body, m.end()):
        return False
    if RACE_AFTER.match(body, m.end()):
        return True
    nxt = NEXT_WORD.match(body, m.end())
    return bool(RACE_BEFORE.search(body, max(0, m.start() - 10), m.start())) and not (nxt and _is_plural(nxt.group(1)))


# "Trump 384, Cruz 300, Rubio 151 and Kasich 37": names each with its figure, one after another, are a
# count or a result per name; one name with a number is a label ("Rule 40", "Hot 100")
_NAME = r"(?:[A-Z][\w.’'-]*\s+){0,3}"
NAME_SERIES_AFTER = re.compile(rf",?\s+(?:and\s+)?{_NAME}(?P<word>[A-Z][\w.’'-]*)\s+\d[\d,.]*(?![\w/:-])")
NAME_SERIES_BEFORE = re.compile(rf"(?P<word>[A-Z][\w.’'-]*)\s+\d[\d,.]*,?\s+(?:and\s+)?{_NAME}[A-Z][\w.’'-]*\s+$")


def _name_series(body: str, m: re.Match, word: str) -> bool:
    """Whether the figure after the name `word` is one of a series of names with figures."""
    if word.lower() in LABEL_NOUNS or m["num2"] or m["scale"]:
        return False
    other = body[m.end():m.end() + 1] in ",; " and NAME_SERIES_AFTER.match(body, m.end(), m.end() + 60) \
        or NAME_SERIES_BEFORE.search(body, max(0, m.start() - 70), m.start())
    return bool(other) and other["word"].lower().rstrip(".") not in LABEL_NOUNS  # "Clause 28 and Schedule 7"


def _prefix_is_money(body: str, m: re.Match, symbol: str, scale: str) -> bool:
    """"RM5", "R200 million", "PS30,000" are money; "rm 5", "R2", "PS4" are not (see CAPITAL_PREFIXES)."""
    written = body[m.start("cur"):m.end("cur")]
    if symbol == "sh":
        if written[0] != "S":
            return False
    elif not written.strip().isupper() and symbol != "y=" or symbol == "y=" and written[0] != "Y":
        return False
    return symbol not in SCALED_PREFIXES or bool(scale) or "," in m["num"]


def _num(text: str) -> float:
    t = text.lower().strip()
    if t[0].isdigit():
        return digits_value(t)
    return words_value(t) or 0.0


def _overlaps(taken: bytearray, start: int, end: int) -> bool:
    return taken.find(1, start, end) != -1


def _kind_of(extra: dict, kind: str) -> str:
    """A figure with a low and a high end is a range; one with a from and a to keeps its kind."""
    return "range" if extra.get("low") is not None else kind


class _Figure:
    """One FIGURE match as it grows into a claim: its value so far, its ends, its span."""

    __slots__ = ("approx", "end", "extra", "m", "scale", "start", "unit_key", "value")

    def __init__(self, m: re.Match, approx: _Approx, value: float, scale: str, unit_key: str):
        self.m, self.approx, self.value, self.scale, self.unit_key = m, approx, value, scale, unit_key
        self.extra: dict = {}
        self.start, self.end = m.start(), m.end()

    def claim(self, kind: str, extra: dict | None = None, start: int | None = None, end: int | None = None) -> tuple:
        return _with_value(self.m, self.approx, self.start if start is None else start,
                           self.end if end is None else end, kind, self.value, self.extra if extra is None else extra)


_PASS = object()  # a step's answer when the figure is not of its kind: the next step reads it


def _figure_claim(body: str, m: re.Match, approx: _Approx, change: bool = False) -> tuple[int, int, str, dict] | None:
    """The claim of one FIGURE match, or None; `change`: its two ends are a from and a to, not a range.

    A numeral read with its scale and unit (_scale_and_unit), its value and ends, then the steps in
    FIGURE_STEPS in turn (money, percent, measure, "-strong"); a figure none of them takes is bare."""
    read = _scale_and_unit(body, m)
    if read is None:
        return None
    scale, unit_key = read
    num_text = m["num"]
    # "three to five years": the upper end written in words (the scale after it is both ends')
    word_high = words_value(m["num2w"]) if m["num2w"] else None
    if num_text[0].isalpha():
        value = words_value(num_text)
        if value is None:
            return None
        if not (m["cur"] or m["pct"] or m["curword"] or unit_key or scale):
            return _counted_in_words(body, m, approx, value, word_high)
    else:
        value = digits_value(num_text)
    if m["sign"] and m["sign"][0] not in "+±" and not PLUS_OR.search(body, max(0, m.start() - 10), m.start()):
        value = -value  # "plus or minus 4 points", "+/-3", "±3" are a margin, not a negative figure
    if scale:
        value *= scale_factor(scale)
    fig = _Figure(m, approx, value, scale, unit_key)
    extra = _two_ends(m, value, scale, word_high, change)
    if extra is None:
        return None
    fig.extra = extra
    for step in FIGURE_STEPS:
        claim = step(body, fig)
        if claim is not _PASS:
            return claim
    return _bare_figure(body, fig)


def _scale_and_unit(body: str, m: re.Match) -> tuple[str, str] | None:
    """The scale word and the unit key of a FIGURE match, as what follows decides them; None when the
    match is no figure ("won the 200m", "5G masts")."""
    scale = (m["scale"] or "").strip(" -").lower()
    unit_text = (m["unit"] or "").strip(" -").lower()
    if unit_text:
        unit_text = AGE_SUFFIX.sub("", unit_text).strip()
        unit_text = AREA_PREFIX.sub("", RUN_PREFIX.sub("", unit_text))
    unit_key = " ".join(unit_text.split())
    glued: bool = m["unit"] is not None and not m["unit"][:1].isspace() and not m["unit"].startswith("-")
    # "m" after a figure is million before a counted noun or with a currency, metres otherwise
    if scale == "m" and not m["cur"] and _race_name(body, m):
        return None  # "won the 200m", "the 400m hurdles": an event named by its distance
    if scale in ("m", "b") and not m["cur"] and not m["curword"]:
        # "3 B users", "12m monthly subscribers": a counted noun follows
        if _noun_phrase_end(body, m.end("scale"), need_plural=True) == m.end("scale") \
                and not PART_OF_PEOPLE.match(body, m.end("scale")):  # "about 2.8m of them": million
            if scale == "m" and not m["unit"]:
                unit_key, scale, glued = "m", "", True  # "1.8m tall", "a 3 m wall": metres
            else:
                return None
    if unit_key in GLUED_ONLY and not glued and not (m["unit"] or "").startswith("-"):
        unit_key = ""
    if unit_key in LOWER_CASE_UNITS and not body[m.start("unit"):m.end("unit")].islower():
        unit_key = ""  # "half a dozen HP directors": Hewlett-Packard's, not horsepower
    if unit_key == "g" and glued and body[m.start("unit"):m.end("unit")] == "G":
        return None  # "5G masts", "4G": a mobile network, not five grams
    return scale, unit_key


def _counted_in_words(body: str, m: re.Match, approx: _Approx, value: float, word_high: float | None) -> tuple | None:
    """A number in words with no unit, scale or currency: a count only with the noun it counts."""
    num_text = m["num"]
    if num_text.lower() != "one":
        # "Three of them died": the part of a whole, as "90 of them" is; "five of his 28 matches": the
        # part alone, its whole is a claim of its own
        part = PART_OF.match(body, m.end())
        if part and PART_PRONOUN.match(body, m.end()):
            return _with_value(m, approx, m.start(), part.end(), "count", value, {})
        if OF_A_FIGURE.match(body, m.end()):
            return _with_value(m, approx, m.start(), m.end(), "count", value, {})
    end = _noun_phrase_end(body, m.end(), need_plural=True)
    if end == m.end() or num_text.lower() == "one":
        return None
    if word_high is not None and word_high > value:  # "two to three people"
        return _with_value(m, approx, m.start(), end, "range", value,
                           {"low": clean_number(value), "high": clean_number(word_high)})
    return _with_value(m, approx, m.start(), end, "count", value, {})


def _two_ends(m: re.Match, value: float, scale: str, word_high: float | None, change: bool) -> dict | None:
    """A range's low and high, or a change's from and to; {} for one figure; None for two figures
    that are neither ("1990-91", "five to three million")."""
    if m["num2w"]:
        high = None if word_high is None else word_high * scale_factor(scale)
        if high is None or high <= value:  # both ends scaled: "three to five million"
            return None
        return {"low": clean_number(value), "high": clean_number(high)}
    if m["num2"] and change:
        return {"from": clean_number(value), "to": clean_number(digits_value(m["num2"]) * scale_factor(scale))}
    if m["num2"]:
        low, high = value, digits_value(m["num2"]) * scale_factor(scale)
        if high <= low:  # "1990-91" style: not a range we understand
            return None
        return {"low": clean_number(low), "high": clean_number(high)}
    return {}


def _money(body: str, fig: _Figure):
    """A currency before or after the figure ("£12bn", "5 billion won", "3 dollars 50 cents")."""
    m, extra = fig.m, fig.extra
    if not (m["cur"] or m["curword"]):
        return _PASS
    currency = None
    if m["cur"]:
        symbol = re.sub(r"\s", "", m["cur"]).lower().rstrip(".")
        if symbol in MILLION_CODES:
            currency, fig.value = MILLION_CODES[symbol], fig.value * 1e6
        else:
            currency = CURRENCY_SYMBOLS.get(symbol, "USD")
        if symbol in CAPITAL_PREFIXES and not _prefix_is_money(body, m, symbol, fig.scale):
            return None
    if m["curword"]:
        if m["mcode"]:
            currency, fig.value = MILLION_CODES[m["mcode"].lower()], fig.value * 1e6
        else:
            word = re.sub(r"\s+", " ", m["curword"].strip(" -").lower()).removesuffix(" sterling")
            if m["scale2"]:
                word = word[: -len(m["scale2"])].strip()
            by_symbol, currency = currency, CURRENCY_WORDS.get(word, currency)
            if word in ("pound", "pounds") and not m["cur"] and (
                    WEIGHT_CONTEXT.search(body, max(0, m.start() - 30), m.start()) or WEIGHT_AFTER.match(body, m.end())):
                return fig.claim("quantity", {"unit": "lb"})  # "weighs 236 pounds"
            if word in AMBIGUOUS_CURRENCY and (m["cur"] or not (fig.scale or m["scale2"])):
                # "the 2 real reasons", "the side that scored 3 won": not money; "£2,500 won't": the symbol is
                # the currency and the word a verb
                currency = by_symbol
                fig.end = m.start("after")
        if m["scale2"]:
            fig.value *= SCALES.get(m["scale2"].strip().lower(), 1)
        cents = _CENTS.match(body, fig.end)
        if cents and not extra and not m["cur"] and currency in _HAS_CENTS:
            # "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50."
            minor = _num(cents["minor"])
            if 0 < minor < 100:
                fig.value += minor / 100
                fig.end = cents.end("minor") if not cents["word"] else cents.end()
    if not currency:
        return _PASS
    fig.end = _with_conversions(body, fig.end)
    return fig.claim(_kind_of(extra, "money"), {"currency": currency, **extra, **_amounts(body, m.start(), fig.end)})


def _percent(body: str, fig: _Figure):
    """"5%", "5 per cent", "31pc", "2 percentage points"."""
    pct = fig.m["pct"]
    if not pct:
        return _PASS
    low = pct.lower()
    unit = "basis point" if "basis" in low or "bps" in low else \
        "percentage point" if "point" in low or "pts" in low else "percent"
    return fig.claim(_kind_of(fig.extra, "percent"), {"unit": unit, **fig.extra})


# "the 6-foot-3 senator", "6-foot-2-inch", and as British papers write it, "5ft 11in", "6ft 2 inches"
FOOT_INCHES = re.compile(r"(?:-(?P<inches>1[01]|[0-9])(?:[\s-]inch(?:es)?)?|\s?(?P<ins>1[01]|[0-9])(?:in|\s?inch(?:es)?)\b)"
                         r"(?![\w-]|[.,]\d|[’']s)")


def _measure(body: str, fig: _Figure):
    """A unit of UNITS after the figure ("640 miles", "5GHz", "three weeks", "40 miles (64 km)")."""
    m, extra, value = fig.m, fig.extra, fig.value
    if not (fig.unit_key and fig.unit_key in UNITS):
        return _PASS
    kind, unit = UNITS[fig.unit_key]
    if "old" in (m["unit"] or "").lower() or "of age" in (m["unit"] or "").lower():
        kind, unit = "quantity", f"{unit} of age"
    if kind == "duration":
        extra["days"] = round(value * DAYS_PER_UNIT[unit], 2)
    if (m["unit"] or "").lower().startswith(("square", "sq")):
        unit = f"sq {unit}"
    end = fig.end
    inches = FOOT_INCHES.match(body, end) if unit == "ft" and body[end:end + 1] in ("-", " ") else None
    if inches:  # a height in feet and inches is one figure
        extra["inches"] = int(inches["inches"] or inches["ins"])
        end = inches.end()
    converted = UNIT_CONVERSION.match(body, end) if "(" in body[end:end + 2] else None
    if converted and not extra and _spaced_ok(converted) and UNITS.get(_unit_key(converted["unit"]), ("",))[0] == kind:
        # "40 miles (64 km)" stays one claim, as money does with its conversion
        other = {"number": clean_number(digits_value(converted["num"])), "unit": UNITS[_unit_key(converted["unit"])][1]}
        extra["amounts"] = [{"number": clean_number(value), "unit": unit}, other]
        end = converted.end()
    return fig.claim(_kind_of(extra, kind), {"unit": unit, **extra}, end=end)


def _strong(body: str, fig: _Figure):
    """"a 3,000-strong crowd": a count of what follows."""
    if not fig.m["strong"]:
        return _PASS
    return fig.claim("count", {}, end=_noun_phrase_end(body, fig.end, need_plural=True))


def _fold(body: str, fig: _Figure):
    """"a 10-fold rise", "about 10 fold": a multiple, as "ten times" is."""
    fold = FOLD_AFTER.match(body, fig.end) if "fold" in body[fig.end:fig.end + 6].lower() else None
    if not fold:
        return _PASS
    factor = clean_number(fig.value)
    return fig.claim("comparison", {"factor": factor}, end=fold.end())


FOLD_AFTER = re.compile(r"[\s-]?fold\b", re.IGNORECASE)
# what a figure's words say it is, tried in turn; a figure none of them takes is bare (_bare_figure)
FIGURE_STEPS = (_money, _percent, _measure, _strong, _fold)


def _bare_figure(body: str, fig: _Figure) -> tuple[int, int, str, dict] | None:
    """A figure with no currency, percent or unit: a year, a label ("Article 50", "Boeing 737"), a
    code, a day of a month, an age, a rate, or a count of the noun after it."""
    m, approx, value, extra, scale, start, end = fig.m, fig.approx, fig.value, fig.extra, fig.scale, fig.start, fig.end
    num_text = m["num"]
    if not scale and YEAR.match(num_text) and (not extra or YEAR.match(m["num2"])):
        return None  # a year, or a span of years ("from 2015 to 2024"), which dates.py reads as a date
    # each test below starts with a string look at the character after or the word before: most figures fail it
    after = body[m.end():m.end() + 1]
    pence = PENCE_AFTER.match(body, m.end()) if after == "p" and not extra and value not in VIDEO_LINES else None
    if pence:  # "30p a litre", "shares fell to 131p": pence, glued as British papers write them (not "1080p", "9pm")
        return _with_value(m, approx, start, pence.end(), "money", value, {"currency": "GBX"})
    if CODE_AFTER.match(body, m.end()) and not MODELS_COUNTED.match(body, m.end()) \
            or STREET_AFTER.match(body, m.end()) or m["sign"] and m["sign"][0] in "-−" \
            and _noun_phrase_end(body, end, need_plural=True) == end:
        return None  # "11a", "L-202", "1 )", "555-1234-99": part of a code or a list marker ("minus 72", "-7
        # points" are figures)
    previous = _last_word(body, m.start())
    low_previous = previous.lower().lstrip("‘'“\"([")
    age = _age_start(body, approx.start if approx.text else m.start(), None if approx.text else low_previous) \
        if not scale else None
    if age is not None:  # "aged 16 to 24", "from the age of 50": an age, which a count would misread
        return _with_value(m, approx, age, end, _kind_of(extra, "quantity"), value,
                           {"unit": "year of age", **extra})
    if not extra and not approx.text and num_text.isdigit() and len(num_text) <= 3 \
            and body[end:end + 1] == "," and NAME_COMMA_BEFORE.search(body, max(0, m.start() - 30), m.start()):
        # "Richard Hale, 58, of Guildford": the age news copy gives after a name, not a count of anything
        return _with_value(m, approx, m.start(), end, "quantity", value, {"unit": "year of age"})
    if not extra and (low_previous[:9] == "magnitude" or after in (" ", "-")
                      and body[m.end() + 1:m.end() + 10].lower() == "magnitude"):
        magnitude = _magnitude_span(body, m.start(), m.end())
        if magnitude:
            return _with_value(m, approx, *magnitude, "quantity", value, {"unit": "magnitude"})
    before = body[max(0, m.start() - 20):m.start()]
    # the look-back patterns run only where the word before could start a label, a month or "the"
    grouped = "," in num_text  # "108,000", "the 1,237 needed": an amount, as no label or model is written
    if not grouped and (not previous or previous.lstrip(OPENERS)[:1].isupper() or low_previous.rstrip(".") in LABEL_NOUNS):
        label = LABEL_BEFORE.search(before)
        if label and not (label["word"] and (label["word"].lower() in LABEL_EXEMPT
                                             or label["word"].endswith(POSSESSIVE_ENDINGS)
                                             and not NAME_AFTER.match(body, m.end())  # "New York's 54 Below"
                                             or _name_series(body, m, label["word"])
                                             or COUNTED_AFTER.match(body, m.end()))):
            return None  # "Article 50", "Boeing 737", "No. 10", "exit 436"
    if low_previous == "of" and NAMED_GROUP_BEFORE.search(body, max(0, m.start() - 30), m.start()):
        return None  # "the Group of 20": a name
    if low_previous in ("and", "or", "to", "&") and LABEL_SERIES_BEFORE.search(body, max(0, m.start() - 50), m.start()):
        return None  # the 11 of "junctions 10 and 11", "pages 4 to 6": labels too
    if low_previous.rstrip(".") in MONTH_WORDS or MONTH_AFTER.match(body, m.end()):
        return None  # "nov. 6", "1 may that year": a date written in lower case
    part = PART_OF.match(body, end)
    if part:
        return _with_value(m, approx, start, part.end(), "count", value, {**extra})
    noun_end = _noun_phrase_end(body, end, need_plural=False, singular_ok=value == 1)
    rate = RATE_AFTER.match(body, noun_end) if not extra and body[noun_end:noun_end + 1].isspace() \
        and body[noun_end + 1:noun_end + 4].lower() in ("per", "for", "in ") else None
    if rate:  # "21 per 100,000 people a year": one rate, not a count and a population
        base = _num(rate["base"]) * SCALES.get((rate["scale"] or "").strip().lower(), 1)
        rate_end = _noun_phrase_end(body, rate.end(), need_plural=True)
        period = RATE_PERIOD.match(body, rate_end)
        unit = f"per {clean_number(base):,}" + (f" {body[noun_end:end].strip()}" if noun_end > end else "")
        return _with_value(m, approx, start, period.end() if period else rate_end, "quantity", value,
                           {"unit": unit, "per": clean_number(base)})
    if low_previous == "the" and not (grouped or scale or OR_SO.match(body, end)) and (noun_end == end or not extra and value >= 10 and value == int(value)
                                      and body[end:end + 1].isspace()  # "the 16-bit chip" is a measure
                                      and not _is_plural(body[end:noun_end].split()[-1])):
        return None  # "the 411", "The 486 is", "the 8088 chip": a name or model made of digits
    if low_previous in ("a", "an") and noun_end == end and not (extra or scale) and num_text.isdigit() and value >= 100:
        return None  # "flew a 737 to Paris", "a 911": one thing named by digits counts nothing ("a 200,000
        # figure" is written as an amount)
    end = noun_end
    return _with_value(m, approx, start, end, _kind_of(extra, "count"), value, extra)


_CENTS = re.compile(rf"(?:\s+and)?\s+(?P<minor>\d{{1,2}}|{WORD_NUMBER})(?!\d)"
                    r"(?:(?P<word>\s+(?:cents?|pence|p|centavos|kopecks?))\b|(?=\s*(?:[.,;:!?)]|$)))", re.IGNORECASE)
_HAS_CENTS = {"USD", "EUR", "GBP", "AUD", "CAD", "NZD", "HKD", "SGD", "CHF", "INR", "MXN", "ZAR"}
# what makes a bare figure part of a code, a list marker or a clock time rather than a count
CODE_AFTER = re.compile(r"[A-Za-z]|['’]\d|\s?\)|\s+[A-Za-z]{1,4}-?\d|[-/]\d|\s*(?:[ap]\.m\.|[ap]m\b|o[’']clock\b)",
                        re.IGNORECASE)
# but a model named by a code, then what it is, counts: "400 F-35 jets", "90,000 K-1 visas", "20 M-16 rifles"
MODELS_COUNTED = re.compile(r"\s+[A-Z]{1,4}-?\d{1,4}[A-Z]?\s+[a-z]+s\b")
LABEL_NOUNS = frozenset(
    "pages junctions exits routes gates platforms chapters sections articles rooms terminals runways "
    "page p highway route interstate exit junction flight room gate platform chapter section article number "
    "model version channel bus line series level grade rule clause paragraph item step phase stage question "
    "apartment flat suite box lot pier terminal runway track episode season verse ward precinct zone block "
    "sector row seat category class type act part volume vol issue figure table appendix code opus unit "
    "division no".split())
LABEL_BEFORE = re.compile(
    r"(?:\b(?P<word>[A-Z][\w’'-]*)|No\.?|no\.|#|\b(?i:p\.|vol\.|"
    + "|".join(sorted(LABEL_NOUNS - {"p", "vol", "no"}, key=len, reverse=True)) + r"))\s*$")
LABEL_SERIES_BEFORE = re.compile(r"\b(?i:" + "|".join(sorted(LABEL_NOUNS - {"p", "vol", "no"}, key=len, reverse=True))
                                 + r")\s+\d+[A-Za-z]?(?:\s*,\s*\d+[A-Za-z]?)*,?\s+(?:and|or|to|&)\s+$")
# a telephone number: "0300 123 5000", "+44 20 7946 0958", "(020) 7946-0958"; none of its groups is a figure
# (tried only where a figure starts with 0, or after "+" or "(": a scan of the whole body cost 3%)
PHONE = re.compile(r"(?:\+\d{1,3}[ -]?)?(?:\(0\d{1,4}\)|0\d{1,4}|\d{1,4})[ -]\d{3,4}[ -]?\d{3,4}(?![\d,.]\d)")
MONTH_WORDS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august "
    "september october november december".split())
LABEL_EXEMPT = STOP_WORDS | {
    "all", "only", "just", "another", "roughly", "around", "almost", "nearly", "some", "over", "under",
    "about", "least", "most", "total", "killing", "killed", "injuring", "including", "leaving", "another",
    "approximately", "exactly", "precisely", "perhaps", "maybe", "nearly", "nine", "both", "those", "these",
    "between", "among", "within", "than", "across", "below", "above", "beyond", "despite", "nearly",
    # a pronoun and its verb: "“I'm 76,” he said" is an age
    "i'm", "i’m", "he's", "he’s", "she's", "she’s", "it's", "it’s", "we're", "we’re", "they're", "they’re",
}
# what a figure after a name counts, never a label's ("called Bob 3 times", "gave Ortiz 40 votes")
COUNTED_AFTER = re.compile(r"\s+(?:times|votes|delegates|seats|points|goals|runs|wickets|percent)\b", re.IGNORECASE)
# "Sanders' 13 million voters", "the RMT's 9,000": a figure owned by a name is no label of it
POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")
OPENERS = "‘'“\"(["  # quote marks and brackets that may open a label ("“Perceptions 301,”")
NAMED_GROUP_BEFORE = re.compile(r"\b[Tt]he\s+[A-Z][a-z]+\s+of\s+$")  # "the Group of 20"
NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
PLUS_OR = re.compile(r"plus\s+or\s+$", re.IGNORECASE)
STREET_AFTER = re.compile(r"(?:\s+[A-Z0-9][\w’'-]*){0,3}\s+(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|"
                          r"Lane|Drive|Place|Way|Square|Terrace|Crescent|Highway)(?!\w)")
THE_BEFORE = re.compile(r"\b(?:the|The|THE)\s+$")
MONTH_BEFORE = re.compile(r"\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|"
                          r"april|june|july|august|september|october|november|december)\.?\s+$")
MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?(?i:january|february|march|april|may|june|july|"
                         r"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|"
                         r"dec)\b")


# "per 100,000", "per 1,000 live births", "per million": the population a rate is counted in
RATE_AFTER = re.compile(rf"\s+(?:per|for\s+every|in\s+every)\s+(?P<base>{DIGITS}|a|one)"
                        r"(?P<scale>\s+(?:hundred|thousand|million|billion))?(?!\w|,\d)", re.IGNORECASE)
# "£42bn a year", "30 minutes a day", "9,800 steps a day": the period is part of the figure checked
# (never "a year ago", "a year earlier": those place a time)
PER_PERIOD = re.compile(r"\s+(?:a|an|per|each|every)\s+(?P<period>year|month|week|day|hour|minute)\b"
                        r"(?!\s+(?:ago|earlier|later|before|after|on|or)\b)", re.IGNORECASE)
# an adverb of period closing the figure's phrase, not an adjective before a noun ("40m yearly profits")
PERIOD_ADVERB = re.compile(r"\s+(?P<adverb>annually|yearly|monthly|weekly|daily|hourly)\b"
                           r"(?=\s*(?:[.,;:!?)\]—–]|\Z|(?:in|on|at|to|for|from|by|and|or|but|since|until|over|"
                           r"while|with|according|as|than|under)\b))", re.IGNORECASE)
PERIOD_OF_ADVERB = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day",
                    "hourly": "hour"}
RATE_PERIOD = re.compile(r"\s+(?:a|per|each|every)\s+(?:year|month|week|day)\b|\s+annually\b", re.IGNORECASE)
MAGNITUDE_BEFORE = re.compile(r"\b(?:magnitude|Magnitude)[\s-]+$")
MAGNITUDE_AFTER = re.compile(r"[\s-]magnitude\b", re.IGNORECASE)


VIDEO_LINES = {240, 360, 480, 576, 720, 1080, 1440, 2160, 4320}  # "1080p" is a screen, not pence
PENCE_AFTER = re.compile(r"p(?![\w’'])")
NAME_COMMA_BEFORE = re.compile(r"\b[A-Z][a-z][\w’'-]*[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z](?:[a-z]|[’'][A-Z])[\w’'-]*"
                               r"(?:[ \t]+(?:Jr|Sr)\.?)?,[ \t]*$")  # "Richard Hale, " before "58,"
AGE_BEFORE = re.compile(r"\b(?:aged|(?:the\s+)?ages?\s+of)\s+$", re.IGNORECASE)
# "people over 65", "children under five": a group of people over or under a bare figure is an age
PEOPLE_BEFORE = re.compile(r"\b(?:people|adults|those|men|women|patients|children|anyone|residents|workers|voters|"
                           r"pensioners|drivers)\s+$", re.IGNORECASE)


def _age_start(body: str, start: int, word: str | None = None) -> int | None:
    """Where the age phrase ending at `start` begins ("aged", "the age of", or "over" after "people"),
    when the figure at `start` (with its qualifier) is an age."""
    word = _last_word(body, start).lower() if word is None else word  # `word`: the word before, lower-cased
    if word in ("aged", "of"):  # the regex runs only after one of its last words
        m = AGE_BEFORE.search(body, max(0, start - 16), start)
        return m.start() if m else None
    if body[start:start + 5].lower() in ("over ", "under") and PEOPLE_BEFORE.search(body, max(0, start - 16), start):
        return start
    return None


def _magnitude_span(body: str, start: int, end: int) -> tuple[int, int] | None:
    """"magnitude 6.8", "a 6.8-magnitude quake": an earthquake's size, which a bare count would misread."""
    before = MAGNITUDE_BEFORE.search(body, max(0, start - 12), start)
    if before:
        return before.start(), end
    after = MAGNITUDE_AFTER.match(body, end)
    return (start, after.end()) if after else None


# a measure's conversion in brackets: "40 miles (64 km)", "minus 4C (25F)"
UNIT_CONVERSION = re.compile(rf"\s*\((?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?"
                             rf"(?P<num>[-−]?{DIGITS})\s?(?P<unit>{UNIT_RE})\)", re.IGNORECASE)


def _spaced_ok(converted: re.Match) -> bool:
    """"(25F)" is Fahrenheit; "(25 f)" is not (see GLUED_ONLY)."""
    return not (_unit_key(converted["unit"]) in GLUED_ONLY and converted.group()[converted.start("unit") - converted.start() - 1].isspace())


def _unit_key(text: str) -> str:
    return " ".join(text.lower().split())


def _with_value(m: re.Match, approx: _Approx, start: int, end: int, kind: str, number: float, extra: dict) -> tuple:
    value = {"number": clean_number(number), **extra}
    word = " ".join(approx.text.lower().split())
    if word and word not in EXACT_QUALIFIERS:
        value["approx"] = True
        value["qualifier"] = word
        start = min(start, approx.start)
    return start, end, kind, value


_CONVERSION = re.compile(
    rf"\s*\((?:{_currency_symbols}\s?)?{DIGITS}(?:\s{{0,3}}(?:-\s{{0,2}})?{_scale}\b)?(?:\s+(?:{_currency_words}))?"
    rf"(?:\s*[,;/]\s*(?:{_currency_symbols}\s?)?{DIGITS}(?:\s{{0,3}}(?:-\s{{0,2}})?{_scale}\b)?(?:\s+(?:{_currency_words}))?)*\)",
    re.IGNORECASE,
)
_AMOUNT = re.compile(
    rf"(?P<cur>{_currency_symbols})?\s?(?P<num>{DIGITS})(?P<scale>\s{{0,3}}(?:-\s{{0,2}})?{_scale}\b)?(?:\s+(?P<word>{_currency_words})\b)?",
    re.IGNORECASE,
)


def _with_conversions(body: str, end: int) -> int:
    """"£12 billion ($18.2 billion, 17.1 billion euros)" stays one claim."""
    m = _CONVERSION.match(body, end)
    return m.end() if m else end


def _amounts(body: str, start: int, end: int) -> dict:
    amounts = []
    for a in _AMOUNT.finditer(body, start, end):
        if not (a["cur"] or a["word"]):
            continue
        value = digits_value(a["num"])
        scale = (a["scale"] or "").strip(" -").lower()
        value *= scale_factor(scale)
        cur = CURRENCY_SYMBOLS.get(re.sub(r"\s", "", a["cur"] or "").lower().rstrip("."), None) if a["cur"] else None
        if a["word"]:
            cur = CURRENCY_WORDS.get(a["word"].lower(), cur)
        amounts.append({"number": clean_number(value), "currency": cur or "USD"})
    return {"amounts": amounts} if len(amounts) > 1 else {}


NOUN_TOKEN = re.compile(r"\s+([A-Za-z][\w’'-]*)|-([a-z][\w’'-]*)")
NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
AGE_SUFFIX = re.compile(r"[\s-]olds?$|\s+of\s+age$")
AREA_PREFIX = re.compile(r"^(?:square\s+|sq\.?\s*|cubic\s+)")
RUN_PREFIX = re.compile(r"^(?:consecutive|straight|successive)\s+")


def _is_plural(word: str) -> bool:
    """"victims", "MPs", "people"; not "is", "bus", "glass"."""
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return True
    if word[:-1].isupper() and word.endswith("s") and len(word) > 2:
        return True
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "’s", "'s")) \
        and low not in STOP_WORDS


def _noun_phrase_end(body: str, pos: int, need_plural: bool = False, limit: int = 5, singular_ok: bool = True) -> int:
    """End of the noun phrase after a figure ("130 victims", "dozens of opposition Labour MPs");
    `singular_ok` False: one lone singular word is not what the figure counts ("aged 16 to 24 out of work")."""
    end = pos
    for _ in range(limit):
        m = NOUN_TOKEN.match(body, end, end + 60)
        if not m:
            break
        m_end = m.end() - end
        word = (m.group(1) or m.group(2)).rstrip("’'-")
        if not word or word.lower() in STOP_WORDS:
            break
        end += m_end
        while body[end - 1] in "’'-":  # a closing quote, not part of the noun
            end -= 1
        if _is_plural(word):
            return end
        if not need_plural and _ == 0 and not word[0].isupper():
            plural_end = _noun_phrase_end(body, end, need_plural=True, limit=limit - 1)
            if plural_end != end or singular_ok or m.group(2):  # "a 16-bit chip": a hyphened measure stays
                return plural_end
            return pos
    return end if not need_plural else pos
