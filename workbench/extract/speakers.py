"""Who a speaker mention refers to: "he" → the last person quoted, "the prime minister" →
the person given that title earlier ("British Prime Minister David Cameron"), "Cameron" →
"David Cameron", "state television" → itself."""
from __future__ import annotations

import bisect
from . import re_cached as re  # the re module, compiled code read from a file (re_cached.py)
from functools import lru_cache

from .given_names import gender_of_given_name
from .scan import all_starts, finditer_at, lowered_for_words, occurrences, word_choice

PRONOUNS = {"he", "she", "they", "i", "we", "it", "him", "her"}
# a quantifier as the subject of a speech verb stands for people the article names no further: "Yet another
# said", "Several said they would …"; it is its own speaker, never a title looked up ("another Republican")
QUANTIFIER_SUBJECTS = frozenset(("another", "others", "one", "several", "some", "many", "most", "both"))
TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sen", "rep", "gov", "gen", "col", "capt", "lt",
          "sgt", "rev", "sir", "dame", "lord", "lady", "judge", "justice", "mx", "st"}
ROLE_WORDS = {
    "president", "prime", "minister", "secretary", "chief", "councillor", "councilor", "senator", "governor",
    "mayor", "chancellor", "general", "director", "chairman", "chairwoman", "chair", "spokesman", "spokeswoman",
    "spokesperson", "leader", "commissioner", "ambassador", "representative", "congressman", "congresswoman",
    "speaker", "judge", "justice", "attorney", "officer", "inspector", "superintendent", "sheriff", "coach",
    "manager", "executive", "ceo", "founder", "editor", "professor", "economist", "analyst", "adviser",
    "advisor", "candidate", "nominee", "king", "queen", "prince", "princess", "pope", "bishop", "archbishop",
    "rabbi", "imam", "sen.", "rep.", "gov.", "deputy", "vice", "foreign", "defence", "defense", "home",
    "health", "transport", "finance", "interior", "education", "state", "labor", "labour", "justice",
    "commander", "colonel", "captain", "lieutenant", "sergeant", "admiral", "marshal", "secretary-general",
    "director-general", "mp", "mep", "lawmaker", "chair", "treasurer", "cabinet", "member", "shadow",
    "prosecutor", "detective", "constable", "coroner", "magistrate", "ombudsman", "auditor",
}
# someone who speaks for, or is close to, the name after them: "a spokesman for Mr. Trump", "a lawyer for the
# family", "a source close to Ms. Lee", "an aide to the governor". Who they speak for is not who speaks.
_AGENT_OF = (
    r"(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Tt]wo|[Ss]everal|[Ss]ome|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)[ \t]+"
    r"(?:[a-z][\w\-]*[ \t]+){0,2}?"
    r"(?:spokes(?:man|woman|person|people|men|women)|aides?|advis[eo]rs?|lawyers?|attorneys?|representatives?|"
    r"officials?|friends?|relatives?|sources?|staffers?|assistants?|wife|husband|son|daughter|brother|sister|"
    r"associates?|ally|allies|supporters?|backers?|critics?)"
    r"[ \t]+(?:for|of|to|close[ \t]+to|with)[ \t]+(?:the[ \t]+)?")
AGENT_OF_BEFORE = re.compile(rf"\b{_AGENT_OF}\Z")  # before a mention that is the name alone
AGENT_OF_START = re.compile(_AGENT_OF)  # opening a mention that holds it all
# letters after a name that are no part of it: "James Okafor KC", "Ann Lee MP"
POSTNOMINALS = {"kc", "qc", "mp", "mep", "msp", "obe", "mbe", "cbe", "phd"}
ORG_WORDS = {
    "group", "ministry", "council", "association", "agency", "department", "office", "service", "party",
    "union", "television", "tv", "news", "times", "post", "observatory", "organization", "organisation",
    "committee", "commission", "government", "administration", "bank", "company", "corporation", "inc", "ltd",
    "institute", "university", "house", "court", "police", "campaign", "foundation", "federation", "board",
    "authority", "watchdog", "network", "agency", "press", "journal", "telegraph", "guardian", "reuters",
    "bureau", "club", "league", "fund", "trust", "centre", "center", "statement", "report", "media", "coalition",
    "alliance", "debates", "caucus", "institution", "senate", "congress", "command", "patriarchate", "ministries",
    "forces", "army", "navy", "parliament", "assembly", "cabinet", "secretariat", "embassy", "consulate",
}
# a capitalised word, or an initial or title with its full stop ("J.", "Mr."); never across a line
_ABBREVIATED_TITLES = ("Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Jr", "Sr", "Lt", "Col", "Capt", "Prof")
_TOKEN = rf"(?:[A-Z]\.(?:[A-Z]\.)*|(?:{'|'.join(_ABBREVIATED_TITLES)})\.|[A-Z][\w’'\-]*)"
# the same token once its capital has been matched: "(?<=M)rs" is "Mrs" with the M already read. Written so
# that a failed match never backtracks into it (twice as fast for REPORTED_SPEAKER, which fails at most
# capitals): every pattern using it wants [ \t], "(", "," or \s after this token, and a shorter reading
# of it is followed by a letter, an apostrophe, a hyphen, a full stop or a capital instead; and the 15
# title look-behinds are tried only before 1-3 lower-case letters and a full stop, as every title is.
# tests/test_extract_scans.py holds both patterns using it equal to their plain forms.
_TOKEN_AFTER_CAPITAL = (r"(?:\.(?:[A-Z]\.)*+|(?=[a-z]{1,3}\.)(?:"
                        + "|".join(f"(?<={t[0]}){t[1:]}" for t in _ABBREVIATED_TITLES) + r")\.|[\w’'\-]*+)")
PARTICLES = {"de", "van", "von", "der", "al", "bin", "da", "di", "du", "la", "le"}
_PARTICLE = r"(?:de|van|von|der|al|bin|da|di|du|la|le)(?=\s+[A-Z])"  # "Bill de Blasio", "Ursula von der Leyen"
# rf"\b{_TOKEN}(?:…)+", written to open with a character class: the regex engine skips straight to the
# capitals instead of trying the pattern at every character (twice as fast). "(?<!\w.)" after the
# capital is the \b before it.
NAME_SEQUENCE = re.compile(rf"[A-Z](?<!\w.){_TOKEN_AFTER_CAPITAL}"
                           rf"(?:[ \t]+(?:{_TOKEN}|de|van|von|al|bin|da|di|du|la|le)(?=[ \t]|$|[,.;:!?’'\"”)]))+")
# capitalised only because they open a sentence: never the first word of a name
LEADING_NON_NAMES = {
    "the", "a", "an", "but", "and", "or", "so", "yet", "even", "when", "while", "if", "as", "then", "now", "still",
    "also", "after", "before", "though", "although", "because", "since", "once", "meanwhile", "however",
    "instead", "only", "both", "like", "unlike", "for", "with", "without", "in", "on", "at", "by", "from",
    # a question or a pointing word opening a sentence: "What Trump wants", "This Sanders voter", "Did Cruz"
    "what", "this", "that", "these", "those", "how", "why", "where", "who", "did", "does", "is", "was", "here", "there",
    "one", "another",  # "One California delegate said"
    # an adverb opening a sentence: "Maybe Trump knows", "Perhaps Clinton will", "Indeed Sanders did"
    "maybe", "perhaps", "indeed", "surely", "certainly", "clearly", "obviously", "apparently", "presumably",
    "thus", "hence", "today", "yesterday", "tonight", "again", "already", "just", "never", "not", "every",
}
# a word opening the clause a mention is read from, never part of it: "As Politico reported", "But he said"
OPENING_WORDS = ("and", "but", "as", "so", "then", "while", "that", "although", "though", "because", "since", "when",
                 "if", "once", "after", "before", "until", "unless", "whereas")
INVERTED_CUES = {"said", "says", "added", "asked", "wrote"}
PLACE_PREPOSITIONS = {"of", "from", "in", "at", "for", "with"}
POSSESSIVE = re.compile(r"[’']s\Z")
# "Former Secretary of State …": capitalised before a title, and still no name
TITLE_ADJECTIVES = {"former", "ex", "acting", "then", "late", "current", "outgoing", "incoming", "interim", "retired"}
NOT_NAME_WORDS = ROLE_WORDS | TITLES | TITLE_ADJECTIVES
PARTY_WORDS = {"democrat", "democratic", "republican", "conservative", "labour", "liberal", "tory", "independent"}
# words after a party that make a body of it, not a person: "Democratic National Convention", "Labour Friends"
NOT_A_FIRST_NAME = {"national", "senate", "house", "state", "county", "city", "friends", "socialists", "members",
                    "leaders", "lawmakers", "senators", "voters", "women", "men", "youth", "students", "governors"}
