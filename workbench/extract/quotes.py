"""Direct quotes and who said them; reported speech attributed to its speaker.

Quote marks are paired per paragraph in one scan (a quote left open at a paragraph
end carries on when the next paragraph opens with a quote mark, as newspapers
print long quotes). Each quote then looks for its cue in a small window around
it: `"…," X said`, `"…," said X`, `X said: "…"`, `Said X, "…"`, `according to X`,
or a speech verb earlier in the same sentence for a scare quote. A quote with no
cue continues the previous speaker. The speaker mention is resolved to a name by
`speakers.py`.
"""
from __future__ import annotations

import bisect
from . import re_cached as re  # the re module, compiled code read from a file (re_cached.py)

from ..model import Claim, Quote, Sentence, replaced
from .datelines import dateline_end
from .numbers import claim_checkworthiness
from .scan import lowered_for_words, word_starts
from .speakers import (OPENING_WORDS, PERSON_NOUNS, QUANTIFIER_SUBJECTS, ROLE_WORDS, SpeakerResolver, is_organisation,
                       is_pronoun)

CUE_VERBS = (
    "said|says|say|told|tells|tell|added|adds|argued|argues|wrote|writes|stated|states|declared|declares|"
    "explained|explains|noted|notes|insisted|insists|warned|warns|claimed|claims|asked|asks|replied|replies|"
    "continued|continues|tweeted|tweets|posted|announced|announces|acknowledged|acknowledges|admitted|admits|"
    "recalled|recalls|concluded|concludes|remarked|suggested|suggests|complained|complains|conceded|concedes|"
    "countered|counters|responded|responds|urged|urges|promised|promises|vowed|vows|predicted|predicts|"
    "reported|reports|confirmed|confirms|alleged|alleges|boasted|joked|jokes|testified|cautioned|emphasized|"
    "emphasised|stressed|stresses|observed|observes|described|describes|called|calls|quipped|wondered|"
    "pointed\\s+out|points\\s+out|went\\s+on|goes\\s+on|shouted|yelled|cried|mused|agreed|agrees|"
    "disagreed|predicted|contended|contends|maintained|maintains|asserted|asserts|echoed|summed\\s+up|"
    "pleaded|begged|demanded|demands|announced|proclaimed|told\\s+\\w+|tells\\s+\\w+|likened|dubbed|branded|"
    "labelled|labeled|yells|yelled|shouts|reads|read|recounted|charged|charges|put\\s+it|puts\\s+it|explained|recounts|"
    "answered|answers|writes|testifies|announced|commented|comments|chanted|chants|sang|sings|write|argue|warn|"
    "note|insist|contend|explain|recall|predict|conclude|"
    # a debate's replies: 'Hillary shot back, "…"', 'O'Malley interjected: "…"', '"…," scoffed Ann Lee'
    "shot\\s+back|shoots\\s+back|fired\\s+back|fires\\s+back|hit\\s+back|hits\\s+back|interjected|interjects|"
    "retorted|retorts|scoffed|scoffs|chimed\\s+in|quips"
)
PARTICIPLES = r"(?:saying|adding|telling\s+\w+|arguing|warning|writing|noting|insisting|asking|declaring|calling|" \
              r"describing|explaining|claiming|promising|vowing|recalling|urging|tweeting|posting|chanting|" \
              r"shouting|joking|stating|responding|replying|answering|quipping|wondering|predicting|" \
              r"suggesting|acknowledging|admitting|complaining|conceding|boasting|pleading|demanding|yelling|" \
              r"screaming|exclaiming|proclaiming|announcing|remarking|reading|singing|cheering|retorting|" \
              r"lamenting|observing|concluding|testifying|stressing|cautioning|emailing|texting|" \
              r"accusing|labeling|labelling|dubbing|branding|likening|deriding)"
# verbs that attribute an embedded (scare) quote to the sentence's subject
EMBED_VERBS = r"(?:sings|sang|called|calls|described|describes|cited|cites|likened|likens|mocked|mocks|" \
              r"dubbed|branded|labelled|labeled|praised|criticised|criticized|accused|pledged|vowed|promised|" \
              r"reported|reports|questioned|slammed|blasted|hailed|urged|encouraged|told|tells|wrote|writes|" \
              r"tweeted|tweets|posted|insisted|insists|claimed|claims|claiming|is\s+claiming|’s\s+claiming|" \
              r"pointed\s+to|referred\s+to|characterized|characterised|denounced|dismissed|described)"
_CUE = rf"(?i:{CUE_VERBS})"
# after its subject a cue is in lower case: "the United States" is none
_CUE_AFTER_SUBJECT = rf"(?:{CUE_VERBS})"
_ADVERBS = r"(?:(?:has|had|have|also|then|later|once|again|previously|recently|would|will|simply|flatly|" \
           r"repeatedly|often|told|has\s+said|further|publicly|privately|angrily|quickly|still|even|now|just|" \
           r"never|always|usually|frequently|[a-z]+ed\s+and|" \
           r"himself|herself|itself|themselves|" \
           r"(?!(?:family|ally|rally|assembly|supply|reply|monopoly|belly|bully|anomaly)\b)[a-z]{3,}ly)\s+)*"  # "emphatically"
# speaker mentions: a pronoun, a capitalised name (titles and roles included), or a short description
_PRON = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)\b"
# a quantifier standing for people named just before, as the subject of a speech verb: "Yet another said, “…”",
# "Several said they would rather …", '“…,” tweeted another.' (QUANTIFIER_SUBJECTS, in speakers.py)
_QUANTIFIER = r"(?:[Aa]nother|[Oo]thers|[Oo]ne|[Ss]everal|[Ss]ome|[Mm]any|[Mm]ost|[Bb]oth)"
# ... before a verb no noun is spelt as ("many promises", "some claims" are things)
_QUANTIFIER_CUE = r"(?:said|say|says|told|tell|added|wrote|write|tweeted|posted|asked|argued|noted|complained|" \
                  r"chanted|shouted|yelled|replied|responded|insisted|warned|claimed|explained|called|cried)"
_NAME_TOKEN = r"(?:[A-Z]\.(?:[A-Z]\.)*|(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Jr|Sr|Lt|Col|Capt|Prof)\.|[A-Z][\w’'\-]*)"
_NAME = rf"{_NAME_TOKEN}(?:[ \t]+(?:{_NAME_TOKEN}|(?:de|van|von|al|bin|da|di|du|la|le)(?=[ \t]+[A-Z])))*"  # "Bill de Blasio", never "GOP le(ader)"
_ROLE = r"(?:(?:the|a|an|his|her|their|its|one|another|both|two|three|several|many|some)\s+)?[a-z][\w’'\-]*" \
        r"(?:\s+(?:[a-z][\w’'\-]*|[A-Z][\w’'\-]*)){0,5}?"
# what a quote is "according to": often described at length ("a court document filed by state attorney Dave
# Aronberg", "an email from the president of the AFL-CIO obtained by The Huffington Post"), up to its clause's end
_SOURCE = _ROLE.replace("{0,5}?", "{0,16}?")
# a lower-case word of a role between names ("RNC spokesman Sean Spicer", "Democratic strategist Ann Roe"):
# never a word that joins clauses, a preposition, an article or a verb of saying
_ROLE_WORD = r"(?!(?:and|or|but|nor|to|of|in|on|at|for|from|with|by|about|as|than|after|before|during|since|" \
             r"into|over|under|among|between|against|through|across|within|without|towards?|around|upon|via|the|a|an|this|that|these|those|who|whom|whose|which|what|when|where|while|" \
             r"because|if|is|was|are|were|be|been|has|had|have|will|would|can|could|should|may|might|" \
             r"told|said|says|asked|added|then|also|later|last|next|this|earlier|again)\b)[a-z][\w’'\-]*"
_NOT_A_DAY = r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|" \
             r"June|July|August|September|October|November|December)\b)"
