"""CSV: one row per claim, safe to open in a spreadsheet."""
from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from .collect import named_speaker

COLUMNS = ["article_id", "headline", "outlet", "published", "url", "claim_id", "kind", "text", "start", "end",
           "value", "speaker", "status", "verdict", "note", "reviewer", "updated_at", "sources", "checkworthiness"]


def cell(value: Any) -> str:
    """Neutralise formula injection: a cell starting with = + - @ tab or CR gets a leading quote."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_header(out: TextIO) -> csv.writer:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    return writer


def write_article(writer, article: dict[str, Any]) -> None:
    for c in article["claims"]:
        sources = "\n".join(source_text(s) for s in c["sources"])
        row = [article["id"], article["headline"], article["outlet"], article["published"], article["url"],
               c["id"], c["kind"], c["text"], c["start"], c["end"],
               json.dumps(c["value"], sort_keys=True, ensure_ascii=False) if c["value"] else "",
               named_speaker(c["speaker"]), c["status"], c["verdict"], c["note"], c["reviewer"], c["updated_at"], sources,
               c["checkworthiness"]]
        writer.writerow([cell(v) for v in row])


def source_text(src: dict[str, Any]) -> str:
    """A source as one line of the cell, with all the reviewer entered: title, publisher, date and excerpt
    (the cell held only stance and URL, so a spreadsheet of the review lost them)."""
    about = ", ".join(x for x in (src["publisher"], src["published"]) if x)
    text = f"{src['stance']}: " + " ".join(x for x in (src["title"], f"({about})" if about else "", src["url"]) if x)
    if src["excerpt"]:
        text += " — “" + " ".join(src["excerpt"].split()) + "”"
    return text
