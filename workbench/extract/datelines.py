"""The dateline a story opens with ("LONDON, May 3 —", "PARIS, March 12, 2024 (Reuters) -", "DAMASCUS:"):
where the story was filed and when, the wire's label and not a claim of the story. Import reads its place
into the article's metadata; the extractor reads no claim inside it ("May 3" there is no date to check)."""
from __future__ import annotations

from . import re_cached as re  # the re module, compiled code read from a file (re_cached.py)

# "LONDON:", "GAZA CITY, Gaza —", "WASHINGTON (AP) —" (the wire's credit in brackets), "LONDON, May 3 —",
# "PARIS, March 12, 2024 (Reuters) -" (the day, as wires and press releases date their copy)
DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z .'\-]{1,40}[A-Z])(?:,\s*[A-Z][A-Za-z .]{1,30}?"
                      r"(?:\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)?)?"
                      r"(?:\s*\([A-Za-z][A-Za-z .&-]{0,30}\))?\s*(?::|—|–|--| - )\s*")


def dateline_end(body: str) -> int:
    """Where the dateline opening `body` ends (after its dash or colon), 0 when it opens with none."""
    start = len(body) - len(body.lstrip())
    m = DATELINE.match(body, start)
    return m.end() if m else 0