# "RNC spokesman Sean Spicer", "Republican candidate Ben Carson": a name, its role in lower case, the person
_ORG_ROLE_NAME = rf"{_NAME}(?:\s+{_ROLE_WORD}){{1,3}}\s+{_NOT_A_DAY}{_NAME}"
# a description never runs on through a relative or reported clause ("a deterrence to what it called")
_NOT_IN_ROLE = r"(?!(?:what|which|who|whom|that|to|and|or|but|as|if|when)\b)"
_DET_ROLE = r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ne|[Aa]nother|[Bb]oth|two|three|[Ss]everal|[Mm]any|[Ss]ome)" \
            r"\s+[A-Za-z\d][\w’'\-&]*" \
            rf"(?:\s+{_NOT_IN_ROLE}(?:[a-z][\w’'\-]*|[A-Z][\w’'\-&]*)){{0,5}}?"
# an aside between a name and its verb, up to 160 characters, never across a sentence ("X, 31, a nurse, said")
_ASIDES = r"(?:,(?:[^;\"“”«»\n.]|\.(?!\s)){1,160}?,)?"
_SUBJECT = rf"(?<![\w’'\-])(?:{_PRON}|(?:[a-z][\w’'\-]*\s+){{0,3}}?{_NAME}(?:\s*\([^()\n]{{1,24}}\))?|{_DET_ROLE}" \
           rf"|{_QUANTIFIER}(?=\s+{_ADVERBS}{_QUANTIFIER_CUE}\b))"
# '“kind of riding the fence” until Haley said': a clause opening after the quote has its own subject and verb
_NOT_A_SUBORDINATOR = r"(?!(?:[Uu]ntil|[Ww]hen|[Ww]henever|[Aa]fter|[Bb]efore|[Bb]ecause|[Ww]hile|[Ss]ince|[Ii]f|[Uu]nless|" \
                      r"[Tt]hough|[Aa]lthough|[Oo]nce|[Ww]here|[Ww]hereas|[Bb]ut|[Aa]nd|[Oo]r|[Ss]o|[Tt]hen)\s)"
# the last alternative: "officials said", never a participle or a preposition's phrase ('“…,” giving states')
_SUBJECT_AFTER = rf"(?<![\w’'\-])(?:{_PRON}|{_NAME}[’']s?(?:\s+[a-z][\w’'\-]*){{1,4}}?(?={_ASIDES}\s+{_ADVERBS}{_CUE}\b)" \
                 rf"|{_NOT_A_SUBORDINATOR}(?:[A-Za-z\d$][\w’'\-./$]*\s+){{0,6}}?{_NAME}(?:\s*\([^()\n]{{1,24}}\))?|{_DET_ROLE}" \
                 rf"|(?!(?:though|although|but|and|while|because|if|when|as|so|or|yet)\b)(?![a-z]+ing\b)[a-z][\w’'\-]*" \
                 rf"(?:\s+(?!(?:for|of|to|in|on|at|with|by|from|about)\b)[a-z][\w’'\-]*)?)"

QUOTE_MARK = re.compile(r"[\"“”«»]")
OPENERS, CLOSERS = "“«", "”»"

# after the quote: ", state television said" / ", he added" / ", said Gareth Lloyd, ..." / ", according to X"
AFTER_SUBJECT_VERB = re.compile(rf"[\s,—–-]*(?:as\s+)?(?P<np>{_SUBJECT_AFTER}){_ASIDES}\s+{_ADVERBS}"
                                rf"(?P<cue>{_CUE_AFTER_SUBJECT})\b")
# a speaker's name as a label before the quote, at a line's start or after a dash: "Rep. Ann Lee (D-Ore.): “…”"
NAME_LABEL_BEFORE = re.compile(rf"(?:\A|\n|[—–-][^\S\n]*)[^\S\n]*(?P<np>{_NAME}(?:\s*\([^()\n]{{1,24}}\))?)[^\S\n]*:[^\S\n]*\Z")
# '“This is fantastic!” beamed Donald Hartley of Madison': any verb in the past, then a name
AFTER_PAST_NAME = re.compile(rf"[\s,—–-]*(?P<cue>[a-z]{{2,}}ed)\s+(?P<np>{_NAME})(?=\s*(?:[,.;:!?—–]|$|\s+(?:of|from|who)\b))")
AFTER_VERB_SUBJECT = re.compile(
    # "said Secretary of State Elena Voss", "said the Bank of Ruritania", "said Ingrid Halvorsen of Nordbank",
    # "said RNC spokesman Sean Spicer" (a name, its role in lower case, the person: not "RNC")
    # and what a sign, an editorial or a message reads: '“…,” reads an editorial in the Register'
    rf"[\s,—–-]*(?P<cue>{_CUE}|reads?)\s+(?P<np>{_PRON}|(?:[a-z\d][\w’'\-/]*\s+){{0,5}}?{_NOT_A_DAY}{_NAME}"
    rf"(?:\s+(?:of|from)\s+(?:the\s+)?{_NAME}|(?:\s+{_ROLE_WORD}){{1,3}}\s+{_NOT_A_DAY}{_NAME})?"
    rf"|(?:the|a|an|his|her|their|its|one|another|two|three|several|some|many|both)\s+(?:[A-Z][a-z]+day\s+)?[a-z\d][\w’'\-]*"
    rf"(?:\s+[a-z][\w’'\-]*){{0,4}}?(?=\s*(?:[,.;:!?—–]|$|\s+(?:of|for|at|in|on|who|from|to|with|and)\b))"
    rf"|{_QUANTIFIER}(?=\s*(?:[,.;:!?—–]|$)))"
)
# after a quote whose sentence goes on: a subject and any verb in the past, then the clause ends or goes on
# as attributions do ('"…," Toomey fumed on Tuesday', '"Oh, my God," a young woman exclaimed upon seeing him')
_PAST = r"(?:[a-z]{2,}ed|said|told|wrote|spoke|read|began|went|shot|swore|sang|cried|thought|felt|let|put)"
AFTER_SUBJECT_PAST = re.compile(rf"[\s,—–-]*(?P<np>{_PRON}|{_NAME}(?:\s*\([^()\n]{{1,24}}\))?|{_DET_ROLE})"
                                rf"{_ASIDES}\s+{_ADVERBS}(?P<cue>{_PAST})\b"
                                rf"(?:\s+(?:him|her|them|me|us|reporters|the\s+crowd|{_NAME}))?"  # '"…," Trump assured Jones'
                                # "to the crowd", never "to secure" ('“…,” the number needed to secure')
                                rf"(?=\s*(?:[,.;:!?—–]|$|to\s+(?:the|a|an|his|her|their|its|reporters|me|us|him|them|[A-Z])|"
                                rf"(?:on|in|at|during|after|before|upon|while|as|from|with|"
                                rf"about|of|last|this|yesterday|today|earlier|later|back|and|but|[A-Z][a-z]+day)\b))")
# an epigraph or vox-pop credit: "…” ― Jane Doe" / "…" — Jane Doe
AFTER_DASH_CREDIT = re.compile(rf"[^\S\n]*[―—–][^\S\n]*(?P<np>{_NAME})(?P<cue>)(?=\s*(?:[.,;]|$|[\"“«]))")
# a quote standing as its own paragraph, credited on the next line: '"…"\n\n- Sanders.' (fact-check columns)
CREDIT_LINE_AFTER = re.compile(rf"[^\S\n]*\n\s*[-―—–][^\S\n]*(?P<np>{_NAME}(?:\s*\([^()\n]{{1,24}}\))?)"
                               rf"(?:,[^\n\"“”«»]{{1,60}})?[^\S\n]*[.,]?[^\S\n]*(?:\n|\Z)")  # "- Ann Lee, Philadelphia."
# the name given after a description: '…," said the association's chairman, Geoff Pratt.'
NAME_IN_APPOSITION = re.compile(rf",[ \t]+(?P<np>{_NAME})(?=[ \t]*(?:[,.;:!?—–]|\Z|\n))")
AFTER_ACCORDING = re.compile(rf"[\s,—–-]*(?P<cue>(?i:according\s+to)|per)\s+(?P<np>{_NAME}|{_SOURCE}(?=\s*[,.;:!?]|$))")
# before the quote: "Lloyd told reporters: " / "the prime minister said: " / "Said Gareth Lloyd, ..."
# "a White House official who spoke anonymously to discuss strategy said": a relative clause, no commas
_RELATIVE_ASIDE = (r"(?:\s+who\s+(?=(?:[a-z]+ed|spoke|is|was|has|had|does|did|works|lives|knew|took|gave)\b)"
                   # its own verb, and no clause of its own inside ("who gained fame when he yelled")
                   r"(?:(?!\b(?:when|as|because|after|before|while|if|he|she|they|it|I|we|who)\b)[^,;\"“”«»\n.!?]){1,100}?)?")
BEFORE_SUBJECT_VERB = re.compile(
    rf"(?P<np>{_SUBJECT}){_ASIDES}{_RELATIVE_ASIDE}\s+{_ADVERBS}(?P<cue>{_CUE_AFTER_SUBJECT})"
    rf"(?:\s+(?:that|of|on|about|to|in|at|with|for|as|from)?\s*[^\"“”«».!?]{{0,80}}?)?\s*[,:—–]?\s*$"
)
BEFORE_VERB_SUBJECT = re.compile(rf"(?:^|[.!?]\s+|\n)(?P<cue>Said|Says|Added|Asked|Wrote|Stated|Explained|Declared|"
                                 rf"Tweeted|Noted|Continued|Replied)\s+(?P<np>{_NAME})\s*,?\s*[^\"“”«»]{{0,120}}?,?\s*$"
                                 # "But, said Solovey, “…”", "In other words, explained moderator Ann Cole: “…”"
                                 # but "…, said of Sanders: “…”" names whom it was said of, not who said it
                                 rf"|,\s*(?P<cue2>said|says|added|asked|wrote|explained|noted|replied)\s+"
                                 rf"(?!(?:of|about|to|on|for|with|at|in|by|from)\s)"
                                 rf"(?P<np2>(?:[a-z][\w’'\-]*\s+){{0,3}}?{_NAME})\s*[,:]\s*$")
BEFORE_ACCORDING = re.compile(rf"(?P<cue>[Aa]ccording\s+to)\s+(?P<np>{_NAME}|{_ROLE})\s*,?\s*$")
# a speech verb earlier in the sentence, for "Moscow says its air strikes target ... "terrorists""
_WHEN = r"(?:\s+(?:on|in|at|during|last|this|earlier|late)\s+(?:(?!(?:and|but|what|who|which|that)\b)[^,;\"“”«»\n]){0,40}?)?"  # "The council on Friday pledged"
# "the former secretary of state and current nominee said": a long description, never a clause
_NOT_IN_CLAUSE = r"(?!(?:what|which|who|whom|that|to|or|but|as|if|when|is|was|are|were|has|had|have|will|would|" \
                 r"he|she|they|it|we|I)\b)"
IN_SENTENCE = re.compile(rf"(?<![\w’'\-])(?P<np>{_PRON}|{_NAME}(?:\s+(?:of|at)\s+{_NAME})?(?:\s*\([^()\n]{{1,24}}\))?|(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne|[Oo]ther|[Ss]everal|[Ss]ome|[Mm]any|[Bb]oth)\s+"
                         rf"[A-Za-z\d][\w’'\-]*(?:\s+{_NOT_IN_CLAUSE}[A-Za-z][\w’'\-]*){{0,8}}?"  # "the 34-year-old mother"
                         rf"|(?<=\s)(?:which|who)|{_QUANTIFIER}(?=\s+{_ADVERBS}{_QUANTIFIER_CUE}\b))"
                         rf"(?:\s*,[^,;\"“”«»\n]{{1,120}},)?{_WHEN}\s+{_ADVERBS}(?:[a-z]+ly\s+)?"
                         rf"(?P<cue>(?:{CUE_VERBS})|{EMBED_VERBS})\b")  # lower case: "the United States" is no cue
# a clause boundary: a cue after one of these is not reported by the cue before it
CLAUSE_BREAK = re.compile(r"[;:]|,[\"”’']?\s*(?:and|but|while|whereas|yet)\b|\s(?:while|whereas)\s")  # ',” and' too
# a clause a quote sits in that says when or why: its own subject speaks when it is named ('The mood was dark
# when Ryan lamented the “disheartened” state'); a pronoun there is most often the main subject again
SUBORDINATE_BREAK = re.compile(r"\s(?:when|in\s+which|during\s+which)\s")
# "It is strange that", "it was a report by Politico that": the clause "it" stands for
EXPLETIVE_THAT = re.compile(r"\s+(?:is|was|'s|’s|seems|seemed)\s+[^,;:\"“”«»\n]{1,60}?\bthat\s+")
ONLY_A_PRONOUN = re.compile(rf"{_PRON}\Z")
# "Hillary Clinton asking, “Why…" / "…, saying anybody who…": a participle hands the quote to the subject
# what a clause without a verb names before a colon: "From the report:", "Here's Pike in December 1992:"
SOURCE_BEFORE_COLON = re.compile(rf"(?<![\w’'\-])(?:(?:Here|There)[’']s\s+)?(?P<np>{_NAME}(?<![’']s)|(?:the|an?|his|her|their|its)\s+[\w’'\-]+(?:\s+[\w’'\-]+){{0,3}}?)"
                                 rf"(?:\s+(?:in|on|at|from|during)\s+[^:;,\"“”«»\n]{{1,40}})?\s*:\s*\Z")
# an attribution that ends its sentence: '…, Ban said.', '…, she said in a video message.', '…, said X of Y.'
SENTENCE_CLOSES = re.compile(r"(?:\s+(?:on|in|at|to|during|after|before|last|this|of|earlier|later|yesterday|today)\b"
                             r"[^.!?;\"“”«»\n]{0,80}"
                             # "…, said Nargis Kassenova, an expert at KIMEP University in Almaty." / "…, said the
                             # bureau's director, James B. Comey."
                             r"|,\s+(?:an?|the|who|which|whose|one|[a-z]+\s+of)\b(?:[^.!?;\"“”«»\n]|\.(?=\S)){0,120}"
                             rf"|,\s+{_NAME})?"
                             r"[^\S\n]*(?:[.!?]|\Z)")
# a quote naming something, then who named it so: 'often labeled a “witch hunt” by Democrats'
NAMING_BEFORE = re.compile(r"\b(?:called|labell?ed|described|dubbed|branded|termed|deemed|nicknamed)(?:\s+as)?"
                           r"(?:\s+(?:an?|the))?\s*\Z")
AGENT_AFTER = re.compile(rf"[,]?\s+by\s+(?P<np>{_NAME}|(?:the|his|her|their|its|some|many)\s+[\w’'\-]+(?:\s+[\w’'\-]+){{0,3}}?)"
                         rf"(?=\s*(?:[,.;:!?—–]|$|\s+(?:and|in|on|at|who|for)\b))")
# the one doing what a participle says after "with": "with Trump reportedly yelling", "with one of her ads asking",
# and the next doer of the list ("with Pike accusing her of “…” and Ruiz calling it “…”")
DOER_BEFORE_PARTICIPLE = re.compile(rf"\b(?:[Ww]ith\s+|and\s+(?={_NAME}(?:\s+[a-z]+ly)?\Z))"
                                    rf"(?P<np>(?:{_NAME}(?<![’']s)|{_DET_ROLE}|(?:[Oo]ne|[Ss]ome|[Mm]any|[Ss]everal|"
                                    rf"[Tt]wo|[Aa]ll)\s+of\s+(?:the|his|her|their|its)\s+[\w’'\-]+(?:\s+[\w’'\-]+){{0,3}}?)"
                                    # "with many marchers and spectators chanting"
                                    rf"(?:\s+and\s+[a-z][\w’'\-]*(?<!ly))?)(?:\s+[a-z]+ly)?\Z")
# the speaker of "…, he said, adding": a mention and its cue right before the participle; never a possessive,
# whose "comments" is a noun ("shrugged off Lopez's comments, telling reporters": the subject tells them)
SAID_BEFORE_PARTICIPLE = re.compile(rf"(?<![\w’'\-])(?P<np>{_PRON}|{_NAME}|{_DET_ROLE})(?<![’']s)(?<!s[’'])\s+{_ADVERBS}"
                                    rf"(?:{CUE_VERBS})\b"
                                    rf"(?:\s+(?:on|in|at|to|during|last|this|earlier|later)\b[^,;\"“”«»\n]{{0,40}})?\Z")
BEFORE_PARTICIPLE = re.compile(rf"(?<![\w’'\-])(?P<np>{_PRON}|{_NAME})(?:\s+[a-z]+){{0,8}}?,?\s+(?P<cue>{PARTICIPLES})\b[^\"“”«».!?]{{0,120}}$")
PARTICIPLE_AT_END = re.compile(rf",?\s+(?P<cue>{PARTICIPLES})\b[^\"“”«».!?]{{0,120}}\Z")
# "Donald Trump’s claim that there have been “thousands of shootings”"
POSSESSIVE_CLAIM = re.compile(rf"(?P<np>{_NAME})[’']s?\s+(?P<cue>claim|claims|statement|assertion|remark|remarks|"
                              rf"comment|comments|words|argument|promise|pledge|warning|description|boast|tweet|"
                              rf"insistence|accusation|charge|suggestion)\b")
# "…” to drive up the stock price, she said" / "A cashier who “steals” is held accountable, Warren said"
AFTER_TRAILING = re.compile(rf"[^.!?\"“”«»\n]{{1,200}}?,\s+(?P<np>{_PRON}|{_ORG_ROLE_NAME}|{_NAME}|{_DET_ROLE})\s+{_ADVERBS}(?P<cue>{_CUE_AFTER_SUBJECT})\b")
# "…” that Sanders can catch Clinton, said David Wasserman" / "…” is central, reported the Examiner"
AFTER_TRAILING_INVERTED = re.compile(rf"[^.!?\"“”«»\n]{{1,100}}?,\s+(?P<cue>said|says|reported|reports|wrote|writes|"
                                     rf"added|adds|according\s+to)\s+(?P<np>{_NAME}|(?:the|a|an)\s+[a-z\d][\w’'\-]*"
                                     rf"(?:\s+[A-Za-z][\w’'\-]*){{0,4}}?(?=\s*(?:[,.;:!?—–]|$)))")
# the outer source of an attribution after a quote: '"…," Welch said, according to Vermont Public Radio'
OUTER_ACCORDING = re.compile(rf"[^.;!?\"“”«»\n]{{0,80}}?,\s+(?P<cue>(?i:according\s+to))\s+"
                             rf"(?P<np>{_NAME}|{_SOURCE}(?=\s*[,.;:!?]|$))")
# The grammatical subject of a sentence, for a quote the sentence carries without a speech verb
# ("In July, Hartley dismissed the plan as a “road to nowhere”"): after an optional opening phrase
# closed by a comma, a name (with its title, party and appositive) or a pronoun, then a verb.
_INTRO_WORD = r"(?:In|On|At|During|After|Before|With|Following|As|Asked|Pressed|Speaking|Writing|Since|Until|Over|" \
              r"Under|From|Through|Throughout|Despite|Unlike|Like|Earlier|Later|For|Without|When|While|Though|" \
              r"Although|Because|If|By|Last|This|Meanwhile|However|Still|Yet|Instead|Separately|Previously|" \
              r"Recently|Today|Yesterday|Now|Then|Once|Back|Amid|Among|Ahead|Upon|Within|Responding|Addressing|" \
              r"Appearing|Citing|Earlier|Elsewhere|Overall|Indeed|Moreover|Still|Again|Even|Already|Asked|" \
              r"Outside|Inside|Across|Beyond|Behind|Along|Alongside|Regarding|Concerning|Given|" \
              r"[A-Z][a-z]+ly|[A-Z][a-z]+ing)"  # "Conversely," "Bemoaning the …," "Outside the arena,"
# after "And", "But" the opening phrase is in lower case: "And after the court refused …, McCrory blamed"
_LOWER_INTRO_WORD = r"(?:in|on|at|during|after|before|with|following|as|since|until|when|while|though|although|because|" \
                    r"if|once|despite|amid|upon|by|for|without|like|unlike)"
_INTRO = rf"(?:(?:But|And|Yet|So|Now|Still|Then|Even)\s+)?" \
         rf"(?:(?:{_INTRO_WORD}|(?<=[a-z] ){_LOWER_INTRO_WORD})\b[^,\n]{{0,150}}?,[\"”’]?\s+)?" \
         rf"(?:(?:but|and|yet|so|now|still|then|even)\s+)?"
# a verb: past tense, an auxiliary, a third-person present, or a common irregular past
_VERBISH = r"(?:[a-z][\w’'\-]*ed|[a-z][\w’'\-]*s(?<![’']s)|said|told|made|took|gave|wrote|went|came|saw|put|set|led|spoke|sought|fought|" \
           r"thought|felt|found|left|held|kept|brought|sent|won|lost|ran|met|paid|became|began|chose|drew|knew|" \
           r"meant|rose|sang|sat|shot|sold|stood|struck|swore|taught|threw|tore|understood|wore|got|hit|let|" \
           r"call|say|describe|see|think|want|believe|insist|argue|label|dismiss|praise|blame|warn|urge|" \
           r"is|was|were|are|has|had|have|will|would|can|could|may|might|must|should|does|did|do|also)\b"
_NOT_PREP = r"(?!(?:on|in|at|for|with|from|by|of|to|during|after|before|over|under|this|last|what|who|which|that|" \
            r"when|while|because|whereas|although|though|if|unless|until|since|" \
            r"is|was|are|were|be|been|has|have|had|will|would|can|could|may|might|must|should|does|did|" \
            r"said|says|told)\b)"  # "63 percent said Clinton was": no subject runs on over its own verb
# "… partner at Lenox", "52 percent of tenants": a short phrase completing a described subject
_OF_WHAT = r"(?:\s+(?:at|of|for|from|with)\s+(?:the\s+)?[\w’'\-]+(?:\s+[\w’'\-]+){0,3}?)?"
# the adverbs between a sentence's subject and its verb ("The Christian leader further related", "Ruiz later said")
_SUBJECT_ADVERBS = r"(?:(?:[a-z]+ly|also|has|have|had|then|once|again|later|now|still|just|only|never|always|often|" \
                   r"even|soon|further|first|repeatedly|in\s+particular|himself|herself|itself|themselves)\s+)"
_STRICT_VERB = rf"(?:{_SUBJECT_ADVERBS}|is\s+|was\s+)*(?:[a-z][\w’'\-]*ed|said|told|made|wrote|" \
               r"gave|took|put|call|say|is|was|has|have|had|sought|began|sent|spoke|brought|thought|found|held|" \
               r"kept|won|lost|ran|met|paid|became|chose|drew|knew|meant|rose|stood|struck|swore|taught|threw|" \
               r"got|went|came|saw|led|left|includes|says|calls|argues|insists|warns|claims|describes" \
               r"|[a-z]{2,}[^\Wsiu]s(?=\s+(?:(?:the|a|an|that|him|her|them|it|his|their|its)\b|[A-Z]|[“\"])))\b"
# a count of people opening a sentence: "About 200 protesters gathered", "Hundreds of demonstrators marched",
# "About four in 10 voters say", "73 percent of Americans accepted"
_QUANTITY = r"(?:(?:[Aa]bout|[Aa]round|[Nn]early|[Aa]lmost|[Aa]t\s+least|[Mm]ore\s+than|[Ff]ewer\s+than|[Rr]oughly|" \
            r"[Oo]nly|[Jj]ust)\s+)?(?:\d+(?:[,.]\d+)*%?(?!\S)|[Hh]undreds|[Tt]housands|[Dd]ozens|[Hh]alf|" \
            r"(?:one|two|three|four|five|six|seven|eight|nine)\s+in\s+(?:10|ten)|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|" \
            r"[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en)(?:\s+percent)?(?:\s+of(?:\s+the)?)?"
_SUBJECT_NP = rf"(?:{_PRON}" \
              rf"|[A-Z][\w\-]*[’']s?(?:\s+{_NOT_PREP}[a-z][\w’'\-]*){{1,3}}?\s+{_NAME}(?<![’']s)(?:\s*\([^()\n]{{1,24}}\))?" \
              rf"|[A-Z][\w\-]*(?:\s+(?![a-z]+ed\b){_ROLE_WORD}){{1,3}}?\s+{_NAME}(?<![’']s)(?:\s*\([^()\n]{{1,24}}\))?" \
              rf"|(?:[a-z][\w’'\-.]*\s+){{0,3}}?{_NAME}(?<![’']s)(?:\s*\([^()\n]{{1,24}}\))?" \
              rf"(?:\s+(?:and|&)\s+{_NAME}(?<![’']s)|\s+of\s+{_NAME}(?<![’']s))?" \
              rf"|{_NAME}[’']s?(?:\s+[A-Z][a-z]+){{0,2}}?(?:\s+{_NOT_PREP}[a-z][\w’'\-]*){{1,3}}?(?=(?:,[^,;\"“”«»\n]{{1,60}},)?{_WHEN}\s+{_STRICT_VERB})" \
              rf"|(?:[Tt]he|[Aa]n?|[Oo]ther|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]any|[Ss]ome|[Mm]ost|[Bb]oth|Only|[Ff]ew|" \
              rf"His|Her|Their|Its|{_QUANTITY})\s+(?:{_NOT_PREP}[\w’'\-%]+\s+){{0,6}}?{_NOT_PREP}[\w’'\-%]+{_OF_WHAT}" \
              rf"(?=(?:,[^,;\"“”«»\n]{{1,60}},)?{_WHEN}\s+{_STRICT_VERB}))"
# a name or pronoun followed by a verb, anywhere in a clause: "Blige sings to Clinton before asking her"
CLAUSE_SUBJECT = re.compile(rf"(?<![\w’'\-])(?P<np>{_PRON}|{_NAME}(?<![’']s)(?:\s*\([^()\n]{{1,24}}\))?"
                            rf"(?:\s+of\s+{_NAME}(?<![’']s))?)"  # "House Speaker Paul D. Ryan of Wisconsin lamented"
                            rf"(?:\s*,[^,;\"“”«»\n]{{1,120}},)?\s+{_ADVERBS}(?:[a-z]+ly\s+)?(?P<cue>{_VERBISH})")
SENTENCE_SUBJECT = re.compile(rf"\s*{_INTRO}(?P<np>{_SUBJECT_NP})(?:\s*,\s*(?P<aside>[^,;\"“”«»\n]{{1,120}}),)?{_WHEN}"
                              rf"\s+(?:{_SUBJECT_ADVERBS}|been\s+)*(?P<cue>{_VERBISH})")
# reported speech closed by its cue: "… over Syria, Schiff said." (the sentence before a quote)
INTRO_TRAILING_CUE = re.compile(rf",[\"”’']?\s+(?P<np>{_PRON}|{_NAME}|{_DET_ROLE})\s+{_ADVERBS}(?P<cue>{_CUE})\b"
                                rf"[^,;\"“”«»\n]{{0,40}}[.!?]?\s*\Z")
SPEAKER_LABEL = re.compile(r"[\"“«]\s*(?P<np>[A-Z][A-Z.’'\-]+(?:\s+[A-Z][A-Z.’'\-]+){0,3}):\s")

WINDOW = 220
# a clause ends at a stop or an opening quote, but not after a title, an initial or "D-Wis."
CLAUSE_END = re.compile(r"(?<=[.;!?])(?<!\b[A-Z]\.)(?<!\b(?:Mr|Ms|Dr|St|Lt|Jr|Sr)\.)(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Sgt)\.)"
                        r"(?<!\b(?:Capt|Prof)\.)\s|[\"“«]")


# Two apostrophes as one quote mark (''like this'', as NYT archives and wire exports print quotes) and
# ``…'' as typesetting exports write them; never three apostrophes in a row.
# Three apostrophes are a doubled mark and a single one inside it: ''Kosovo is 'a special case,''' he said.
# two or three straight single marks standing alone, r"(?<!')'{2,3}(?!')|``", written to open with the mark
# so the engine skips to it instead of trying a look-behind at every character (tests/test_extract_scans.py)
DOUBLED_MARK_PLAIN = r"(?<!')'{2,3}(?!')|``"
DOUBLED_MARK = re.compile(r"'(?<!'')'(?:'(?!')|(?!'))|``")
OPENS_AFTER = " \t\n\r([{—–-/\"“"


def _quote_checkworthiness(sentence_worth: float, partial: bool) -> float:
    """A quote is as worth checking as what its sentence says, on the scale of a figure's score (a figure
    it holds is its own claim); a scare quote of a few words is a word choice more than a claim."""
    return round(claim_checkworthiness("quote", sentence_worth) * (0.8 if partial else 1.0), 3)


def find_quotes(body: str, sentences: list[Sentence]) -> list[Quote]:
    """Every direct quote with its cue and speaker, in article order."""
    spaced = _with_plain_spaces(body)
    view = _with_plain_marks(spaced)
    if view is spaced:
        view = _with_low_marks(spaced)
    if view is spaced:
        view = _with_single_marks(spaced)
    quotes = [q for q in _find_quotes(view, sentences) if not _is_term_in_quote_marks(q)]
    if view is body:
        return quotes
    return [_on_body(body, view, q) for q in quotes]


def _is_term_in_quote_marks(quote: Quote) -> bool:
    """One word in quote marks that nobody is said to have said ("a federal “supermax” prison", the
    "“establishment” label"): a term held at a distance, not anyone's words for a reviewer to check.
    On PolNeAR-train it is a quote in 13 of 132 cases; on the dev set in none of 33."""
    return quote.partial and quote.speaker is None and quote.cue is None and len(quote.text.split()) == 1


# spaces that do not break a line, as web pages print them between words ('remarks as\xa0“hurtful”',
# 'Khan,\xa0decried'): every rule below reads a space as [ \t] or \s, and \xa0 is only the latter
HARD_SPACES = re.compile("[\u00a0\u2007\u202f]")


def _with_plain_spaces(body: str) -> str:
    """`body` with each non-breaking space written as a plain one; same length, so every offset holds."""
    if "\u00a0" not in body and "\u2007" not in body and "\u202f" not in body:
        return body
    return HARD_SPACES.sub(" ", body)


def _with_plain_marks(body: str) -> str:
    """`body` with each doubled mark written as one straight quote beside a space, so every rule below
    reads ''Get out,'' he said as "Get out," he said; same length, so every offset holds."""
    if "''" not in body and "``" not in body:
        return body

    def plain(m: re.Match[str]) -> str:
        i = m.start()
        opens = m.group() == "``" or ((i == 0 or body[i - 1] in OPENS_AFTER)
                                      and m.end() < len(body) and not body[m.end()].isspace())
        mark = ' "' if opens else '" '  # the mark beside the words it opens or closes
        if len(m.group()) == 3:  # the single mark sits inside the doubled one
            return mark + "'" if opens else "'" + mark
        return mark

    return DOUBLED_MARK.sub(plain, body)


# Single quote marks as the article's quote marks ('‘We will not back down,’ said Pike', as British papers and
# their headlines print quotes): an opening mark at a word's start, its closing mark after a word and before a
# space, a stop or the line's end. An apostrophe inside a word ("don’t", "Pike’s") is neither.
SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–/-]))(?:‘|'(?!'))(?=[^\s'‘’])", re.MULTILINE)
SINGLE_CLOSE = re.compile(r"(?<=\S)[’'](?=[\s,.;:!?)\]—–-]|\Z)")
# "the voters’ money": a plural possessive, a closing mark only when no other closes the quote
PLURAL_POSSESSIVE = re.compile(r"(?<=s)[’'](?=[ \t][a-z])")
DOUBLE_MARKS = re.compile(r"[\"“”«»]")


def _with_single_marks(body: str) -> str:
    """`body` with each pair of single quote marks written as “ and ”, when the article prints its quotes
    with single marks: it has no double quote mark at all (an article with double marks nests single
    ones inside them, and those are not quotes of their own). Same length, so every offset holds."""
    if "‘" not in body and "'" not in body or DOUBLE_MARKS.search(body):
        return body
    chars: list[str] | None = None
    for line_start, line_end in _lines(body):
        at = line_start
        while True:
            opener = SINGLE_OPEN.search(body, at, line_end)
            if opener is None:
                break
            closer = None
            for candidate in SINGLE_CLOSE.finditer(body, opener.end(), line_end):
                if not PLURAL_POSSESSIVE.match(body, candidate.start()):
                    closer = candidate
                    break
                closer = closer or candidate  # the plural possessive, if nothing better follows
            if closer is None:
                break
            chars = chars or list(body)
            chars[opener.start()], chars[closer.start()] = "“", "”"
            at = closer.end()
    return body if chars is None else "".join(chars)


# „Low-high“ marks, as German-style and central European English-language outlets print quotes
LOW_OPEN_CLOSE = re.compile(r"„([^„“”\n]*)[“”]")


def _with_low_marks(body: str) -> str:
    """`body` with each „…“ (or „…”) written as “…”; same length, so every offset holds."""
    if "„" not in body:
        return body
    return LOW_OPEN_CLOSE.sub(lambda m: f"“{m.group(1)}”", body)


def _lines(body: str):
    """(start, end) of each line of `body`."""
    start = 0
    while start <= len(body):
        end = body.find("\n", start)
        end = len(body) if end < 0 else end
        yield start, end
        start = end + 1


def _on_body(body: str, view: str, quote: Quote) -> Quote:
    """The quote found in the view, with both characters of its doubled marks, as a slice of `body`."""
    start, end = quote.start, quote.end
    if start > 0 and view[start] == '"' and body[start - 1:start + 1] in ("''", "``"):
        start -= 1
    if view[end - 1] == '"' and body[end - 1:end + 1] == "''":
        end += 1
    if (start, end) == (quote.start, quote.end) and body[start:end] == quote.text:
        return quote  # a doubled mark inside the quote changes its text too: it is cut from the body
    return replaced(quote, text=body[start:end], start=start, end=end,
                   sentence_end=max(quote.sentence_end or end, end))


def _find_quotes(body: str, sentences: list[Sentence]) -> list[Quote]:
    spans = [sp for sp in _pair_quote_marks(body) if not _is_nickname(body, *sp) and not _is_title_or_code(body, *sp)]
    if not spans:
        return []
    starts = [s.start for s in sentences]
    resolver = SpeakerResolver(body)
    lowered = lowered_for_words(body)
    filed = dateline_end(body)
    quotes: list[Quote] = []
    previous: Quote | None = None
    for start, end in spans:
        inner = body[start + 1:end - 1] if end - start >= 2 else ""
        if not inner.strip():
            continue
        i = bisect.bisect_right(starts, start) - 1
        sentence = sentences[i] if i >= 0 else None
        s0 = sentence.start if sentence else start
        s1 = max(sentence.end, end) if sentence else end
        # the story's first sentence is read from after its dateline ("WASHINGTON (AP) — Sen. Ann Lee said"):
        # the wire's label is no subject, nor an opening phrase
        clause_start = filed if s0 < filed <= start else s0
        words = len(inner.split())
        partial = words <= 4 and _embedded(body, start)
        speaker = speaker_start = speaker_end = cue_word = None
        # spans is sorted; _find_cue's bisects skip this quote itself (copying the list per quote was quadratic)
        cue = _find_cue(body, start, end, clause_start, partial, spans, lowered)
        if (cue is None or cue[0] < start and not _cue_after_previous_cue(previous, cue[0])) \
                and _resumes_after_cue(body, previous, start):
            # a cue read before the second part of a split quote is the first part's, or a word inside it
            cue = None
            speaker, speaker_start, speaker_end = previous.speaker, previous.speaker_start, previous.speaker_end
            cue_word = previous.cue
        if cue:
            np_start, np_end, cue_word = cue[:3]
            mention = resolver.trim_mention(np_start, np_end)
            if mention and _inside_a_quote(spans, *mention):
                mention = None  # '"It was shameful," said Ann Lee, who waited in an "endless line"': not "It"
                cue = cue_word = None
            if mention:
                speaker_start, speaker_end = mention
                # '"…," Hale said, according to the Gazette': the mention runs to the source, Hale spoke
                named_by = resolver.trim_mention(np_start, cue[3]) if len(cue) > 3 else mention
                named_by = named_by or mention
                if is_pronoun(body[mention[0]:mention[1]]):
                    # "Mosman saw it differently: "…," he said": the pronoun is the mention, the name its
                    # sentence opens with says who it is; but "Ban condemned what he called "…"" is Ban
                    # speaking, "what he called" only the reporter's aside
                    named_by = _antecedent_in_sentence(body, clause_start, *mention) or mention
                    if RELATIVE_BEFORE.search(body, max(0, mention[0] - 8), mention[0]) \
                            or named_by != mention and SPEAKS_AFTER.match(body, named_by[1], mention[0]):
                        # "Cross said he is left with two options: Clinton, whom he called “…”": the quote
                        # is in what Cross said, so the mention is Cross, as "what he called" is Ban's
                        speaker_start, speaker_end = named_by
                speaker = resolver.resolve(*named_by)
        if speaker is None and not partial and i > 0 and not _embedded(body, start):
            introduced = _introduced_by(body, sentences[i - 1] if sentence and sentence.start >= start - 1 else sentence,
                                        start, previous, resolver)
            if introduced:
                speaker_start, speaker_end, speaker = introduced
        if speaker is None and previous is not None and previous.speaker and not partial \
                and not (_embedded(body, start) and "\n" in body[previous.end:start]) and _continues(body, previous, start):
            speaker, speaker_start, speaker_end = previous.speaker, previous.speaker_start, previous.speaker_end
            cue_word = previous.cue
        if speaker and speaker_start is not None and not is_pronoun(speaker) \
                and not is_pronoun(body[speaker_start:speaker_end]):
            # only a name read in the text extends the chain: a guessed "she" must not become the next guess
            resolver.note_speaker(speaker, speaker_start)
        quote = Quote(
            text=body[start:end], start=start, end=end, speaker=speaker, speaker_start=speaker_start,
            speaker_end=speaker_end, cue=cue_word, partial=partial, sentence_start=s0, sentence_end=s1,
            checkworthiness=_quote_checkworthiness(sentence.checkworthiness if sentence else 0.3, partial),
        )
        quotes.append(quote)
        if not partial or speaker:
            previous = quote
    return _with_closing_attribution(body, quotes)


# what joins two quotes of one list: 'called it “reckless,” “cruel” and “a disgrace”'
QUOTE_LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:and|or)?\s*")


def _with_closing_attribution(body: str, quotes: list[Quote]) -> list[Quote]:
    """'The plan is “unworkable” and “too costly,” said Ann Lee': a quote with no speech verb of its own,
    whose speaker was at most the sentence's subject ("The plan"), is given by the attribution that closes
    its sentence after a later quote. One with a verb of its own keeps it: 'Ruiz called it “a farce” and
    the cuts “cruel,” the union said'. And a quote listed right after another one with a cue ('chanting “We
    are Orlando” and “Disarm hate”') shares its speaker."""
    out = quotes
    for i, quote in enumerate(quotes):
        if quote.cue is not None or quote.speaker_start is not None and quote.speaker_start > quote.start:
            continue
        before = out[i - 1] if i else None
        if before is not None and before.cue is not None and before.sentence_start == quote.sentence_start \
                and QUOTE_LIST_JOIN.fullmatch(body, before.end, quote.start):
            # 'chanting “We are Orlando” and “Disarm hate”': a list of quotes shares the first one's speaker
            if out is quotes:
                out = list(quotes)
            out[i] = replaced(quote, speaker=before.speaker, speaker_start=before.speaker_start,
                              speaker_end=before.speaker_end, cue=before.cue)
            continue
        for later in quotes[i + 1:]:
            if later.sentence_start != quote.sentence_start:
                break
            if later.cue is not None and later.speaker_start is not None and later.speaker_start >= later.end:
                if out is quotes:
                    out = list(quotes)
                out[i] = replaced(quote, speaker=later.speaker, speaker_start=later.speaker_start,
                                  speaker_end=later.speaker_end, cue=later.cue)
                break
    return out


NICKNAME = re.compile(r"[\"“][A-Z][\w’'\-.]*[\"”]")
NAME_BEFORE = re.compile(r"\b[A-Z][\w’'\-.]*[ \t]\Z")
NAME_AFTER = re.compile(r"[ \t][A-Z][\w’'\-]*")


def _is_nickname(body: str, start: int, end: int) -> bool:
    """A nickname inside a name is not a quote: Marcia "Cia" Price, Earvin “Magic” Johnson."""
    return end - start <= 30 and bool(NICKNAME.fullmatch(body, start, end) and NAME_AFTER.match(body, end)
                                      and NAME_BEFORE.search(body, max(0, start - 30), start))


# The name of a programme, film, book or campaign in quote marks: 'told MSNBC’s “Morning Joe”', 'on CBS's
# "Face the Nation,"', 'her documentary “13th.”'. Title case, short, after a possessive or a word that
# introduces a title. Nobody says it, and a reviewer has nothing to check in it.
TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "it", "it's"}
TITLE_BEFORE = re.compile(r"(?:[’']s|\b(?:on|in|documentary|film|movie|show|programme|program|"
                          r"series|book|album|song|titled|entitled|nickname|episode\s+of|broadcast\s+of|edition\s+of|"
                          r"author\s+of|interview\s+with|appearance\s+on|(?:co-)?hosts?\s+of|star\s+of|revival\s+of|heroine\s+of|"
                          r"sequel\s+to|tune\s+of|screening\s+of|season\s+\w+\s+of|podcast|memoir|autobiography|biography|"
                          r"novel|play|anthem|pseudonym|published|publish|renewed))"
                          r"[ \t,]*\Z", re.IGNORECASE)