# the first word of a description, never of a name: "Her barrister", "The minister"
DESCRIPTION_OPENERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "one", "another"}
LOOK_BACK = 40  # people considered for a pronoun: bounded, so a hostile text stays linear
# a name that opens its sentence, after at most a few role words ("Union leader Sara Mills"), and goes on
# with a verb or an appositive: the sentence is about that person
# (or a description, then the name between commas: "The moderator, Sarah Lin, cut in.")
SUBJECT_OPENS = re.compile(r"(?:\A|(?P<last>\w+)[.!?][\"”’')]*[ \t]+|\n[ \t]*)"
                           r"(?P<role>(?:[A-Za-z][\w\-]*[ \t]+){0,3}|(?:The|Her|His|Their)[ \t]+(?:[a-z][\w\-]*[ \t]+){0,2}"
                           r"[a-z][\w\-]*,[ \t]+)\Z")
ROLE_MODIFIERS = {"former", "then", "acting", "senior", "junior", "local", "party", "union", "campaign", "police"}
# a sentence opening with a title in lower case and a verb: "The commissioner urged calm."
DESCRIBED_SUBJECT = re.compile(r"(?:(?<=[a-z0-9][.!?][ \t])|(?<=[a-z0-9][.!?][\"”’')][ \t])|(?<=\n))[ \t]*The[ \t]+"
                               r"(?P<role>[a-z][a-z\-]+(?:[ \t]+[a-z][a-z\-]+)?)(?=[ \t]+[a-z]+(?:ed|s)\b)")
SUBJECT_GOES_ON = re.compile(r"(?:[ \t]+[a-z]|,)")
# a sentence opening with a surname alone, or a title and a surname, then a verb: "Kaine did not see the point."
SURNAME_SUBJECT = re.compile(r"(?:(?<=[.!?][ \t])|(?<=[.!?][\"”’')][ \t])|(?<=\n))"
                             r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.[ \t]+)?(?P<name>[A-Z][\w’'\-]+)(?<![’']s)(?=[ \t]+[a-z])")
# "Franson Reneus, 18, from Lee County": a name with its age is a person, whatever the given name
AGE_AFTER = re.compile(r",[ \t]*\d{1,3},")
MAX_NAME_WORDS = 5  # "Martin Luther King Jr.", "Federico de la Torre"
QUOTE_LOOK_BACK = 3000  # how far back _inside_quote looks for the quote mark that opened
SUBJECT_REACH = 600  # a subject further back than a few sentences is not who a pronoun means
MALE = {"mr", "sir", "lord", "king", "prince"}
FEMALE_TITLES = {"mrs", "ms", "miss", "dame", "lady", "queen", "princess"}
GENDER_TITLE = re.compile("(?P<title>" + word_choice(["Mr", "Mrs", "Ms", "Miss", "Sir", "Dame", "Lord", "Lady", "King", "Queen",
                                                     "Prince", "Princess"]) + r")\.?[ \t]+"
                          r"(?P<name>[A-Z][\w’'\-]*\.?(?:[ \t]+[A-Z][\w’'\-]*\.?){0,3})")
# "Pike said she", "Pike and his wife", "Pike said her plan": the pronoun after a name is the name's. Not
# across an object pronoun ("Judge Amos told her she had…": "she" is the woman told), and "her" only
# where it is possessive, before a noun ("told her." / "asked her about" / "gave her the" are objects).
# (possessive name run: a shorter name is followed by a capital, which no pronoun or lower-case word matches)
# Up to three words before the pronoun, fewest first: "(?:|W(?:|W(?:|W)))" is what "W{0,3}?" matches, in the
# same order, and the optional parenthesis "(?:X|)" what "(?:X)?" does; as branches they are not counted
# repeats, which allocate at each of a body's ~135 capitals (a tenth of this scan's time).
_WORD_BEFORE_PRONOUN = r"(?!(?:her|him|them|me|us)\b)[a-z]+\s+"
_W = _WORD_BEFORE_PRONOUN
NAME_THEN_PRONOUN = re.compile(r"(?P<name>[A-Z](?<!\w.)[\w’'\-]++(?:[ \t]+[A-Z][\w’'\-]++){0,3}+)"
                               r"(?:\s*\([^()\n]{0,20}\)|)"
                               rf"\s+(?:|{_W}(?:|{_W}(?:|{_W})))"
                               r"(?P<pron>he|she|his|her(?=\s+(?!(?:to|about|that|she|he|it|and|or|for|on|in|at|"
                               r"with|by|of|from|as|if|when|why|how|what|whether|the|a|an|this|these|those|his|"
                               r"her|their|its|our|my|your|some|any|no|up|out|off|down|back|over|into)\b)[a-z]))\b")
# a title the article may use for someone it introduced by another: British secretaries of state are
# ministers, and are called "the minister" later
ROLE_ALIASES = {"minister": "secretary"}
LEADER_TITLES = ("president", "prime minister", "chancellor", "premier")  # what "the French leader" may have been
MAX_ROLES = 200  # distinct titles looked up per article; real articles use a handful
# the run of name tokens a mention ends with: "Laura Pemberton" in "executive Laura Pemberton"
TRAILING_NAME = re.compile(rf"(?<![\w’'\-.]){_TOKEN}(?:[ \t]+(?:{_TOKEN}|{_PARTICLE}))*\Z")
PLACE_TAIL = re.compile(rf"(?<=[\w.])[ \t]+(?:of|from)[ \t]+(?:the[ \t]+)?{_TOKEN}(?:[ \t]+(?:{_TOKEN}|{_PARTICLE}))*\Z")
# ", Simon Hale," after a description: a name of two or more words standing alone between commas
APPOSITIVE_NAME = re.compile(rf",[ \t]*({_TOKEN}(?:[ \t]+{_TOKEN})+)[ \t]*,")
# a name that speaks: "Karen Wu said", "Fowler argued", "Simon Hale, her barrister, told", "Wu (D-Ore.) has
# said"; up to two asides between them, as in quotes.py
# possessive (*+, {1,90}+): giving back a name token or part of an aside can never let the lower-case verb
# match, and the backtracking was a fifth of this scan's time; nor can giving back an adverb (no verb
# starts like one). The optional parenthesis and asides are written "(?:X|)", which is what "(?:X)?"
# matches, tried in the same order: the engine runs "?" on a group as a counted repeat, which allocates
# at each of the ~135 capitals a body has; a branch does not (a fifth of this scan's time again).
_ASIDE = r"[^,;\"“”«»\n]{1,90}+"
REPORTED_SPEAKER = re.compile(
    rf"[A-Z](?<!\w.){_TOKEN_AFTER_CAPITAL}(?:[ \t]+(?:{_TOKEN}|{_PARTICLE}))*+"
    rf"(?:\s*\([^()\n]{{1,24}}\)|)(?:,(?:{_ASIDE}(?:,{_ASIDE}(?:,{_ASIDE}|)|),|)|)\s+"  # "Ann Lee, 29, of Mobile, Ala., says"
    r"(?:(?:has|had|have|also|then|later|again|previously|repeatedly)\s+)*+"
    r"(?:said|says|told|tells|added|argued|warned|insisted|claimed|stated|explained|announced|confirmed|wrote|"
    r"testified|admitted|acknowledged|noted|replied|agreed|described|suggested|predicted|responded|countered|"
    r"disagreed|retorted|answered|asked|objected|conceded|interjected|shot\s+back|fired\s+back|pushed\s+back|"
    r"disputed|rejected|dismissed|defended|denied|complained|promised|vowed|pledged|urged|"
    r"argues|adds|notes|writes|explains|insists|warns|claims|asks|replies|recalls|admits|contends|predicts|"
    r"points\s+out|pointed\s+out)\b")
