"""How an article is named where its headline would be."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from typing import Any


def shown_headline(article: Mapping[str, Any]) -> str:
    """The headline, else the name of the file it came from.

    A text file with no header has no headline; the library listed each as "(no headline)", and three
    of them could not be told apart without opening each. One read from stdin is "[stdin]" (stored as "-"
    before, which named nothing)."""
    if article.get("headline"):
        return article["headline"]
    origin = article.get("origin") or ""
    name = "[stdin]" if origin in ("-", "<stdin>", "[stdin]") else PurePath(origin).name if origin else ""
    return f"(no headline) {name}" if name else "(no headline)"