# what a title names, said right after it: "the “Off Message” podcast", "an ''Today'' anchor", "“Dear Walter” letters"
TITLE_AFTER = re.compile(r"[ \t]*(?:podcast|show|star|stars|anchor|host|co-host|programme|program|series|documentary|"
                         r"column|columnist|segment|episode|special|franchise|movie|film|album|song|newsletter|"
                         r"letters?|memo|sketch|skit|broadcasts?|hashtag|reboot|revival|pageant|theme|syllabus|"
                         # a slogan or a campaign's name on what carries it or on who rallies to it
                         r"ads?|movement|campaign|rally|summit|reception|crowd|(?:bus\s+)?tour|hats?|(?:t-)?shirts?|"
                         r"signs?|pins|buttons|stickers|(?:tote\s+)?bags?|page|PAC|uprisings?|wave|slogan)\b", re.IGNORECASE)
NO_LETTERS = re.compile(r"[^\W\d_]")


def _is_title_or_code(body: str, start: int, end: int) -> bool:
    """A quoted title ("Face the Nation"), or quote marks around something with no words at all
    (a tweet's id "778257943577919488", "pic.twitter.com/"), or the value of markup left in the text
    (<tweet author="@name" date="March 10, 2016">): none of them is anyone's words."""
    if start > 0 and body[start - 1] == "=":
        return True
    inner = body[start + 1:end - 1].strip(" ,.;:!?")
    if not NO_LETTERS.search(inner) or " " not in inner and ("/" in inner or ".com" in inner):
        return True
    words = inner.split()
    if not words or len(words) > 10 or any(not (w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_SMALL_WORDS)
                                           for w in words):
        return False
    return TITLE_BEFORE.search(body, max(0, start - 30), start) is not None or TITLE_AFTER.match(body, end) is not None


