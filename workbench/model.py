"""Plain dataclasses shared by every layer: what an article, a claim and a quote are.

Nothing here knows about SQLite, Textual or files; the extractor produces these,
the store saves them, the TUI, CLI and reports read them back.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ArticleMeta:
    """What the page says about itself; every field may be missing."""

    headline: str | None = None
    deck: str | None = None
    byline: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    dateline: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Article:
    """A cleaned article: metadata plus the body text every offset indexes."""

    meta: ArticleMeta
    body: str
    sha256: str
    origin: str  # file path, url or "[stdin]" (ingest.STDIN_ORIGIN; "-" before) for stdin


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    checkworthiness: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Claim:
    """An atomic checkable span of the body: body[start:end] == text."""

    kind: str  # count money percent quantity distance date duration ordinal range comparison
    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    value: dict[str, Any] | None = None
    checkworthiness: float = 0.0
    hints: tuple[str, ...] = ()  # consistency hints: the article's own figures disagree
    speaker: str | None = None  # set when the claim sits in attributed (reported) speech

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)  # asdict() deep-copies every field: 14% of `extract --json` time
        out["hints"] = list(self.hints)
        return out


@dataclass(frozen=True)
class Quote:
    """A direct quote and who said it; speaker_start/end point at the mention read."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    partial: bool = False
    sentence_start: int | None = None
    sentence_end: int | None = None
    checkworthiness: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def replaced(obj: Any, **changes: Any) -> Any:
    """dataclasses.replace(obj, **changes) for Sentence, Claim and Quote, without its cost (a tenth of
    extraction's Python time went to it): those have no __post_init__ and every field is an __init__
    argument, so replace would only copy the fields, set the changed ones and run a frozen __init__ that
    sets each through object.__setattr__. The field order, which to_dict and the JSON keep, stays."""
    fields = obj.__dict__
    if not fields.keys() >= changes.keys():
        raise TypeError(f"{type(obj).__name__} has no field {sorted(changes.keys() - fields.keys())[0]!r}")
    new = object.__new__(type(obj))
    new.__dict__.update(fields)
    new.__dict__.update(changes)
    return new


@dataclass(frozen=True)
class Extraction:
    sentences: list[Sentence] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


# Claim kinds the extractor emits; `quote` is stored as a claim kind too.
CLAIM_KINDS = (
    "count", "money", "percent", "quantity", "distance", "date", "duration",
    "ordinal", "range", "comparison", "quote", "manual",
)