REPORTED_NAME = re.compile(rf"{_TOKEN}(?:[ \t]+(?:{_TOKEN}|{_PARTICLE}))*")
# the same with the verb first: "…, said James Henson, director of the project" / "according to Dr. Ana Ruiz"
# ("said former minister Ana Ruiz"), never what the cue reports ("said that what the United States needs")
# or where it was said ("said in Washington")
_NOT_BEFORE_SPEAKER = r"(?!(?:that|what|which|whether|if|how|why|when|where|while|because|it|he|she|they|we|his|her|" \
                      r"their|its|in|on|at|of|to|for|with|and|but|or|as)[ \t])"  # "according to a post from X" is X's
# (a cue after a clause, "…, noted Dana Chinni": "argued the United States had fallen" names what was argued)
REPORTED_AFTER_CUE = re.compile(r"(?:(?<=[,\"”’'—–][ \t])(?:said|says|added|wrote|noted|explained|argued|tweeted)\b|said\b|says\b"
                                r"|according[ \t]+to\b)" + rf"[ \t]+(?:{_NOT_BEFORE_SPEAKER}[a-z][\w’'\-]*[ \t]+){{0,4}}?"
                                rf"(?P<name>{_TOKEN}(?:[ \t]+(?:{_TOKEN}|{_PARTICLE}))+)")
# Every match of these two opens with one of its words, written in this case: the scan is tried only where
# str.find finds one (a C search), not at each s, a and w, or each capital, of the body
_AFTER_CUE_WORDS = ("said", "says", "added", "wrote", "noted", "explained", "argued", "tweeted", "according")
# (Mrs and Princess are found with Mr and Prince)
_GENDER_TITLE_WORDS = ("Mr", "Ms", "Miss", "Sir", "Dame", "Lord", "Lady", "King", "Queen", "Prince")


def finditer_at_words(pattern: re.Pattern[str], body: str, words: tuple[str, ...]) -> list[re.Match[str]]:
    """pattern.finditer(body), for a pattern whose every match starts with one of `words` (as written)."""
    return finditer_at(pattern, body, occurrences(body, words))


# a name after one of these is part of a longer name or an object: "the Commission on Presidential Debates
# announced", "a professor in New Jersey, described"
_NAME_WORD = re.compile(r"[A-Z][a-z’'\-]+")  # "Starmer", "O'Neill", "Lloyd-Webber"; not "GOP", "II", "X2"
_THE_BEFORE = re.compile(r"\b[Tt]he\s+\Z")
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s")
_VERB_AFTER_NAME = re.compile(r"[ \t]+[a-z]")  # "Keir Starmer spoke", not "Keir Starmer’s plan"
_BEFORE_NON_SUBJECT = re.compile(r"\b(?:of|on|for|in|at|from|to|by|with|the|a|an)\s+\Z", re.IGNORECASE)
# a title with its "of" right before a name run: "Secretary of " (State John Kerry), "Chief of " (Staff Katie Walsh)
TITLE_OF = re.compile(r"\b(?:" + "|".join(sorted(w.capitalize() for w in ROLE_WORDS if w.isalpha())) + r")[ \t]+of[ \t]+\Z")
NAME_RUN_BEFORE_OF = re.compile(rf"(?<![\w’'\-.])({_TOKEN}(?:[ \t]+{_TOKEN})+)[ \t]+of[ \t]+\Z")
PLACE_BEFORE = re.compile(r"\b(?:of|in|from|at)[ \t]+[A-Z][\w’'.\-]*(?:[ \t]+[A-Z][\w’'.\-]*)*,[ \t]*\Z")
AND = re.compile(r"\s+(?:and|&)\s+(?=[A-Z])")
PARENTHESIS = re.compile(r"\s*\([^()\n]*\)")


def _without_parentheses(text: str) -> str:
    # PARENTHESIS opens with \s*, so the engine tries it at every character: most mentions hold no "("
    return PARENTHESIS.sub("", text) if "(" in text else text
# compiled here rather than as f-strings at each call: re's own cache hides the compile, not the look-up
# "Zoë Whitfield, the cabinet member…": the name run that ends right before an appositive's comma
_NAME_RUN_BEFORE_ASIDE = re.compile(rf"({_TOKEN}(?:\s+{_TOKEN})+),\s*$")
# "Jane Roe, who said": the name a relative pronoun stands for
_NAME_BEFORE_RELATIVE = re.compile(rf"({_TOKEN}(?:[ \t]+{_TOKEN})*)[ \t,]*$")
POSSESSIVE_PRONOUNS = {"his", "her", "their", "its"}
DESCRIPTION_WITH_PLACE = re.compile(r"(?i:the|an?|his|her|their|its|our|one|another)\s+(?:[a-z][\w’'\-]*\s+){1,4}?"
                                    r"(?:of|in|from|at|for|with)\s+(?:the\s+)?[A-Z][\w’'\-.]*"
                                    r"(?:\s+(?:[A-Z][\w’'\-.]*|of|for|and|the|de))*\Z")
POSSESSED = re.compile(r"(?:[’']s?|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts))[ \t]+\Z")  # "Pike's spokesman Ann Lee"
_DETERMINER_OPENING = re.compile(r"^(?:the|a|an|his|her|their|its)\s+", re.IGNORECASE)


def _abbreviation(word: str) -> bool:
    """A word whose stop does not end a sentence: "Govs.", "Mr.", the "S" of "U.S."."""
    return word.lower().rstrip("s") in TITLES or len(word) == 1 and word.isupper()


def is_pronoun(text: str) -> bool:
    return text.strip().lower() in PRONOUNS


def is_organisation(name: str) -> bool:
    return any(t.lower().strip(".") in ORG_WORDS for t in name.split())


# the words clean_name drops from a name's front, built once (not per loop test)
_DROPPED_LEADING = frozenset(LEADING_NON_NAMES | TITLE_ADJECTIVES)


# A pure function of its text, called ~40 times per article, mostly on the same few names (every name
# run is cleaned for the surname index, again for each pronoun looked back over): cached. Bounded, so a
# hostile text of endless distinct names holds at most a few megabytes.
@lru_cache(maxsize=8192)
def clean_name(text: str) -> str:
    """"British Prime Minister David Cameron" → "David Cameron"; "Mr. Obama" → "Obama"."""
    tokens = _without_parentheses(text).split()  # "Tomas Reyes (D-Ore.)": party and state are not the name
    while len(tokens) > 1 and tokens[0].lower() in _DROPPED_LEADING:  # "But Megan Hester"
        tokens = tokens[1:]
    # "Republican Donald Trump": a party before a person's first name is no part of the name (it is part of
    # "Republican National Committee" and "Democratic National Convention")
    if len(tokens) > 2 and tokens[0].lower() in PARTY_WORDS and (
            gender_of_given_name(" ".join(tokens[1:]))  # a given name we know, or a name of two or three
            # capitalised words none of which names an organisation ("Republican Dana Whitfield")
            or len(tokens) <= 4 and all(t[:1].isupper() and t.lower().strip(".,") not in ORG_WORDS
                                        and t.lower() not in NOT_A_FIRST_NAME for t in tokens[1:])):
        tokens = tokens[1:]
    # "Said Gareth Lloyd, …": the inverted cue, not a first name; "Said Jalili" (two words) keeps it
    if len(tokens) > 2 and tokens[0].lower() in INVERTED_CUES:
        tokens = tokens[1:]
    head = _head_of_place_phrase(tokens)
    if head is None:  # an organisation named with its own "of": "the Department of Homeland Security"
        return " ".join(tokens[1:] if tokens[0].lower() in DESCRIPTION_OPENERS else tokens).strip(" ,.;:’'")
    tokens = head
    if len(tokens) > 1 and tokens[-1][:1].isupper() and tokens[-1].lower().strip(".") in ORG_WORDS \
            and not gender_of_given_name(" ".join(tokens[-2:])):  # "Mayor Don Guardian" is a man
        # an organisation's whole name, though a word of it names a role: "the State Department", "the
        # Health Ministry" (not "Department", "Ministry")
        start = len(tokens) - 1
        while start > 0 and tokens[start - 1][:1].isupper():
            start -= 1
        return " ".join(tokens[start:]).strip(" ,.;:’'")
    last_role = -1
    for i, t in enumerate(tokens[:-1]):
        low = t.lower().rstrip(".,")
        if (low in ROLE_WORDS or low in TITLES or not t[:1].isupper()) and not (low in PARTICLES and i > 0):
            last_role = i
    name = tokens[last_role + 1:] or tokens
    while len(name) > 2 and name[-1].isupper() and name[-1].lower().strip(".,") in POSTNOMINALS:
        name = name[:-1]
    # "CNN's Gloria Borger", "Florida's Rick Wilson": whose or where from, then the person's name
    for i in range(len(name) - 3, -1, -1):
        if POSSESSIVE.search(name[i]) or name[i].endswith(("s’", "s'")):  # "RealClearPolitics’ David Byler"
            name = name[i + 1:]
            break
    return " ".join(name).strip(" ,.;:’'")