def _pair_quote_marks(body: str) -> list[tuple[int, int]]:
    """(start, end) of each quote including its marks; linear in the number of marks.

    Inside a curly quote, curly quotes nest (“… what he calls “hell” …”) and a straight pair is a
    quote within the quote; a lone straight closer ends it (“…," as some papers mix them)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    segment_at = 0  # where the open quote's current paragraph starts
    segment_end = -1  # the line break ending that paragraph (-1: none)
    open_char = ""
    depth = 0  # curly quotes open inside the open curly quote
    inner_straight = False  # a straight quote open inside the open curly quote
    n = len(body)
    next_break = -1  # the first line break at or after the latest mark (n: none); only moves forward

    def line_break_after(i: int) -> int:
        nonlocal next_break
        if next_break < i:
            next_break = body.find("\n", i)
            if next_break < 0:
                next_break = n
        return next_break if next_break < n else -1

    for m in QUOTE_MARK.finditer(body):
        i, ch = m.start(), m.group()
        if open_at is not None and 0 <= segment_end < i:
            # the paragraph ended inside the quote: it carries on if this mark opens the next paragraph
            para_end = segment_end
            if _opens_paragraph(body, i) and _no_text_between(body, para_end, i) and ch not in CLOSERS:
                segment_at, segment_end = i, line_break_after(i)
                depth, inner_straight = 0, False
                continue
            spans.append((open_at, _trim_end(body, open_at, para_end)))
            open_at = None
        prev_c = body[i - 1] if i > 0 else " "
        next_c = body[i + 1] if i + 1 < n else " "
        if open_at is None:
            if ch in CLOSERS:
                continue
            if ch == '"' and (next_c.isspace() or (prev_c.isalnum() and next_c in ",.;:!?)")):
                continue  # a closing mark or inch sign with nothing open
            open_at, open_char, segment_at, segment_end = i, ch, i, line_break_after(i)
            depth, inner_straight = 0, False
        else:
            if ch in OPENERS:
                if open_char in OPENERS:
                    depth += 1  # a quote inside the quote
                    continue
                open_at, open_char, segment_at, segment_end = i, ch, i, line_break_after(i)  # the straight mark was stray
                continue
            if ch in CLOSERS and depth > 0:
                depth -= 1
                continue
            if ch == '"' and open_char == '"':
                # straight inside straight: "We will not accept a "secret" deal," said the mayor
                if inner_straight:
                    inner_straight = False
                    continue
                if (prev_c.isspace() or prev_c in "([—–") and next_c.isalnum():
                    inner_straight = True
                    continue
            if ch == '"' and open_char in OPENERS:
                closes = not prev_c.isspace() and (next_c.isspace() or next_c in ",.;:!?)—–")
                if not closes:
                    inner_straight = True
                    continue
                if inner_straight or depth > 0:
                    inner_straight = False
                    continue
            spans.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        para_end = body.find("\n", segment_at)
        spans.append((open_at, _trim_end(body, open_at, n if para_end < 0 else para_end)))
    return spans


def _opens_paragraph(body: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and body[j] in " \t":
        j -= 1
    return j < 0 or body[j] == "\n"


def _no_text_between(body: str, a: int, b: int) -> bool:
    return a >= 0 and not body[a:b].strip()


def _trim_end(body: str, start: int, end: int) -> int:
    while end > start + 1 and body[end - 1].isspace():
        end -= 1
    return end


# BEFORE_PARTICIPLE and BEFORE_SUBJECT_VERB end with their verb and then text without a quote mark or
# a stop: with none of their verbs after the last such mark of the window they cannot match. A test of
# a few string steps that spares most of their searches, each of which tries every character.
_STOPS = tuple("\"“”«».!?")
_PARTICIPLE_WORDS = tuple(w.split("\\")[0] for w in PARTICIPLES[3:-1].split("|"))
_CUE_WORDS = frozenset(w.split("\\")[0] for w in CUE_VERBS.split("|"))
_VERB_CLOSES = (BEFORE_PARTICIPLE, BEFORE_SUBJECT_VERB)
# the verbs of BEFORE_VERB_SUBJECT ("Said Pike, …", ", added Pike:"), in lower case
_INVERTED_CUE_WORDS = ("said", "says", "added", "asked", "wrote", "stated", "explained", "declared", "tweeted",
                       "noted", "continued", "replied")


def _verb_after_last_stop(pattern: re.Pattern[str], before: str, lowered: str | None, offset: int,
                          tail: int) -> bool:
    """Whether one of `pattern`'s verbs follows the last quote mark or stop in `before` (at `tail`), which
    starts at `offset` in the body; True when that cannot be told cheaply."""
    if pattern is BEFORE_PARTICIPLE:
        return _participle_in(before[tail:])
    if lowered is None:
        return True
    # the cue verb (matched in any case) stands after a space, then a space, [,:—–] or the end
    tokens = lowered[offset + tail:offset + len(before)].split()
    return any(token.rstrip(",:—–") in _CUE_WORDS for token in tokens)


def _participle_in(text: str) -> bool:
    """Whether one of PARTICIPLES (lower case, matched as written) is in `text`."""
    return "ing" in text and any(word in text for word in _PARTICIPLE_WORDS)  # each ends in "ing"


def _colon_before(before: str) -> bool:
    """COLON_BEFORE.search(before), tested first for its colon at the end (it is tried at every letter)."""
    return before.rstrip()[-1:] in (":", ";") and COLON_BEFORE.search(before) is not None


# after a quote that closed its sentence ('… neighbourhood." Russia insisted that …') a name and a verb
# credit the quote only when the verb ends the clause ('… too." Pike said on Monday.')
CUE_CLOSES = re.compile(r"\s*(?:[,.;:!?—–]|\Z|(?:on|in|at|to|during|after|before|last|this|yesterday|today|"
                        r"earlier|later|afterwards|[A-Z][a-z]+day)\b)")
# "what he called": the pronoun of a relative clause the reporter adds
RELATIVE_BEFORE = re.compile(r"\bwhat\s+\Z", re.IGNORECASE)
# the antecedent of a pronoun is the subject of a speech verb: the pronoun is inside what it said
SPEAKS_AFTER = re.compile(rf"{_ASIDES}\s+{_ADVERBS}(?:said|says|told|tells|added|adds|argued|argues|insisted|insists|"
                          r"explained|explains|noted|notes|claimed|claims|contended|contends|wrote|writes|warned|warns)\b")
# '"…." He added: "…"': a cue closed by a colon after a finished quote introduces the next quote
INTRODUCES_NEXT = re.compile(r"[^\S\n]*(?::|,[^\S\n]*[\"“«])")  # '"…." He added: "…"', 'He added, "…"'
# 'Brafman said, "….” He added, …': a finished quote its own cue introduced before it
INTRODUCED_BEFORE = re.compile(rf"\b(?:{CUE_VERBS})(?:[^\S\n]*[,:]|[^\S\n]+that)[^\S\n]*\Z")
OPENING_ACCORDING = re.compile(r"\s*(?:[A-Z][a-z]+\s+)?[Aa]ccording\s+to\s+(?P<np>[^,;\"“”«»\n]{2,160}?),")
COLON_BEFORE = re.compile(r"\w[:;]\s*\Z")  # "… a new campaign message: “It's about me.”"
EMBEDDED_BEFORE = re.compile(r"(?:[a-z,—]|\s[-—–])[ \t]*\Z")  # "her record—“the longest expansion”—"  # \Z: "$" would also match before a line break


# a sentence opening with a subordinate clause: "While Ruiz called the plan", "But even as Pike claimed that"
_SUBORDINATE = r"[^\S\n]*(?:(?:But|And|Yet|So|Still)\s+)?(?:(?:[Ee]ven|[Jj]ust)\s+)?(?:[Ww]hile|[Aa]s|[Ww]hen|[Aa]fter|" \
               r"[Aa]lthough|[Tt]hough|[Bb]ecause|[Ss]ince|[Bb]efore|[Uu]ntil|[Oo]nce|[Ww]hereas|[Ii]f)"
SUBORDINATE_OPENING = re.compile(_SUBORDINATE + r"\s[^,;:!?\"“”«»\n]*")
# ... and the subject of that clause, with its verb ("After saying …" has none: the main clause's subject)
OPENING_CLAUSE_SUBJECT = re.compile(rf"{_SUBORDINATE}\s+(?P<np>{_PRON}|{_NAME}(?<![’']s)|{_DET_ROLE}|[Tt]hose\s+[a-z]+)"
                                    rf"\s+{_ADVERBS}(?P<cue>{_VERBISH})")


def _closes_opening_clause(body: str, sentence_start: int, start: int, end: int) -> bool:
    """A quote that ends the subordinate clause its sentence opens with ('While Ruiz called it “a farce,”
    Pike …', 'As they weigh the “contested contest,” Clinton aides …'): the main clause after it has a
    subject and verb of its own, and the quote's speaker is in the clause the quote is in."""
    if body[end - 2:end - 1] != "," and not body.startswith(",", end):
        return False
    return sentence_start < start and SUBORDINATE_OPENING.fullmatch(body, sentence_start, start) is not None


def _embedded(body: str, start: int) -> bool:
    """A quote that sits inside a sentence ("other "terrorists"") rather than opening one."""
    before = body[max(0, start - 3):start]
    return bool(EMBEDDED_BEFORE.search(before))  # never across a line: a paragraph may open with a short quote


def _find_cue(body: str, start: int, end: int, sentence_start: int, partial: bool,
              others: list[tuple[int, int]], lowered: str | None = None) -> tuple | None:
    """(mention start, mention end, cue verb) of the attribution of the quote at [start, end), and where the
    speaker's name ends when the mention runs on to an outer source ("…, according to X");
    `lowered` is lowered_for_words(body), for a quick test of the text before the quote."""
    label = SPEAKER_LABEL.match(body, start)
    if label:  # a transcript inside quotes: "PENCE: Well, look, ..."
        return label.start("np"), label.end("np"), "said"
    line_end = body.find("\n", end)
    line_end = len(body) if line_end < 0 else line_end
    after_limit = min(line_end, end + WINDOW)
    nxt = bisect.bisect_left(others, (end, end))
    if nxt < len(others):
        after_limit = min(after_limit, others[nxt][0])
    after = body[end:after_limit]
    clause = CLAUSE_END.split(after, maxsplit=1)[0]
    in_opening_clause = _closes_opening_clause(body, sentence_start, start, end)
    if in_opening_clause:
        after = clause = ""  # 'While Ruiz called it “a farce,” Pike said …': the main clause is not its cue
        spoken = _outermost_cue(body[sentence_start:start])  # 'As Ohio waits for what Pike called “…,”'
        if spoken:
            np_start, np_end = _last_clause(body[sentence_start:start], spoken.start("np"), spoken.end("np"))
            return sentence_start + np_start, sentence_start + np_end, _cue_word(spoken.group("cue"))
        own = OPENING_CLAUSE_SUBJECT.match(body, sentence_start, start)
        if own and _plausible_np(own.group("np"), True):
            verb = own.group("cue").lower()
            return own.start("np"), own.end("np"), verb if verb in _CUE_WORDS else None
    if not partial:
        credit = AFTER_DASH_CREDIT.match(after)
        if credit and _plausible_np(credit.group("np"), False):
            return end + credit.start("np"), end + credit.end("np"), "said"
        credit = CREDIT_LINE_AFTER.match(body, end, end + WINDOW) if _opens_paragraph(body, start) else None
        if credit and _plausible_np(credit.group("np"), False):  # a quote paragraph, then "- Hillary Clinton."
            return credit.start("np"), credit.end("np"), "said"
    # a short quote closing its clause with a comma is credited like a full one: 'are "not enough," says X'
    if not partial or body[end - 2:end - 1] == "," or clause.startswith(","):
        for pattern in (AFTER_ACCORDING, AFTER_VERB_SUBJECT, AFTER_SUBJECT_VERB):
            m = pattern.match(clause)
            if m and _plausible_np(m.group("np"), pattern is AFTER_SUBJECT_VERB, quantifier=True) \
                    and not (body[end - 2:end - 1] == "." and not CUE_CLOSES.match(clause, m.end())) \
                    and not (body[end - 2:end - 1] in ".?!" and (INTRODUCES_NEXT.match(body, end + m.end())
                                                                or INTRODUCED_BEFORE.search(body, max(0, start - 40), start))):
                outer = OUTER_ACCORDING.match(clause, m.end()) if pattern is not AFTER_ACCORDING else None
                if outer:  # who said it, and the mention runs on to whom the reporter heard it from
                    return end + m.start("np"), end + outer.end("np"), _cue_word(m.group("cue")), end + m.end("np")
                named = NAME_IN_APPOSITION.match(after, m.end()) if m.group("np")[:1].islower() else None
                if named and len(named.group("np").split()) > 1:  # 'said the association's chairman, Geoff Pratt'
                    return end + named.start("np"), end + named.end("np"), _cue_word(m.group("cue"))
                return end + m.start("np"), end + m.end("np"), _cue_word(m.group("cue"))
        if body[end - 2:end - 1] in (",", "?", "!", "—", "–"):
            # the quote's sentence goes on after it, so what follows is its attribution with any verb
            # in the past: '"Oh, my God," a woman exclaimed', '"…," Toomey fumed on Tuesday'
            for pattern in (AFTER_SUBJECT_PAST, AFTER_PAST_NAME):
                m = pattern.match(clause)
                if m and _plausible_np(m.group("np"), pattern is AFTER_SUBJECT_PAST):
                    return end + m.start("np"), end + m.end("np"), _cue_word(m.group("cue"))
    line_start = body.rfind("\n", 0, start) + 1
    if _opens_paragraph(body, start):
        # "He said:\n\n“We have a situation…”": the cue ends the previous paragraph with a colon
        prev_end = line_start - 1
        while prev_end > 0 and body[prev_end - 1] in "\n \t":
            prev_end -= 1
        if prev_end > 0 and body[prev_end - 1] == ":":
            line_start = body.rfind("\n", 0, prev_end) + 1
    before_from = max(line_start, start - WINDOW)
    prv = bisect.bisect_left(others, (start, start)) - 1
    if prv >= 0 and others[prv][1] > before_from:
        before_from = others[prv][1]
    before = body[before_from:start]
    # the patterns searched in `before` below are tried at most of its characters: each is searched only
    # where what every match of it holds is there (a colon at the end, a participle after the last stop)
    tail = max(map(before.rfind, _STOPS)) + 1  # where the text after the last quote mark or stop starts
    colon = _colon_before(before)
    if sentence_start >= line_start and (_embedded(body, start) or colon):
        according = OPENING_ACCORDING.match(body, sentence_start, start)
        if according:  # "According to X, Pike said that “…”": X is the source the reporter gives
            return according.start("np"), according.end("np"), "according to"
    # a PARTICIPLE_AT_END match holds no quote mark or stop: it starts after the last one
    participle = PARTICIPLE_AT_END.search(before, tail) if _participle_in(before[tail:]) else None
    if participle:  # "Dean, a doctor, mocked the debate, tweeting, “…”": the subject of the sentence tweeted
        cue_word = _cue_word(participle.group("cue"))
        doer = DOER_BEFORE_PARTICIPLE.search(before, 0, participle.start())
        if doer and before[participle.start()] != "," and _plausible_np(doer.group("np"), False):
            # "…, with Trump reportedly yelling: “…”"
            return before_from + doer.start("np"), before_from + doer.end("np"), cue_word
        said = SAID_BEFORE_PARTICIPLE.search(before, 0, participle.start())
        if said and _plausible_np(said.group("np"), True):  # '…,” he said, adding, “…”': who said, added
            return before_from + said.start("np"), before_from + said.end("np"), cue_word
        subject = _sentence_subject(body, sentence_start, before_from + participle.start())
        if subject:
            return subject[0], subject[1], cue_word
        last = None  # "“…,” Blige sings to Clinton before asking her, “…”": the last name with a verb
        for last in CLAUSE_SUBJECT.finditer(before, 0, participle.start()):
            pass
        if last and _plausible_np(last.group("np"), True):
            return before_from + last.start("np"), before_from + last.end("np"), cue_word
    label = NAME_LABEL_BEFORE.search(before) if before.rstrip().endswith(":") else None
    if label and _plausible_np(label.group("np"), False):  # "Rep. Trey Gowdy (R-S.C.): “…”", "- Ann Lee: “…”"
        return before_from + label.start("np"), before_from + label.end("np"), "said"
    for pattern in (BEFORE_VERB_SUBJECT, BEFORE_ACCORDING, BEFORE_PARTICIPLE, BEFORE_SUBJECT_VERB):
        if pattern in _VERB_CLOSES and not _verb_after_last_stop(pattern, before, lowered, before_from, tail):
            continue
        if pattern is BEFORE_VERB_SUBJECT and lowered is not None \
                and not any(lowered.find(word, before_from, start) != -1 for word in _INVERTED_CUE_WORDS):
            continue  # none of its verbs in any case
        m = pattern.search(before)
        while m and pattern in _VERB_CLOSES and ((pattern is BEFORE_SUBJECT_VERB and _after_preposition(before, m.start("np")))
                                                 or _in_opening_phrase(before, m.start("np"))):
            m = pattern.search(before, m.start("np") + 1)  # "In a message posted Friday, Ortega said"
        if m and pattern is BEFORE_SUBJECT_VERB and _names_a_thing(before, m):
            continue  # 'a short film called “Tenemos Familias”': the film is named, nobody speaks
        if m and pattern is BEFORE_VERB_SUBJECT and m.group("np2"):
            return before_from + m.start("np2"), before_from + m.end("np2"), _cue_word(m.group("cue2"))
        if m and pattern is BEFORE_SUBJECT_VERB:
            m = _nearest_subject_verb(before, m)
        if m and _plausible_np(m.group("np"), pattern is BEFORE_SUBJECT_VERB, before_quote=True,
                               quantifier=pattern is BEFORE_SUBJECT_VERB):
            np_start, np_end = _last_clause(before, m.start("np"), m.end("np"))
            return before_from + np_start, before_from + np_end, _cue_word(m.group("cue"))
    if _embedded(body, start) or partial or colon:
        base = max(sentence_start, line_start, start - 2 * WINDOW)
        sentence_before = body[base:start]
        according = OPENING_ACCORDING.match(body, base, start)
        if according:  # "According to the complaint, the firm ran a “massive scheme”": the sentence's source
            return according.start("np"), according.end("np"), "according to"
        # "Leaders became more “conversant” about it, Ban said.": the sentence is the speaker's, who closes it
        for pattern in (AFTER_TRAILING, AFTER_TRAILING_INVERTED):
            trailing = pattern.match(after)
            if trailing and _plausible_np(trailing.group("np"), pattern is AFTER_TRAILING) \
                    and SENTENCE_CLOSES.match(after, trailing.end()):
                return end + trailing.start("np"), end + trailing.end("np"), _cue_word(trailing.group("cue"))
        agent = AGENT_AFTER.match(after) if NAMING_BEFORE.search(sentence_before) else None
        if agent and _plausible_np(agent.group("np"), False):  # "labeled a “witch hunt” by Democrats"
            return end + agent.start("np"), end + agent.end("np"), "called"
        found = _outermost_cue(sentence_before)
        if found:
            np_start, np_end = _last_clause(sentence_before, found.start("np"), found.end("np"))
            return base + np_start, base + np_end, _cue_word(found.group("cue"))
        subject = _sentence_subject(body, base, start)
        if subject:
            # "Jindal signed an order, while Huckabee proposed we “wake up …”": the clause the quote is in
            # has a subject of its own
            breaks = [b.end() for b in CLAUSE_BREAK.finditer(body, subject[1], start)]
            if breaks:
                own = CLAUSE_SUBJECT.match(body, _skip_space(body, breaks[-1]), start)
                if own and _plausible_np(own.group("np"), True):
                    return own.start("np"), own.end("np"), None
            breaks = [b.end() for b in SUBORDINATE_BREAK.finditer(body, subject[1], start)]
            if breaks:
                own = CLAUSE_SUBJECT.match(body, _skip_space(body, breaks[-1]), start)
                if own and not ONLY_A_PRONOUN.match(own.group("np")) and _plausible_np(own.group("np"), True):
                    return own.start("np"), own.end("np"), None
            if body[subject[0]:subject[1]].lower() == "it":
                # "It is strange that Trump would denounce “self-deportation”": "it" stands for the clause,
                # whose own subject is the one who speaks
                that = EXPLETIVE_THAT.match(body, subject[1], start)
                own = CLAUSE_SUBJECT.match(body, that.end(), start) if that else None
                if own and _plausible_np(own.group("np"), True):
                    return own.start("np"), own.end("np"), None
            return subject[0], subject[1], None
        # "Bemoaning the “phony system,” Pike accused …": the quote sits in the opening phrase
        subject = _sentence_subject(body, base, end + WINDOW)
        if subject and subject[0] >= end:
            return subject[0], subject[1], None
        # "That prompted Rubio to joke …, and Trump launched into a lament for the “countless Americans”":
        # the nearest name or pronoun with a verb in the sentence before the quote
        last = None
        for m in CLAUSE_SUBJECT.finditer(sentence_before):
            if _plausible_np(m.group("np"), True) and not _after_preposition(sentence_before, m.start()):
                last = m
        if last:
            return base + last.start("np"), base + last.end("np"), None
        source = SOURCE_BEFORE_COLON.search(sentence_before)
        if source and _plausible_np(source.group("np"), False):  # "From the report: “…”", "Here's Pike in 1992: “…”"
            return base + source.start("np"), base + source.end("np"), None
    for pattern in (AFTER_TRAILING, AFTER_TRAILING_INVERTED):
        trailing = pattern.match(after)
        if trailing and _plausible_np(trailing.group("np"), pattern is AFTER_TRAILING):
            return end + trailing.start("np"), end + trailing.end("np"), _cue_word(trailing.group("cue"))
    if partial:
        return None
    for pattern in (AFTER_ACCORDING, AFTER_SUBJECT_VERB, AFTER_VERB_SUBJECT):
        m = pattern.match(clause)
        if m and _plausible_np(m.group("np"), pattern is AFTER_SUBJECT_VERB, quantifier=True) \
                and not (body[end - 2:end - 1] in ".?!" and (INTRODUCES_NEXT.match(body, end + m.end())
                                                            or not CUE_CLOSES.match(clause, m.end()))):
            # '"….” Greene added that the Fed …': a new sentence of reported speech, not this quote's cue
            return end + m.start("np"), end + m.end("np"), _cue_word(m.group("cue"))
    return None


# a sentence that ends with its speech verb, and the name it opens with: the speaker of the quote after it
INTRO_ENDS_WITH_CUE = re.compile(r"\b(?:said|says|told\s+\w+|wrote|writes|added|stated)\b[^.;:\"“”«»\n]{0,40}[.:]\s*\Z")
OPENING_NAME = re.compile(rf"\s*(?P<np>{_NAME})(?=\s*[,(])")


def _skip_space(body: str, at: int) -> int:
    while at < len(body) and body[at].isspace():
        at += 1
    return at


def _introduced_by(body: str, intro: Sentence | None, start: int, previous: Quote | None,
                   resolver: SpeakerResolver) -> tuple[int, int, str] | None:
    """A quote with no cue, opening a sentence or a paragraph, right after a sentence about a named
    person ("Pike, who chairs the board, called him a master of deals. “He never gave up.”") is that
    person's: the sentence before introduced the speaker. Only a person the article names in full."""
    if intro is None or intro.end > start or len(PARAGRAPH_BREAK.findall(body, intro.end, start)) > 1:
        return None
    if previous and previous.end > intro.start and (previous.start < intro.start or not previous.partial):
        return None  # the sentence before is (or holds) a quote with its own speaker: that speaker goes on
    trailing = INTRO_TRAILING_CUE.search(body, max(intro.start, intro.end - 160), intro.end)
    if trailing and _plausible_np(trailing.group("np"), True):  # "…over Syria, Schiff said. “The other factor…”"
        subject = resolver.trim_mention(trailing.start("np"), trailing.end("np"))
    else:
        subject = _sentence_subject(body, intro.start, intro.end)
    if not subject and INTRO_ENDS_WITH_CUE.search(body, max(intro.start, intro.end - 60), intro.end):
        # "Sam Lau, the party's spokesman for the state and its caucuses said in a statement. “…”"
        opening = OPENING_NAME.match(body, intro.start, intro.end)
        subject = (opening.start("np"), opening.end("np")) if opening else None
    if not subject:
        return None
    mention = body[subject[0]:subject[1]]
    if is_pronoun(mention) and mention.lower() not in ("he", "she"):
        return None
    name = resolver.resolve(*subject)
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in (words[0], words[-1])) or is_organisation(name) \
            or words[0].lower() in ("the", "a", "an"):
        return None  # a person named in full, not "The summit" or "Residents"
    return subject[0], subject[1], name


