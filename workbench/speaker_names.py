"""Whether a stored speaker names anyone: the reports and the review screen both ask, and the screen's
launch must import neither the extractor nor its dataclasses for it."""
from __future__ import annotations


# what a speaker unresolved is stored as: a pronoun, not a name ("he said", "it said", "they added"); the
# extractor's own list (extract.speakers.PRONOUNS) is not imported here, where the TUI's launch reads it
UNNAMED_SPEAKERS = frozenset({"he", "she", "they", "i", "we", "it", "him", "her", "them", "us", "me", "you", "one",
                              "his", "its", "their", "this", "that", "who", "someone", "somebody"})


def named_speaker(speaker: str | None) -> str | None:
    """The speaker's name, or None for an empty one or a pronoun the extractor could not resolve: "he said"
    with nobody named before it is stored as "he", and no report may give "he" (or "it") as who made a
    claim. JSON and CSV give no speaker then; Markdown and HTML say "unattributed"; ClaimReview gives a quote
    no author and a reported claim the outlet; the TUI shows "he?" so the reviewer sees it is unresolved."""
    name = " ".join((speaker or "").split())
    return name if name and name.lower() not in UNNAMED_SPEAKERS else None
