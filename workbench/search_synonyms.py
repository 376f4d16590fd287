"""Words a news reader takes as the same: abbreviations, synonyms and spellings of the newsroom's.

A query holding one form of a group is searched for every form. Kept as data, so a newsroom adds
a row, not code. Each form is written as a reader types it; the normaliser reads both sides alike
("member of parliament" is searched as its words without "of").
"""
from __future__ import annotations

SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("pm", "prime minister"),
    ("mp", "member of parliament"),
    ("mps", "members of parliament"),
    ("uk", "britain", "united kingdom"),
    ("eu", "european union"),
    ("un", "united nations"),
    ("nhs", "health service"),
    ("gop", "republican"),
    ("dems", "democrats"),
    ("rnc", "republican national committee"),
    ("dnc", "democratic national committee"),
    ("potus", "president"),
    ("scotus", "supreme court"),
    ("govt", "government"),
    ("sen", "senator"),
    ("thieves", "burglars", "robbers"),
    ("theft", "burglary", "robbery"),
    ("sacked", "dismissed", "fired"),
    ("resigned", "quit", "stepped down"),
    ("cops", "police"),
    ("kids", "children"),
    ("jobless", "unemployed"),
    ("poll", "survey"),
    ("ads", "adverts", "advertisements"),
    ("migrants", "immigrants"),
    ("hike", "rise", "increase"),
    ("cash", "money"),
    ("vaccine", "vaccination", "jab"),
    ("killed", "slain"),
    ("polls", "surveys"),
)