PREPOSITION_BEFORE = re.compile(r"(?:^|(?P<word>[\w’'\-.%]+)\s+)(?:[Ii]n|[Oo]n|[Aa]t|[Oo]f|[Ww]ith|[Bb]y|[Ff]or|[Ff]rom|"
                                r"[Ii]nto|[Aa]bout|[Tt]hrough|[Aa]cross|[Oo]ver|[Uu]nder|[Aa]round|[Nn]ear|[Aa]gainst|"
                                r"[Tt]owards?|[Aa]mong|[Bb]etween|[Ii]nside|[Oo]utside|[Aa]long|[Bb]ehind)\s+\Z")
# its prepositions, each as written after its first letter (tests/test_extract_scans.py holds the two equal)
PREPOSITIONS = frozenset("in on at of with by for from into about through across over under around near against "
                         "toward towards among between inside outside along behind".split())


# what stands between a cue and a later subject when the later clause is what the first speaker reports:
# 'Lynch said she recalled thinking, "…"', 'Ryan told CNN that Ginsburg’s comments "…"' stay Lynch's, Ryan's
REPORTED_CLAUSE_OPENS = re.compile(r"(?:\s+[^\s,;:]+){0,3}?\s+(?:that|whom|who|which)\s+|\s+")


PEOPLE_WORDS = ROLE_WORDS | PERSON_NOUNS | {"spokesman", "spokeswoman", "people", "critics", "officials",
                                            "voters"}