def _head_of_place_phrase(tokens: list[str]) -> list[str] | None:
    """"Chancellor Angela Merkel of Germany", "Holger Schmieding of Berenberg": a named person followed by
    where they are from or work is that person, not the place (and "said Trump of Clinton" is Trump's). An organisation's own "of" stays whole
    ("the Department of Homeland Security"); a role before it is left to the caller ("Secretary of State
    John Kerry", "the senator from Vermont"). None where the tokens are one organisation's name."""
    for i, t in enumerate(tokens):
        if i == 0 or t not in PLACE_PREPOSITIONS:
            continue
        tail = tokens[i + 1:]
        if not tail or not all(w[:1].isupper() or w in ("the", *PARTICLES) for w in tail):
            return tokens
        head = tokens[:i]
        if head[-1][:1].isupper() and is_organisation(head[-1]):
            return None
        # a name ends the head ("Representative Peter T. King", whose surname is also a title), not only a
        # title or a role ("the Duchess of Cambridge", "Secretary of State John Kerry")
        named = head[-1][:1].isupper() and any(w[:1].isupper() and w.lower().rstrip(".,") not in NOT_NAME_WORDS
                                               for w in head)
        return head if named else tokens
    return tokens


class SpeakerResolver:
    """Resolves speaker mentions in one article; remembers who has been quoted so far."""

    def __init__(self, body: str):
        self.body = body
        self._index = _index_of(body)
        self._roles: set[str] = set()  # titles this resolver looked up, for MAX_ROLES
        self.persons: list[tuple[int, str]] = []  # (position, name) of people quoted, in order

    @property
    def names(self) -> list[tuple[int, str]]:
        if self._index.names is None:
            self._index.names = [(m.start(), m.group()) for m in NAME_SEQUENCE.finditer(self.body)]
        return self._index.names

    def note_speaker(self, name: str, position: int) -> None:
        # a description the resolver could not name ("Her barrister") is nobody a later "she" can mean
        # nor is a common word that opens a sentence ("Demonstrators said they want …", "Particularly in …"):
        # one word the article also writes in lower case
        # and a phrase with lower-case words is a thing ("Trump's gloomy tone said"), not a person
        words = name.split()
        # nor a name after a preposition: "voters with Bernie Sanders T-shirts stood", "Aris Shirvanian of the
        # Armenian Patriarchate told": it is what the subject is or has, not the subject
        if not is_organisation(name) and name[:1].isupper() and words[0].lower() not in DESCRIPTION_OPENERS \
                and not _BEFORE_NON_SUBJECT.search(self.body, max(0, position - 8), position) \
                and not (len(words) == 1 and self._index.in_lower_case(name)) \
                and all(w[:1].isupper() or w in PARTICLES for w in words):
            self.persons.append((position, name))

    @property
    def reported(self) -> list[tuple[int, str]]:
        """(position, full name) of every person the article names as saying something, quoted or not:
        "Detective Inspector Karen Wu said the inquiry took 18 months. "…," she said" is Wu's."""
        if self._index.reported is None:
            reported = []
            for m in REPORTED_SPEAKER.finditer(self.body):
                pos = m.start()
                run = REPORTED_NAME.match(self.body, pos).group()
                if PLACE_BEFORE.search(self.body, max(0, pos - 40), pos):
                    continue  # "Stacy Baker of Columbia, South Carolina says": the state, not a speaker
                if _BEFORE_NON_SUBJECT.search(self.body, max(0, pos - 8), pos):
                    # "Secretary of State John Kerry said", "Chief of Staff Katie Walsh explained": a title's
                    # "of"; the name starts at the first given name
                    title = TITLE_OF.search(self.body, max(0, pos - 30), pos)
                    given = next((i for i, w in enumerate(run.split()[:-1]) if gender_of_given_name(w + " X")), None)
                    if not title or not given:
                        continue
                    run = " ".join(run.split()[given:])
                name = self._named(run, pos)
                words = name.split()
                if 2 <= len(words) <= MAX_NAME_WORDS and not is_organisation(name) \
                        and words[0].lower() not in DESCRIPTION_OPENERS \
                        and words[0].lower() not in LEADING_NON_NAMES:
                    reported.append((pos, name))
            for m in finditer_at_words(REPORTED_AFTER_CUE, self.body, _AFTER_CUE_WORDS):
                name = self._named(m.group("name"), m.start("name"))
                words = name.split()
                if 2 <= len(words) <= MAX_NAME_WORDS and not is_organisation(name) \
                        and words[0].lower() not in LEADING_NON_NAMES:
                    reported.append((m.start("name"), name))
            reported.sort()
            self._index.reported = reported
        return self._index.reported

    def trim_mention(self, start: int, end: int) -> tuple[int, int] | None:
        """The speaker mention inside a matched phrase; an appositive points back at the name. Never a
        mention cut inside a word ("a Boston-based US la" of "lawyer", where a window ended mid-word)."""
        mention = self._trim(start, end)
        if mention is None:
            return None
        start, end = mention
        if end < len(self.body) and self.body[end - 1].isalnum() and self.body[end].isalnum() \
                or start > 0 and self.body[start - 1].isalnum() and self.body[start].isalnum():
            return None  # "at t(he) time", "r(Votes)": a pattern read a mention out of a longer word
        return mention

    def _trim(self, start: int, end: int) -> tuple[int, int] | None:
        text = self.body[start:end]
        lead = len(text) - len(text.lstrip(" ,;:—–-"))
        start += lead
        while end > start and self.body[end - 1] in " ,;:.—–-":
            end -= 1
        if end <= start:
            return None
        words = self.body[start:end].split()
        if words and words[0].lower() in OPENING_WORDS:
            if len(words) == 1:
                return None  # "While saying …": an opening word alone names nobody
            start += len(words[0]) + 1
            while start < end and self.body[start].isspace():
                start += 1
        # "Archbishop Aris Shirvanian of the Armenian Patriarchate told" → the person, not where they are from
        of = NAME_RUN_BEFORE_OF.search(self.body, max(0, start - 80), start)
        if of and not is_organisation(clean_name(of.group(1))):
            return of.start(1), of.end(1)
        # "Zoë Whitfield, the cabinet member for housing, said" → the name before the appositive
        if self.body[start:end][:1].islower() and self.body[end:end + 1] == ",":  # an aside closes with a comma
            before = self.body[max(0, start - 80):start]
            m = _NAME_RUN_BEFORE_ASIDE.search(before)
            if m:
                return start - len(before) + m.start(1), start - len(before) + m.end(1)
        # "executive Laura Pemberton" (a role read in lower case before the name) → the name
        if self.body[start:start + 1].islower() and self.body[start:end].split()[0].lower() not in DESCRIPTION_OPENERS:
            # "former Gov. Bill Richardson of New Mexico": the name before where the person is from
            place = PLACE_TAIL.search(self.body, start, end)
            m = TRAILING_NAME.search(self.body, start, place.start() if place else end)
            if m and m.start() > start:
                return m.start(), end
        # "Her barrister, Simon Hale, said" → the name the description is given right after it
        if self.body[end - 1:end].islower():
            m = APPOSITIVE_NAME.match(self.body, end)
            if m:
                return m.start(1), m.end(1)
        return start, end

    def resolve(self, start: int, end: int) -> str:
        mention = self.body[start:end].strip()
        agent = AGENT_OF_BEFORE.search(self.body, max(0, start - 80), start) if mention[:1].isupper() else None
        if agent:  # "a spokesman for Mr. Trump said": the spokesman speaks, whom the story does not name
            return " ".join(self.body[agent.start():end].split()).rstrip(" ,.;:")
        whole = AGENT_OF_START.match(mention)
        if whole and whole.end() < len(mention):
            return " ".join(mention.split()).rstrip(" ,.;:")
        low = mention.lower()
        if low in QUANTIFIER_SUBJECTS:
            return mention
        if low in ("which", "who"):
            before = self.body[max(0, start - 80):start]
            m = _NAME_BEFORE_RELATIVE.search(before)
            return clean_name(m.group(1)) if m else mention
        if low in PRONOUNS:
            if low in ("he", "she", "him", "her"):
                person = self._last_person_before(start, "m" if low in ("he", "him") else "f")
                if person:
                    return person
            return mention
        bare = _without_parentheses(mention).split() or [mention]
        # a description, "the transport secretary", "Pike's campaign manager", also when it says where the
        # person is from: "The mayor of London" is not London, nor "a professor at Yale University" Yale
        if not bare[-1][:1].isupper() or DESCRIPTION_WITH_PLACE.match(mention.rstrip(' ,.;:')):
            role = _DETERMINER_OPENING.sub("", mention)
            if low.split()[0] in POSSESSIVE_PRONOUNS:
                # "his spokesman": someone's, so not whoever the article called "police spokesman" before
                given = self._given_role(role, start)
                return given[1] if given and POSSESSED.search(self.body, max(0, given[0] - 12), given[0]) else mention
            named = self._named_by_role(role, start) or _named_organisation(self.body, role, start) \
                or self._described_person(mention, role, start)
            return named or mention
        if AND.search(mention):  # "Pike and Ruiz": both speak
            return " and ".join(self._named(part.strip(), start) for part in AND.split(mention, maxsplit=1))
        return self._named(mention, start)

    def _named(self, mention: str, start: int) -> str:
        name = POSSESSIVE.sub("", clean_name(mention))  # "Pyongyang's claims": Pyongyang claims
        if len(name.split()) == 1:
            # "the Observatory said": the body named in full before ("the Syrian Observatory for Human Rights")
            title = mention.split()[0].lower().rstrip(".") if len(mention.split()) > 1 else ""
            gender = "m" if title in MALE else "f" if title in FEMALE_TITLES else None
            return (name.lower() in NAMED_BODIES and _named_organisation(self.body, name, start)) \
                or self._full_name(name, start, gender) or self._family_name_first(name, start, gender) or name
        return name

    def _last_person_before(self, position: int, gender: str | None = None) -> str | None:
        """The person a "he"/"she" at `position` stands for: the most recent person quoted or reported
        as saying something whose gender fits (see gender_of), else the most recent such person named
        in full ("Jimmy Tompkins" or "Mr. Obama", never "in New Jersey" or a dateline)."""
        # whoever spoke last, in a quote or in reported speech; if nobody fits, the same without what the
        # surname alone suggests ("Ivanka Trump" in an article where every bare "Trump" is a "he")
        for by_surname in (True, False):
            best: tuple[int, str] | None = None
            for people in (self.persons, self.reported):
                i = bisect.bisect_left(people, (position, "")) - 1
                for at, name in people[max(0, i - LOOK_BACK):i + 1][::-1]:
                    if self._fits(name, gender, by_surname):
                        if best is None or at > best[0]:
                            best = (at, name)
                        break
            if best:
                subject = self._sentence_subject_after(best[0], position, gender)
                return subject or best[1]
        i = bisect.bisect_left(self.names, (position, "")) - 1
        for at, seq in self.names[max(0, i - LOOK_BACK):i + 1][::-1]:
            name = POSSESSIVE.sub("", clean_name(seq))  # "Mrs. Clinton's plan": Clinton
            titled = len(name.split()) == 1 and seq.split()[0].lower().rstrip(".") in TITLES  # "Mr. Obama"
            # a run of more capitalised words than a name has is a headline's ("Things To Know About …")
            if (2 <= len(name.split()) <= MAX_NAME_WORDS or titled) and not name.isupper() and not is_organisation(name) \
                    and (self._person_of(name, gender) or AGE_AFTER.match(self.body, at + len(seq))
                         or self.gender_of(name) is None and seq.startswith(name)
                         and self._subject_just_before(name, at, position)) \
                    and not _BEFORE_NON_SUBJECT.search(self.body, max(0, at - 8), at) \
                    and (at == 0 or self.body[at - 1] not in '"“'):  # "Thank God…" opens a quote, it names nobody
                return (self._full_name(name, at) or name) if titled else name
        return None

    def _subject_just_before(self, name: str, at: int, position: int) -> bool:
        """Whether a name of unknown gender may still be the "he" or "she" at `position`: it opens the
        sentence just before ("Keir Starmer spoke in Leeds. '…,' he said."), written as a person's name is
        (two or three capitalised words, none in capitals or with a digit), and nobody else came between.
        Given names the lists do not hold are most names of other countries' news; a medal, a war or a
        place ("Purple Heart", "World War II") rarely opens the sentence before a "he said"."""
        words = name.split()
        if not 2 <= len(words) <= 3 or not all(_NAME_WORD.fullmatch(w) for w in words) \
                or any(self._index.in_lower_case(w) for w in words) or is_organisation(name):
            return False  # "Islamic State", "Wall Street": the article writes "state", "street" as words too
        before = self.body[max(0, at - 3):at]
        if at and not (before.endswith("\n") or before.rstrip(' "“”’').endswith((".", "!", "?"))):
            return False  # not where a sentence opens
        if not _VERB_AFTER_NAME.match(self.body, at + len(name)):
            return False  # "Regarding Trump’s rhetoric …": the name is not the sentence's subject
        return len(_SENTENCE_END.findall(self.body, at, position)) <= 1

    def _person_of(self, name: str, gender: str | None) -> bool:
        """Whether a run of capitals may be the person a he or she stands for, when no nearer clue named
        anyone: only if its given name or the article says it is of that gender. A run nothing is known of is
        as often a medal, a war or a place ("Purple Heart", "World War II", "Islamic State") as a person, and
        on 840 PolNeAR articles leaving such a pronoun to the next clue was right about six times as often.
        """
        return gender is None or self.gender_of(name) == gender

    def _sentence_subject_after(self, after: int, position: int, gender: str | None) -> str | None:
        """A person named as the subject of a sentence between `after` (the last speaker) and `position`,
        whose given name or title says this gender: 'Union leader Sara Mills was blunt. "…," she said' is
        Mills's, not the last woman quoted. The nearer of the two is who a reader takes "she" to be."""
        if gender is None:
            return None
        # a subject further back than a few sentences is not who a pronoun means; one within them is, even
        # when the last speaker is further back still
        after = max(after, position - SUBJECT_REACH)
        # "The commissioner urged calm.": a title given to a named person earlier
        described = None
        # every match holds "The": without one the pattern's look-behinds are not tried at every character
        openings = DESCRIBED_SUBJECT.finditer(self.body, after, position) if self.body.find("The", after, position) != -1 else ()
        for m in openings:
            given = self._given_role(m.group("role"), m.start("role"))
            if given and not self._inside_quote(m.start("role")) and self.gender_of(given[1], False) == gender:
                described = (m.start("role"), given[1])
        i = bisect.bisect_left(self.names, (position, "")) - 1
        while i >= 0 and self.names[i][0] > max(after, described[0] if described else 0):
            at, seq = self.names[i]
            i -= 1
            name = POSSESSIVE.sub("", clean_name(seq))  # "Mark Barden’s group": Barden
            # a person's name by its given name or title, not what a pronoun after it suggests ("South
            # Carolina … he"): a place opening a sentence is no subject a "he" means
            if not 2 <= len(name.split()) <= MAX_NAME_WORDS or is_organisation(name) \
                    or self.gender_of(name, False) != gender \
                    or not (gender_of_given_name(name) or self._titled(name)):
                continue
            opens = SUBJECT_OPENS.search(self.body, max(0, at - 60), at)
            if opens and not _abbreviation(opens.group("last") or "") \
                    and SUBJECT_GOES_ON.match(self.body, at + len(seq)) and not self._inside_quote(at) \
                    and all(w[:1].isupper() or w.lower() in ROLE_WORDS or w.lower() in PERSON_NOUNS
                            or w.lower() in ROLE_MODIFIERS for w in opens.group("role").replace(",", " ").split()):
                return self._surname_subject(max(at, after), position, gender) or name
        return self._surname_subject(max(after, described[0] if described else 0), position, gender) \
            or (described[1] if described else None)

    def _surname_subject(self, after: int, position: int, gender: str) -> str | None:
        """The last sentence in (after, position) that opens with a surname given in full before and a verb:
        'Kaine did not see the point. "…," he said' is Tim Kaine's."""
        found = None
        for m in SURNAME_SUBJECT.finditer(self.body, after, position):
            before = self.body[max(0, m.start() - 8):m.start()].split()
            if before and _abbreviation(before[-1].rstrip(".\"”’')")):
                continue  # "… that Mr. Trump was": the stop of a title, not a sentence's end
            full = self._full_name(m.group("name"), m.start("name"))
            # not a surname two people of the article share ("Alastair Osman … Richard Osman")
            if full and self.gender_of(full, False) == gender and not self._surname_shared(m.group("name")) \
                    and not self._inside_quote(m.start("name")):
                found = full
        return found

    def _inside_quote(self, at: int) -> bool:
        """Whether `at` is inside a quote opened earlier in its paragraph: a name in someone's words
        ("… I believe Donald Trump is …") is not a subject the reporter wrote."""
        # a paragraph longer than QUOTE_LOOK_BACK is read from there: a text of one endless line stays linear
        line_start = max(self.body.rfind("\n", max(0, at - QUOTE_LOOK_BACK), at) + 1, at - QUOTE_LOOK_BACK, 0)
        # (and the doubled apostrophes some archives print quotes with: ''…'')
        return (sum(map(self.body.count, '"“”', [line_start] * 3, [at] * 3))
                + self.body.count("''", line_start, at)) % 2 == 1

    def _fits(self, name: str, gender: str | None, by_surname: bool = True) -> bool:
        return gender is None or self.gender_of(name, by_surname) in (None, gender)

    def gender_of(self, name: str, by_surname: bool = True) -> str | None:
        """What the article says of this full name ("Mr. Pike", "Pike said she"), else what the first name
        usually goes with, else what the article says of the surname alone."""
        full, _ = self.genders
        if not name:
            return None
        given = gender_of_given_name(name)
        if name in full:
            if given and given != full[name] and not self._titled(name):
                return given  # "Judge Anne Marlow said he had shown no remorse": the "he" is someone else
            return full[name]
        if given or not by_surname:
            return given
        return self._gender_by_surname(name)

    def _titled(self, name: str) -> bool:
        """Whether the article gives this full name a title that says its gender ("Ms. Ann Lee")."""
        if self._index.titled is None:  # one scan per body, however many names are asked about
            self._index.titled = {m.group("name") for m in GENDER_TITLE.finditer(self.body)}
        return name in self._index.titled

    def _gender_by_surname(self, name: str) -> str | None:
        _, surnames = self.genders
        surname = name.split()[-1]
        if self._surname_shared(surname):
            return None  # "Rita Lowe" and "Keith Lowe": what "Lowe" is called says nothing of either
        return surnames.get(surname)

    def _surname_shared(self, surname: str) -> bool:
        """Whether more than one full name of the article ends with this surname."""
        shared = self._index.shared
        if surname not in shared:
            self._full_name(surname, 0)  # builds the surname index
            shared[surname] = len(set((self._index.by_surname or {}).get(surname, ([], []))[1])) > 1
        return shared[surname]

    @property
    def genders(self) -> tuple[dict[str, str], dict[str, str]]:
        """Full name → "m"/"f" by majority, and surname → "m"/"f" where every mention agrees, as the
        article itself says it: a title (Mr., Ms.) or the pronoun after the name ("Pike said she")."""
        if self._index.genders is None:
            full: dict[str, list[int]] = {}
            last: dict[str, list[int]] = {}
            for m in finditer_at_words(GENDER_TITLE, self.body, _GENDER_TITLE_WORDS):
                _vote(full, last, m.group("name"), m.group("title").lower() in MALE)
            for m in NAME_THEN_PRONOUN.finditer(self.body):
                _vote(full, last, m.group("name"), m.group("pron") in ("he", "his"))
            self._index.genders = ({k: "m" if v[0] > v[1] else "f" for k, v in full.items() if v[0] != v[1]},
                             {k: "m" if v[0] else "f" for k, v in last.items() if not (v[0] and v[1])})
        return self._index.genders

    def _named_by_role(self, role: str, position: int) -> str | None:
        """The person given this title earlier: "Prime Minister David Cameron" or "Cameron, the prime minister"."""
        given = self._given_role(role, position)
        return given[1] if given else None

    def _described_person(self, mention: str, role: str, position: int) -> str | None:
        """The person a definite description stands for when the article never gave that exact title: "the
        conference speaker" → "corporate speaker Lance Wallnau", "the 61-year-old" → "Ada Kerr, 61,", and
        "the Russian leader said" → whoever spoke last, the person the story is about just then. Not "the
        spokesman" when the article brought in "a spokesman" (someone unnamed), nor a thing ("the report")."""
        if not mention[:4].lower() == "the ":
            return None
        words = role.split()
        if not words or len(words) > 6:
            return None
        head = words[-1].lower().rstrip(",.")
        candidates: list[tuple[int, str]] = []
        age = AGE_WORD.fullmatch(head)
        if age:
            aged = self._aged(age.group(1), position)
            if aged:
                return aged
        if age:
            # "the 54-year-old said" of someone the story named without an age: an age stands for the person
            # the story is about just then, as "he" does. Not a trait ("the two-term president", "the
            # Bafta-winning director"): on polnear-train that named the wrong person 8 times in 9
            person = self._last_person_before(position)
            if person:
                return person
        for k in range(1, len(words)):  # "the Bafta-winning director" → "director Ann Lyle"
            given = self._given_role(" ".join(words[k:]), position)
            if given:
                candidates.append(given)
                break
        person_like = age or head in ROLE_WORDS or head in PERSON_NOUNS
        # "the prime minister's spokesman", "the spokesman for the council": someone's, whom the story has
        # not named, not whoever spoke last
        belongs = any(w.endswith(("'s", "’s", "s'", "s’")) or w in ("of", "for") for w in words)
        if person_like and not belongs and not _introduced_unnamed(self.body, head, position):
            spoke = self._last_speaker_before(position)
            if spoke:
                candidates.append(spoke)
        return max(candidates)[1] if candidates else None  # the later: where the story last was

    def _last_speaker_before(self, position: int) -> tuple[int, str] | None:
        """(position, name) of the last person quoted or reported as saying something before `position`."""
        best = None
        for people in (self.persons, self.reported):
            i = bisect.bisect_left(people, (position, "")) - 1
            if i >= 0 and (best is None or people[i][0] > best[0]):
                best = people[i]
        return best

    def _aged(self, age: str, position: int) -> str | None:
        """The person the article gave this age: "Ada Kerr, 61," or "61-year-old Ada Kerr"."""
        window = self.body[max(0, position - ORGANISATION_LOOK_BACK):position]
        found = None
        for found in _aged_pattern(age).finditer(window):
            pass
        return clean_name(found.group(1) or found.group(2)) if found else None

    def _given_role(self, role: str, position: int) -> tuple[int, str] | None:
        """(where, name) of the person given this title last before `position`."""
        if len(role) < 3 or len(role.split()) > 5:
            return None
        # every place the article gives this title, found once per article: a bisect per mention keeps
        # an article with thousands of "the mayor said" linear
        key = role.lower()
        found = self._last_given(key, position)
        words = key.split()
        if found is None and words[-1] in ROLE_ALIASES:
            # "Education Secretary Tom Aske … the minister said": a secretary of state is a minister
            found = self._last_given(" ".join([*words[:-1], ROLE_ALIASES[words[-1]]]), position)
        if found is None and words[-1] == "leader" and len(words) > 1:
            # "Ukrainian President Volodymyr Zelensky … the Ukrainian leader said": a country's leader is
            # whoever the story gave its top title, the latest of them
            given = [m for title in LEADER_TITLES if (m := self._last_given(" ".join([*words[:-1], title]),
                                                                             position)) is not None]
            found = max(given, key=lambda m: m.start()) if given else None
        if found is None:
            return None
        name = clean_name(found.group(1) or found.group(2))
        if len(name.split()) == 1:
            return found.start(), self._full_name(name, found.start()) or name
        return found.start(), name

    def _last_given(self, key: str, position: int) -> re.Match[str] | None:
        """The last place before `position` where the article gives the title `key` with a name."""
        first = self._index.first_at(key)
        if first is not None and not 0 <= first < position:
            return None  # the title is nowhere before: no need to build its pattern (a compile costs 5 ms)
        if key not in self._roles:
            if len(self._roles) >= MAX_ROLES:
                return None  # a hostile text with endless different titles: each would scan the body
            self._roles.add(key)
        ends, matches = self._index.role(key)
        i = bisect.bisect_right(ends, position) - 1
        return matches[i] if i >= 0 else None

    def _family_name_first(self, family: str, position: int, gender: str | None) -> str | None:
        """The full name this one word opens, where no full name ends with it: "Mr Xi" is Xi Jinping, "Ban" Ban
        Ki-moon, as Chinese and Korean names put the family name first; "Hillary said" is Hillary Clinton where
        the story calls her so, and "Sir Keir" Keir Starmer, as a knight is called by his given name. Not a name
        whose first word is a given name of the other gender ("Mr Kim" is not Kim Clijsters), nor an acronym
        ("MTV" is not "MTV Unplugged")."""
        if family.isupper():
            return None
        i = bisect.bisect_left(self.names, (position, "")) - 1
        for _, seq in self.names[max(0, i - LOOK_BACK):i + 1][::-1]:
            parts = POSSESSIVE.sub("", clean_name(seq)).split()
            if family in parts[1:-1] and all(w.lower() in ROLE_WORDS or w.lower() in TITLES
                                             or self._index.in_lower_case(w) for w in parts[:parts.index(family)]):
                parts = parts[parts.index(family):]  # "President Moon Jae-in": the name from the family name on
            full = " ".join(parts)
            if not (2 <= len(parts) <= 4 and parts[0] == family):
                continue
            given = gender_of_given_name(full)
            if gender is not None and given not in (None, gender):
                continue
            # a person, not "Trump Train", "Republican Party", "Mexico City": the rest of the name is no word
            # the article also writes in lower case, unless the first is a given name ("Hillary Clinton")
            if not (given or not is_organisation(full) and not any(self._index.in_lower_case(w) for w in parts[1:])):
                continue
            # and the word is first written in that name, as a person is introduced in full: "Trump" long before
            # "the Trump Train", "Mexico" before "Mexico City", are names of their own
            first = _first_as_word(self.body, family, possessive=True)
            if first != -1 and self.body.startswith(full, first) \
                    and not _THE_BEFORE.search(self.body, max(0, first - 4), first):
                return full  # (not "the Trump Train", "the HP Way": a person is not "the")
        return None

    def _full_name(self, surname: str, position: int, gender: str | None = None) -> str | None:
        """The most recent full name ending with this surname ("Cameron" → "David Cameron"); with a title's
        gender, the most recent whose given name does not say otherwise ("Mr. Khan" is Khizr Khan, not his
        wife Ghazala Khan named after him)."""
        if self._index.by_surname is None:  # indexed once per article, so each look-up is a bisect
            self._index.by_surname = by_surname = {}
            for pos, seq in self.names:
                name = clean_name(seq)
                parts = name.split()
                if len(parts) >= 2:
                    positions, names = by_surname.setdefault(parts[-1].strip(".’'"), ([], []))
                    positions.append(pos)
                    names.append(name)
        found = self._index.by_surname.get(surname.strip(".’'"))
        if not found:
            return None
        positions, names = found
        i = bisect.bisect_right(positions, position) - 1
        if gender is not None:
            order = list(range(i, -1, -1)) + list(range(i + 1, len(names)))  # before the mention, then after
            said = [self.gender_of(names[j], by_surname=False) for j in order]
            fitting = next((j for j, g in zip(order, said) if g == gender), None)  # the article or name says so
            if fitting is None:
                fitting = next((j for j, g in zip(order, said) if g is None), None)
            if fitting is not None:
                return names[fitting]
        return names[max(i, 0)]  # the last before the mention, else the first after it


