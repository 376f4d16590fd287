"""A date as a person types it (a source's date, a search's --since/--until), read as ISO.

Its own module, outside the store, so that `workbench search` can check its filters without
importing the store and sqlite-utils (issue 16: start-up is most of a search as a command).
"""
from __future__ import annotations

import re
from datetime import datetime

from .errors import BadInput

_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")


def valid_date(text: str | None) -> str | None:
    """A source's date as ISO: YYYY-MM-DD, YYYY-MM or YYYY, or a date with its month spelt out
    ("20 November 2015", "Nov 20, 2015"). 20/11/2015 is refused: day and month could be either way round."""
    text = (text or "").strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2]))?", text):
        return text
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text.replace(".", ""), fmt).date().isoformat()
        except ValueError:
            continue
    raise BadInput(f"{text!r} is not a date; give YYYY-MM-DD (or YYYY-MM, YYYY, or '20 November 2015')")