NAMING_CUES = frozenset(("called", "dubbed", "named", "titled", "labeled", "labelled", "branded", "nicknamed"))
RELATIVE_OPENS = re.compile(r"\b(?:what|whom|which|who)\s+\Z", re.IGNORECASE)
NAMED_RIGHT_AFTER = re.compile(r"\s*(?:an?\s+|the\s+)?\Z", re.IGNORECASE)


def _names_a_thing(before: str, m: re.Match[str]) -> bool:
    """'a short film called “…”', 'the tax loophole called an “inversion”': a thing with the name it goes by
    (the participle, with the quote right after it), not someone calling something so ('a spokesman
    called the plan “…”' has an object between)."""
    cue = (m.group("cue") or "").lower()
    np = m.group("np").strip().lower()
    if cue not in NAMING_CUES or not np.startswith(("a ", "an ", "the ")) or np.split()[-1] in PEOPLE_WORDS \
            or RELATIVE_OPENS.search(before, max(0, m.start("np") - 8), m.start("np")):
        return False  # "the mayor called “…”", "what the Times called “…”": someone speaking
    return bool(NAMED_RIGHT_AFTER.match(before, m.end("cue")))


def _nearest_subject_verb(before: str, m: re.Match[str]) -> re.Match[str]:
    """Of the subjects with a cue that lead up to a quote, the last: 'Axelrod tweeted after Clinton argued
    in the debate that "…"' is Clinton's quote. The search finds the first, whose tail runs to the quote."""
    while True:
        later = BEFORE_SUBJECT_VERB.search(before, m.end("cue"))
        if later is None or _after_preposition(before, _name_start(before, later)) \
                or not _plausible_np(later.group("np"), True, before_quote=True, quantifier=True) \
                or REPORTED_CLAUSE_OPENS.fullmatch(before, m.end("cue"), _name_start(before, later)):
            return m
        m = later