def _in_word(char: str) -> bool:
    """A character that joins a word: what `[\\w’'\\-]` matches."""
    return char.isalnum() or char in "_’'-"


def _first_as_word(body: str, word: str, possessive: bool = False) -> int:
    """Where `word` first stands in `body` as a word of its own, -1 if nowhere; with `possessive`, "Trump’s"
    counts as Trump. str.find and a look at each side, not a pattern compiled per word (0.4 ms each)."""
    at = body.find(word) if word else -1
    while at != -1:
        after = body[at + len(word):at + len(word) + 1]
        if (at == 0 or not _in_word(body[at - 1])) and not (after and _in_word(after)
                                                             and not (possessive and after in "’'")):
            return at
        at = body.find(word, at + 1)
    return -1


class _BodyIndex:
    """What a resolver looks up that depends on the body alone, built at most once per body: find_quotes
    and attribute_claims each make a resolver for the same article (one remembers quoted people, the
    other must not), and each used to scan the body for names and titles again."""

    def __init__(self, body: str):
        self.body = body
        self.names: list[tuple[int, str]] | None = None
        self.by_surname: dict[str, tuple[list[int], list[str]]] | None = None
        self.genders: tuple[dict[str, str], dict[str, str]] | None = None
        self.reported: list[tuple[int, str]] | None = None
        self.shared: dict[str, bool] = {}  # surname → more than one full name has it
        self.titled: set[str] | None = None  # the names the article gives Mr./Ms./…
        self.roles: dict[str, tuple[list[int], list[re.Match[str]]]] = {}
        self.firsts: dict[str, int | None] = {}
        self.lower_words: dict[str, bool] = {}  # word → the body also writes it in lower case
        self.reversed_body: str | None = None

    def first_at(self, key: str) -> int | None:
        """Where `key` (lower case) first occurs in the body, -1 if nowhere; None when that cannot be told
        by a plain search. Found once per key, so a text with thousands of "the mayor said" stays linear."""
        if key not in self.firsts:
            lowered = lowered_for_words(self.body)
            self.firsts[key] = None if lowered is None else lowered.find(key)
        return self.firsts[key]

    def in_lower_case(self, word: str) -> bool:
        """Whether the body also writes this word all in lower case, as a word of its own."""
        key = word.lower()
        if key not in self.lower_words:
            self.lower_words[key] = _first_as_word(self.body, key) != -1
        return self.lower_words[key]

    def role(self, key: str) -> tuple[list[int], list[re.Match[str]]]:
        """End of each place the article gives this title, and the matches."""
        if key not in self.roles:
            if self.reversed_body is None:
                self.reversed_body = self.body[::-1]
            matches = role_matches(self.body, key, self.reversed_body)
            self.roles[key] = ([m.end() for m in matches], matches)
        return self.roles[key]