def _name_start(text: str, m: re.Match[str]) -> int:
    """Where the subject `m` found names someone, after the lower-case words it may open with ("after
    Councillor Ruth Obi argued": the connective is part of what stands between two clauses)."""
    return LOWER_WORDS.match(text, m.start("np"), m.end("np")).end()


LOWER_WORDS = re.compile(r"(?:[a-z][\w’'\-]*\s+)*")


def _after_preposition(text: str, at: int) -> bool:
    """The object of a preposition, not a subject; but "Secretary of State John Kerry" is one name."""
    lo = max(0, at - 40)
    # PREPOSITION_BEFORE is tried at every character of the window; it can only match where the window
    # ends in spaces after a preposition standing alone, which two string steps tell
    window = text[lo:at]
    if not window[-1:].isspace():
        return False
    last = window.rsplit(None, 1)[-1:]
    if not last or last[0][:1].lower() + last[0][1:] not in PREPOSITIONS:
        return False
    m = PREPOSITION_BEFORE.search(text, lo, at)
    return bool(m) and not (m.group("word") or "")[:1].isupper()


# a sentence opening with a phrase closed by a comma: "In a statement to the Observer,", "At one point on
# Sunday,", "Appearing before supporters,", "After Ruiz spoke,"
OPENING_PHRASE = re.compile(rf"{_INTRO_WORD}\b[^,;\n\"“”«»]{{0,150}}?,")
SENTENCE_OPENS = re.compile(r"(?:\A|\n|[.!?][\"”’')]*\s)\s*")


def _in_opening_phrase(text: str, at: int) -> bool:
    """Whether `at` lies in the opening phrase of its sentence, before the comma that closes it: what is
    named there ("the Observer", "Sunday", "Appearing") is never the subject the sentence goes on to."""
    opens = 0
    for opens_m in SENTENCE_OPENS.finditer(text, max(0, at - 200), at + 1):
        if opens_m.end() <= at:
            opens = opens_m.end()
    if opens == 0 and at > 200:
        return False  # the sentence's start is not in sight
    phrase = OPENING_PHRASE.match(text, opens)
    return bool(phrase) and at < phrase.end() - 1


# what every IN_SENTENCE match holds: its verb, after a space (the pattern puts \s+ or an adverb's \s+ before it)
_SPEECH_VERB = re.compile(rf"\s(?:{CUE_VERBS}|{EMBED_VERBS})\b")


def _outermost_cue(text: str) -> re.Match[str] | None:
    """The speech verb in `text` a quote after it belongs to: the last one, unless it sits in a clause
    reported by an earlier one ("Pike said that Ruiz once called it “a disaster”" → Pike, the source the
    reporter heard; "Pike spoke, and Ruiz called it “a disaster”" → Ruiz)."""
    candidates = []
    # each pattern is tried at most characters of `text`; skipped where what every match holds is absent:
    # a speech verb after a space (IN_SENTENCE; half the texts have none), a possessive mark (POSSESSIVE_CLAIM)
    patterns = (IN_SENTENCE,) if _SPEECH_VERB.search(text) else ()
    if "’" in text or "'" in text:
        patterns += (POSSESSIVE_CLAIM,)
    for pattern in patterns:
        for m in pattern.finditer(text):
            if pattern is IN_SENTENCE and _after_preposition(text, m.start()):
                continue  # "In a message posted Friday, Cruz said" / "32% of Republican claims": not a speaker
            if pattern is IN_SENTENCE and _names_a_thing(text, m):
                continue  # 'a short film called “…”'
            relative = m.group("np") in ("which", "who")  # "the Police Department which reported"
            if relative or _plausible_np(m.group("np"), pattern is IN_SENTENCE, before_quote=True,
                                         quantifier=pattern is IN_SENTENCE):
                candidates.append((m.start(), pattern is IN_SENTENCE, m))
    candidates.sort(key=lambda c: c[0])
    found = None
    for _, speech, m in candidates:
        if found is not None and found.re is IN_SENTENCE and not CLAUSE_BREAK.search(text, found.end(), m.start()):
            continue  # nested in the clause the earlier speaker reports
        found = m
    return found


DETERMINERS = {"the", "a", "an", "other", "one", "two", "three", "several", "many", "some", "most", "both", "only",
               "few", "his", "her", "their", "its"}
NAME_ONLY = re.compile(_NAME)
# "Apple's chief executive", "Florida's Republican attorney general"
POSSESSIVE_DESCRIPTION = re.compile(rf"{_NAME}[’']s?(?:\s+[A-Z][a-z]+){{0,2}}(?:\s+[a-z][\w’'\-]*)+")
TITLED_NAME = re.compile(rf"(?:[a-z][\w’'\-]*\s+){{0,4}}{_NAME}")  # "schools minister Rhys Yeo", "Tim Cook"


def _sentence_subject(body: str, sentence_start: int, limit: int) -> tuple[int, int] | None:
    """The subject of the sentence opening at `sentence_start`, when it is a name, a pronoun or a
    described group, and ends before `limit`."""
    m = SENTENCE_SUBJECT.match(body, sentence_start, min(limit, sentence_start + 2 * WINDOW))  # bounded: linear
    if not m:
        return None
    np = m.group("np")
    described = np[:1].isupper() and np.split()[0].lower() in DETERMINERS
    possessive = POSSESSIVE_DESCRIPTION.fullmatch(np) is not None
    if not _plausible_np(np, not described) or np.split()[0] in ("The", "A", "An", "In") and len(np.split()) == 1:
        return None
    aside = m.group("aside")
    if (described and aside and NAME_ONLY.fullmatch(aside.strip())
            or possessive and aside and TITLED_NAME.fullmatch(aside.strip())):
        # "His former partner, Lawrence Cummings, called him …", "Aske's deputy, schools minister Rhys Yeo,
        # told …": the name in the aside is the person
        return m.start("aside") + len(aside) - len(aside.lstrip()), m.end("aside") - (len(aside) - len(aside.rstrip()))
    return m.start("np"), m.end("np")


def _antecedent_in_sentence(body: str, sentence_start: int, start: int, end: int) -> tuple[int, int] | None:
    """ "Pike condemned what he called …" / "Ruiz scolded him: “…,” she said": a pronoun whose sentence
    opens with a named subject stands for that subject, the mention a reader takes the name from."""
    subject = _sentence_subject(body, sentence_start, start)
    if not subject:
        return None
    np = body[subject[0]:subject[1]]
    pronoun = body[start:end].lower()
    if is_pronoun(np):
        return None
    described = np.split()[0].lower() in ("the", "a", "an", "other", "one", "two", "three", "several", "many",
                                          "some", "most", "both", "only", "few", "his", "her", "their", "its")
    if pronoun in ("he", "she"):  # a person: a name, not an organisation or a described group
        return None if described or is_organisation(np) else subject
    if pronoun == "it":  # an organisation or a thing: "the council … what it called"
        return subject if is_organisation(np) or (described and not np.endswith("s")) else None
    return subject if pronoun == "they" and described and np.endswith("s") else None


_BAD_NP_START = re.compile(r"^(?:and|but|or|so|then|which|that|who|as|if|when|while|because|it|this|there|"
                           r"what|how|why|where|to|in|on|at|for|of|with|by|from|is|was|were|are|be|has|had|have|"
                           r"not|also|just|only|still|even|however|though|although)\b", re.IGNORECASE)


_NOT_A_SPEAKER = {
    "the", "a", "an", "in", "on", "at", "but", "and", "this", "that", "all", "when", "as", "after", "if",
    "so", "yet", "still", "now", "then", "there", "here", "what", "why", "how", "later", "earlier", "meanwhile",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december", "today",
    "yesterday", "tomorrow", "last", "next", "asked", "speaking", "writing",
    # a count opening a sentence ("Eight years ago, he …") is capitalised, and nobody
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
    "hundreds", "thousands", "millions", "dozens", "several", "many", "most", "some", "few",
}


POSSESSIVE_END = re.compile(r"[’']s?\Z")


def _plausible_np(np: str, subject_before_verb: bool, before_quote: bool = False, quantifier: bool = False) -> bool:
    """A speaker mention, not a stray clause ("and it is", "which", "Friday"). Before the quote a mention
    may open with the word opening its clause ("As Politico reported"); after it, "and X told" is
    another clause, with a speaker of its own."""
    np = np.strip()
    if not np or len(np) > 120:
        return False
    words = np.split()
    if words[-1].lower() in ("and", "or", "but", "that", "which", "to", "of", "the", "a", "an"):
        return False
    if len(words) == 1 and POSSESSIVE_END.sub("", words[0].lower()) in _NOT_A_SPEAKER:  # "Sunday's"
        # but a quantifier that a pattern read right before (or after) its speech verb: "Several said"
        return quantifier and words[0].lower() in QUANTIFIER_SUBJECTS
    if len(words) == 2 and words[0].lower() in ("the", "a", "an", "in", "on", "at") and words[1][:1].isupper() \
            and words[1].lower() in _NOT_A_SPEAKER:
        return False
    if before_quote and len(words) > 1 and words[0].lower() in OPENING_WORDS and words[1][:1].isupper():
        return _plausible_np(np[len(words[0]):], subject_before_verb)  # "As Politico reported, …"
    if subject_before_verb and _BAD_NP_START.match(np) and not is_pronoun(np.split()[-1]):
        return False
    return True


def _last_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow a mention to its last clause: "Writing in the paper, the prime minister" → "the prime minister"."""
    segment = text[start:end]
    cut = max(segment.rfind(", "), segment.rfind("; "), segment.rfind(" and "), segment.rfind(" that "),
              segment.rfind(" but "))
    if cut >= 0:
        skip = 2 if segment[cut:cut + 2] in (", ", "; ") else len(segment[cut:].split(" ", 2)[1]) + 2
        start = start + cut + skip
    while start < end and text[start] in " ,;":
        start += 1
    return start, end


def _cue_word(cue: str | None) -> str | None:
    if cue is None:
        return None
    return re.sub(r"\s+", " ", cue.strip().lower())


def _inside_a_quote(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of the (sorted) quote spans: words in quote marks are what
    someone said, never the reporter's naming of who said it."""
    i = bisect.bisect_right(spans, (start, start)) - 1
    return i >= 0 and spans[i][0] < start and end <= spans[i][1]


SENTENCE_STOP = re.compile(r"[.!?;][\"”’')]*\s")


def _resumes_after_cue(body: str, previous: Quote | None, start: int) -> bool:
    """The second part of a quote its own cue splits: '"She is too far behind," said an Iowa Democrat, "and
    Iowa was not…"', '"…", Pike told the BBC, "…"'. The first part stops mid-sentence and the cue hands on
    with a comma, so whatever the second part holds (a "we", a name) it is the same speaker's."""
    if previous is None or previous.speaker is None or previous.speaker_start is None \
            or not previous.end <= previous.speaker_start < previous.speaker_end <= start:
        return False
    between = body[previous.end:start]
    if len(between) > 200 or "\n" in between or SENTENCE_STOP.search(between):
        return False  # '…," Bob said. Eyebrows raised, he asked, "…"': a new sentence may name a new speaker
    stopped_mid_sentence = body[previous.end - 2:previous.end - 1] in (",", "—", "–") or between[:1] == ","
    return stopped_mid_sentence and between.rstrip()[-1:] in (",", "—", "–")


def _cue_after_previous_cue(previous: Quote | None, mention_start: int) -> bool:
    """A mention read after the previous quote's own speaker is a new cue: '"…," Ryan said on CNN, though he
    said, "I hope to."' is the "he" clause's quote, whoever "he" is."""
    return previous is not None and previous.speaker_end is not None and mention_start >= previous.speaker_end


def _continues(body: str, previous: Quote, start: int) -> bool:
    """A quote with no cue of its own continues the previous speaker within a paragraph or the next."""
    between = body[previous.end:start]
    return len(PARAGRAPH_BREAK.findall(between)) <= 1 and len(between) < 600


PARAGRAPH_BREAK = re.compile(r"\n\s*")  # one break, whether papers print it as "\n" or "\n\n"


def attribute_claims(body: str, sentences: list[Sentence], claims: list[Claim], quotes: list[Quote]) -> list[Claim]:
    """Claims inside a quote, or in a clause of reported speech ("the Observatory said government
    forces were advancing"), carry the speaker."""
    if not claims:
        return claims
    quote_spans = [(q.start, q.end, q.speaker) for q in quotes if q.speaker]
    lowered = lowered_for_words(body)
    # only a verb that goes on into its clause ("said that", "said 12") can end a REPORTED match: 'the
    # minister said. prices' repeated 18,000 times had each claim scan 600 characters for nothing
    verbs = [v for v in word_starts(body, lowered, REPORTING_VERBS, REPORTING_VERB) if REPORTED_CUE.match(body, v)]
    resolver: SpeakerResolver | None = None

    def resolved(start: int, end: int) -> str | None:
        """Who the mention read at [start, end) is; the resolver is built for the first claim that needs it."""
        nonlocal resolver
        if resolver is None:
            resolver = SpeakerResolver(body)
        mention = resolver.trim_mention(start, end)
        return resolver.resolve(*mention) if mention else None

    out: list[Claim] = []
    qi = 0
    for c in claims:
        speaker = None
        while qi < len(quote_spans) and quote_spans[qi][1] <= c.start:
            qi += 1
        if qi < len(quote_spans) and quote_spans[qi][0] <= c.start < quote_spans[qi][1]:
            speaker = quote_spans[qi][2]
        # a reporting clause further back than REPORT_REACH speaks for nothing near the claim; reading the
        # whole run-on "sentence" per claim (unbalanced quote marks can make the body one) was quadratic
        reach = c.sentence_start
        if c.start - reach > REPORT_REACH:
            reach = body.find(" ", c.start - REPORT_REACH, c.start) + 1 or c.start
        if speaker is None and _verb_between(verbs, reach, c.start):
            speaker = _reporting_clause(body, c, reach, resolved) or _and_said_subject(body, c, reach, resolved)
        if speaker is None:
            speaker = _closing_source(body, c, resolved)
        out.append(replaced(c, speaker=speaker) if speaker else c)
    return out


def _reporting_clause(body: str, c: Claim, reach: int, resolved) -> str | None:
    """Who the clause the claim is reported in names: "Brady, a former firefighter, said the city had lost
    1,100 homes", "One pastor, Darran Whiting of Liberty Church, said …"."""
    # the claim's first character too, which the cue's look-ahead reads ("says at least 95%")
    sentence_before = body[reach:c.start + 1]
    m = None
    for m_ in REPORTED.finditer(sentence_before):
        if m_.end() <= c.start - reach:
            m = m_
    if m is None or m.end() == c.start - reach and c.kind == "date":
        return None  # "said on Tuesday that": when it was said, not what
    named = NAME_ONLY.match(m.group("aside") or "")
    if named and len(named.group().split()) < 2:
        named = None
    if named:
        return resolved(reach + m.start("aside") + named.start(), reach + m.start("aside") + named.end())
    if not _plausible_np(m.group("np"), True):
        return None
    s, e = _last_clause(sentence_before, m.start("np"), m.end("np"))
    return resolved(reach + s, reach + e)


def _and_said_subject(body: str, c: Claim, reach: int, resolved) -> str | None:
    """"Obi called the plan “…” and said waiting lists had grown": the sentence's subject said it too."""
    and_said = None
    for and_said in AND_SAID.finditer(body, reach, c.start):
        pass
    subject = _sentence_subject(body, c.sentence_start, and_said.start()) if and_said else None
    return resolved(*subject) if subject else None


def _closing_source(body: str, c: Claim, resolved) -> str | None:
    """A source closing the claim's sentence: "…, the statistics office estimated.", "…, according to
    figures released on Monday" (a source in lower case and no name in it: as written)."""
    if not (c.end < c.sentence_end and "," in body[c.end:c.sentence_end]):
        return None
    trailing = TRAILING_SOURCE.search(body, c.end, c.sentence_end)
    if not trailing:
        return None
    s, e = trailing.span("src") if trailing.group("src") else trailing.span("np")
    by = BY_WHOM.search(body, s, e) if trailing.group("src") else None
    if trailing.group("src") and not by and body[s].islower() and not THE_NAME.match(body, s, e):
        return " ".join(body[s:e].split())
    return resolved(by.end() if by else s, e)


REPORT_REACH = 600  # characters before a claim searched for its reporting clause


def _verb_between(verbs: list[int], start: int, end: int) -> bool:
    """Whether a reporting verb starts in [start, end): REPORTED cannot match a sentence's opening
    without one, and most claims have none before them. A bisect per claim instead of a scan."""
    i = bisect.bisect_left(verbs, start)
    return i < len(verbs) and verbs[i] < end


# verbs that report only with "that" after them ("Twitter added users", "he noted the date")
_REPORTED_CUE = (r"(?P<cue>(?i:said|says|told\s+\w+|reported|estimated|claimed|announced|confirmed|stated|"
                 r"warned|argued|insisted)\s+"
                 r"(?:(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"  # "said Monday that"
                 r"(?:\s+(?:night|morning|afternoon|evening))?\s+)?(?:that\s+)?(?=[a-z£$€\d])|"
                 r"(?i:added|noted|wrote|admitted|acknowledged|predicted|conceded|repeated)\s+that\s+(?=[a-z£$€\d]|\Z))")
# "Brady, a former firefighter, said the city had lost 1,100 homes": the aside is no part of the speaker
# (never the tail of a longer name: "the Brennan Center for Justice noted"); when the aside is a name, that
# name is who speaks ("One pastor, Darran Whiting of Liberty Church, said")
# (nor a place a group is in: "Café owners in Zürich said"); a name may hold its "of" ("The Department of
# Health said"), and a role may say whose it is ("A spokesperson for the Department of Health said")
# a description's words are never a verb's: "The same could not be said for Jones" names no speaker
_NO_VERB = r"(?!(?:be|been|being|is|was|were|are|has|have|had|could|would|should|will|not|now|also|then|may|might|" \
           r"must|can|did|does|do)\b)"
_OF_NAME = rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_NAME})?"
# people and bodies a report cites without a determiner: "officials said", "analysts estimated"
_CITED_GROUPS = r"(?:officials|analysts|experts|economists|police|witnesses|researchers|scientists|doctors|residents|" \
                r"investigators|prosecutors|authorities|organi[sz]ers|campaigners|critics|sources|aides|lawmakers|" \
                r"diplomats|medics|rescuers|observers|activists|pollsters|executives|forecasters|officers|traders)"
# a described speaker: a determiner, words of no verb (capitalised ones too: "The German engineering
# federation"), and whose ("A spokesperson for the Department of Health")
_DESCRIBED = (rf"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]er|[Hh]is|[Tt]heir|[Ii]ts)\s+(?:[A-Z][\w’'\-]*\s+){{0,2}}"
              rf"[a-z][\w’'\-]*(?:\s+{_NO_VERB}[a-z][\w’'\-]*){{0,3}}?"
              rf"(?:\s+(?:for|of|at)\s+(?:the\s+)?{_NAME}{_OF_NAME})?")
REPORTED = re.compile(rf"(?P<np>{_PRON}|(?<!of )(?<!for )(?<!and )(?<!in )(?<!at )(?<!from ){_NAME}{_OF_NAME}"
                      rf"|{_DESCRIBED}|(?<![\w’'\-]){_CITED_GROUPS})"
                      rf"(?:,\s*(?P<aside>[^,;\"“”«»\n]{{1,80}}),)?\s+" + _REPORTED_CUE)
# "agency spokesman Ilir Basha": a role in lower case before the name, never a clause's first word
_ROLE_THEN_NAME = rf"(?:(?!(?:and|but|or|so|as|while|then|when|which|who|said|says)\b)[a-z][\w’'\-]*\s+){{1,3}}{_NAME}"
# a source closing the sentence after the claim: "…, the statistics office estimated." / "…, according to the
# Rail Delivery Group, which …" / "…, officials said on Monday."
TRAILING_SOURCE = re.compile(
    rf",\s+(?:(?i:according\s+to)\s+"
    rf"(?P<src>(?:[^,;.!?\"“”«»\n—–-]|-(?!\s)){{2,120}}?(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr))"
    rf"|(?P<np>{_PRON}|{_NAME}{_OF_NAME}|{_DESCRIBED}|{_CITED_GROUPS}|{_ROLE_THEN_NAME})"
    rf"\s+(?:said|says|estimated|estimates|reported|reports|told\s+\w+|added|noted|announced|confirmed|warned)"
    rf"(?:\s+(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?)\s*(?=[.;]|,\s|\Z)")
AND_SAID = re.compile(r"\band\s+(?:also\s+)?(?:said|says|told\s+\w+|added|argued|insisted|warned|claimed)\s+"
                      r"(?:that\s+)?(?=[a-z£$€\d])")
THE_NAME = re.compile(rf"the\s+{_NAME}{_OF_NAME}\Z")  # "according to the Rail Delivery Group": a name
# "figures published on Tuesday by the health agency": who published them
BY_WHOM = re.compile(r"\b(?:by|from)\s+(?=(?:the\s+)?[A-Z]|the\s)")
REPORTED_CUE = re.compile(_REPORTED_CUE)  # the cue of REPORTED and what must follow it
# the verbs of REPORTED alone ("told" for "told \w+"): a clause without any of them reports nothing
REPORTING_VERBS = ("said", "says", "told", "reported", "estimated", "claimed", "announced", "confirmed", "stated",
                   "warned", "argued", "insisted", "added", "noted", "wrote", "admitted", "acknowledged", "predicted",
                   "conceded", "repeated")
REPORTING_VERB = re.compile("(?i:" + "|".join(REPORTING_VERBS) + ")")