@lru_cache(maxsize=1)
def _index_of(body: str) -> _BodyIndex:
    return _BodyIndex(body)


@lru_cache(maxsize=256)
def _role_pattern(role: str) -> re.Pattern[str]:
    return re.compile(rf"(?i:{re.escape(role)})\s+({_TOKEN}(?:\s+(?:{_TOKEN}|{_PARTICLE}))*)"
                      rf"|({_TOKEN}(?:\s+{_TOKEN})+),\s+(?:the\s+|a\s+)?(?i:{re.escape(role)})\b")


@lru_cache(maxsize=256)
def _role_anchors(role: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The title itself, where the first branch of its pattern starts, and ", the <title>", where the
    second ends: literal-led patterns the engine finds by a fast search."""
    return (re.compile(rf"(?i:{re.escape(role)})"),
            re.compile(rf",\s+(?:the\s+|a\s+)?(?i:{re.escape(role)})\b"))


# the characters a run of name tokens is made of, matched on the reversed body to find where it starts
_TOKEN_RUN = re.compile(r"[\w’'\-.\s]*")
_CAPITAL = re.compile(r"[A-Z]")


# the name after a title ("Prime Minister David Cameron") and a name run before ", the <title>": compiled
# once; only the title itself is compiled per title (a full pattern per title cost 4 ms to compile, and
# an article meets dozens of titles)
_NAME_AFTER_TITLE = re.compile(rf"\s+({_TOKEN}(?:\s+(?:{_TOKEN}|{_PARTICLE}))*)")
_NAME_RUN_COMMA = re.compile(rf"({_TOKEN}(?:\s+{_TOKEN})+),\s+")
_ARTICLE = re.compile(r"(?:the|a)\s+")


class _RoleMatch:
    """What `_role_pattern(role).match` gives, built from the title and the name patterns above:
    group(1) is the name after the title, group(2) the name before ", the <title>"."""
    __slots__ = ("_start", "_end", "_groups")

    def __init__(self, start: int, end: int, after: str | None, before: str | None):
        self._start, self._end, self._groups = start, end, (None, after, before)

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, i: int = 0) -> str | None:
        return self._groups[i]

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def groups(self) -> tuple[str | None, str | None]:
        return self._groups[1:]


def _is_word(body: str, i: int) -> bool:
    return 0 <= i < len(body) and (body[i].isalnum() or body[i] == "_")


def _role_match_at(body: str, title_end, start: int) -> _RoleMatch | None:
    """`_role_pattern(role).match(body, start)`, branch by branch; `title_end(pos)` is where the title
    matched at `pos` ends, or None."""
    end = title_end(start)
    if end is not None:
        name = _NAME_AFTER_TITLE.match(body, end)
        if name:
            return _RoleMatch(start, name.end(), name.group(1), None)
    run = _NAME_RUN_COMMA.match(body, start)
    if run:
        for pos in (run.end(), *((a.end(),) if (a := _ARTICLE.match(body, run.end())) else ())):
            end = title_end(pos)
            if end is not None and _is_word(body, end - 1) != _is_word(body, end):  # the \b after the title
                return _RoleMatch(start, end, None, run.group(1))
    return None


def role_matches(body: str, role: str, reversed_body: str | None = None) -> list[_RoleMatch]:
    """Exactly what `_role_pattern(role).finditer(body)` finds, trying only where a match can start.

    The plain scan tried both branches at every capital letter of the body, once per title: 8% of
    extraction time. A match of the first branch starts where the title occurs; one of the second is
    a run of name tokens ending in ", the <title>", so it starts at a capital inside that run."""
    plain_title = role.isascii() and role == role.lower() and role[:1].isalnum()
    lowered = lowered_for_words(body) if plain_title else None
    if lowered is None:
        title, comma_title = _role_anchors(role)
        title_starts, comma_starts = list(all_starts(title, body)), all_starts(comma_title, body)

        def title_end(pos: int) -> int | None:
            m = title.match(body, pos)
            return m.end() if m else None
    else:  # a lower-case ASCII title found in the lower-cased body: no pattern to compile per title
        title_starts = _occurrences(lowered, role)
        comma_starts = _commas_before_titles(body, title_starts, len(role))

        def title_end(pos: int) -> int | None:
            return pos + len(role) if lowered.startswith(role, pos) else None
    if reversed_body is None:
        reversed_body = body[::-1]
    starts = set(title_starts)
    for comma in comma_starts:
        at = len(body) - comma  # reversed_body[at] is body[comma - 1]
        run_start = comma - (_TOKEN_RUN.match(reversed_body, at).end() - at)
        starts.update(m.start() for m in _CAPITAL.finditer(body, run_start, comma))
    matches: list[_RoleMatch] = []
    resume = 0
    for start in sorted(starts):
        if start < resume:
            continue
        m = _role_match_at(body, title_end, start)
        if m:
            matches.append(m)
            resume = m.end()
    return matches


def _occurrences(text: str, word: str) -> list[int]:
    """Start of every occurrence of `word` in `text`, overlapping ones too."""
    found = []
    at = text.find(word)
    while at != -1:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _commas_before_titles(body: str, title_starts: list[int], length: int) -> list[int]:
    """Where `,\\s+(?:the\\s+|a\\s+)?<title>\\b` matches, given where the title occurs: the comma before
    each occurrence that ends a word, across white space and perhaps "the" or "a" (as written)."""
    commas = []
    for start in title_starts:
        end = start + length
        if _is_word(body, end - 1) == _is_word(body, end):
            continue
        gap = _space_before(body, start)
        if gap == start:
            continue
        if body[gap - 1:gap] == ",":
            commas.append(gap - 1)
            continue
        for article in ("the", "a"):
            if body[gap - len(article):gap] == article:
                before = _space_before(body, gap - len(article))
                if before < gap - len(article) and body[before - 1:before] == ",":
                    commas.append(before - 1)
    return commas


def _space_before(body: str, end: int) -> int:
    """The start of the run of white space that ends at `end` (`end` itself when there is none)."""
    while end > 0 and body[end - 1].isspace():
        end -= 1
    return end


AGE_WORD = re.compile(r"(\d{1,3})-year-old")


@lru_cache(maxsize=128)
def _aged_pattern(age: str) -> re.Pattern[str]:
    """"Ada Kerr, 61," or "61-year-old Ada Kerr" for one age (digits, from AGE_WORD)."""
    return re.compile(rf"({_TOKEN}(?:[ \t]+{_TOKEN})+),[ \t]+{age}\b|\b{age}-year-old[ \t]+"
                      rf"(?:[a-z]+[ \t]+){{0,3}}({_TOKEN}(?:[ \t]+{_TOKEN})+)")
# what a description of one person ends with, beside the titles of ROLE_WORDS: "the Bafta-winning director"
PERSON_NOUNS = {
    "man", "woman", "leader", "candidate", "speaker", "star", "actor", "actress", "singer", "player", "veteran",
    "billionaire", "mogul", "tycoon", "businessman", "businesswoman", "politician", "activist", "author", "writer",
    "novelist", "filmmaker", "producer", "comedian", "host", "anchor", "journalist", "columnist", "pastor",
    "preacher", "evangelist", "lawyer", "barrister", "solicitor", "doctor", "surgeon", "nurse", "teacher",
    "champion", "frontrunner", "front-runner", "incumbent", "challenger", "boss", "entrepreneur", "investor",
    "scientist", "expert", "strategist", "pollster", "aide", "republican", "democrat", "conservative", "liberal",
    "socialist", "populist", "mother", "father", "widow", "veteran", "moderator", "winner", "heir", "heiress",
    "pontiff", "monarch", "dictator", "strongman", "premier", "tsar", "billionaire", "magnate", "official",
}
# bodies that speak as "the ministry said" after the article has named them in full
NAMED_BODIES = {
    "ministry", "department", "agency", "council", "committee", "commission", "union", "party", "company", "bank",
    "board", "authority", "institute", "university", "court", "office", "service", "bureau", "foundation",
    "federation", "trust", "fund", "association", "organisation", "organization", "observatory", "watchdog",
}
ORGANISATION_LOOK_BACK = 3000  # characters searched for the full name: bounded, so each mention costs the same


@lru_cache(maxsize=64)
def _organisation_pattern(word: str) -> re.Pattern[str]:
    """"the Department of Health", "the Interior Ministry", "the National Union of Teachers"."""
    title = word.capitalize()
    return re.compile(rf"(?:{_TOKEN}[ \t]+){{0,3}}{title}\b(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
                      rf"{_TOKEN}(?:[ \t]+(?:and[ \t]+)?{_TOKEN}){{0,3}})?")


def _named_organisation(body: str, role: str, position: int) -> str | None:
    """"the department said" → the department the article named before ("the Department of Health"),
    so a reviewer sees which one; None when the article never named one in full."""
    if role.lower() not in NAMED_BODIES:
        return None
    found = None
    for found in _organisation_pattern(role.lower()).finditer(body, max(0, position - ORGANISATION_LOOK_BACK), position):
        pass
    if found is None:
        return None
    words = found.group().split()
    if words[0] in ("The", "A", "An"):
        words = words[1:]
    return " ".join(words) if len(words) > 1 else None


def _introduced_unnamed(body: str, head: str, position: int) -> bool:
    """Whether the article brought in someone by this description without a name ("a spokesman for the
    firm said … the spokesman added"): a "the <head>" after it is that person, not the last one named."""
    window = body[max(0, position - ORGANISATION_LOOK_BACK):position]
    return _unnamed_pattern(head).search(window) is not None


@lru_cache(maxsize=256)
def _unnamed_pattern(head: str) -> re.Pattern[str]:
    """"a spokesman for", "another official": compiled once per description word, not once per mention."""
    return re.compile(rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'\-]+\s+){{0,3}}{re.escape(head)}\b")


def compile_title_patterns() -> None:
    """Compile the patterns made per title or description word for every word of the lists above, so that
    re_cached's build stores them (`make install`): a run then finds most of them compiled. Titles the
    lists do not hold ("campaign manager") are still compiled where an article calls for them."""
    for word in sorted(ROLE_WORDS | PERSON_NOUNS | NAMED_BODIES | ORG_WORDS):
        _role_anchors(word)
        _unnamed_pattern(word)
        if word in NAMED_BODIES:
            _organisation_pattern(word)


def _vote(full: dict[str, list[int]], last: dict[str, list[int]], mention: str, male: bool) -> None:
    name = clean_name(mention)
    if not name:
        return
    for table, key in ((full, name), (last, name.split()[-1])):
        table.setdefault(key, [0, 0])[0 if male else 1] += 1
