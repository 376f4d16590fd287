"""Markdown verdict report: per article a summary, then each claim in context."""
from __future__ import annotations

import re
from typing import Any, TextIO

from ..headline import shown_headline
from .collect import named_speaker, safe_url

# characters Markdown would read as markup; article text is data, so they are escaped. `&` too: left bare,
# "&amp;" in an article (or "&lt;b&gt;" in a note) renders as "&" ("<b>"), changing what a quote says
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")


def md_escape(text: str | None) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text or "").replace("\n", " ")


def md_lines(text: str | None) -> str:
    """Escaped text that keeps the reviewer's line breaks as Markdown hard breaks; a blank line becomes a
    no-break space so that a note stays one paragraph under its "Note:"."""
    lines = [md_escape(line) for line in (text or "").strip().splitlines()]
    return "  \n".join(line if line.strip() else "\u00a0" for line in lines)


def write_header(out: TextIO, count: int, organisation: str) -> None:
    out.write(f"# Verdict report — {md_escape(organisation)}\n\n{count} article{'' if count == 1 else 's'}\n\n")


def write_article(out: TextIO, article: dict[str, Any], scale: dict[str, dict]) -> None:
    out.write(f"## {md_escape(shown_headline(article))}\n\n")
    meta = [md_escape(x) for x in (article["outlet"], article["published"], article["byline"]) if x]
    if meta:
        out.write(" · ".join(meta) + "\n\n")
    url = safe_url(article["url"])
    if url:
        out.write(f"<{url}>\n\n")
    s = article["summary"]
    out.write(f"**Reviewed:** {s['reviewed']} of {s['total']} claims")
    if s["rejected"]:  # counted in the total but listed nowhere: say where they went
        out.write(f" ({s['rejected']} rejected as not check-worthy)")
    if s["by_verdict"]:
        out.write(" — " + ", ".join(f"{scale.get(k, {}).get('label', k)}: {n}" for k, n in s["by_verdict"].items()))
    if s["reviewers"]:
        out.write(f" — reviewers: {', '.join(md_escape(r) for r in s['reviewers'])}")
    out.write("\n\n")
    reviewed = [c for c in article["claims"] if c["verdict"] and c["status"] != "rejected"]
    waiting = [c for c in article["claims"] if not c["verdict"] and c["status"] != "rejected"]
    rejected = [c for c in article["claims"] if c["status"] == "rejected"]
    for c in reviewed:
        _write_claim(out, c, scale)
    if waiting:
        out.write(f"#### Not yet reviewed ({len(waiting)})\n\n")
        _write_list(out, waiting)
    if rejected:
        # last and apart, with no rating: a reader must never take them for checked claims
        out.write(f"#### Not checked ({len(rejected)})\n\n"
                  "*Rejected by the reviewer as not check-worthy: not checked, no verdict.*\n\n")
        _write_list(out, rejected)


def _write_list(out: TextIO, claims: list[dict[str, Any]]) -> None:
    for c in claims:
        out.write(f"- {c['kind']}: {md_escape(_short(c['text']))}\n")
        if c["note"]:  # a note written before the verdict is work too (HTML, CSV and JSON keep it)
            out.write(f"  - note: {md_lines(c['note']).replace(chr(10), chr(10) + '    ')}\n")
        for src in c["sources"]:  # sources linked before a verdict are work too: never dropped
            out.write(f"  - {_source_line(src)}\n")
    out.write("\n")


def _write_claim(out: TextIO, c: dict[str, Any], scale: dict[str, dict]) -> None:
    verdict = scale.get(c["verdict"], {}).get("label", "Not yet reviewed") if c["verdict"] else "Not yet reviewed"
    label = f"Quote — {md_escape(named_speaker(c['speaker']) or 'unattributed')}" if c["kind"] == "quote" else c["kind"]
    out.write(f"### {md_escape(_short(c['text']))}\n\n*{label}* · **{verdict}**\n\n")
    sentence = c["sentence"] or c["text"]
    # `is not None`, not `or`: the article's first sentence starts at 0, and `0 or start` bolded its opening words
    start = c["start"] - (c["sentence_start"] if c["sentence_start"] is not None else c["start"])
    if 0 <= start <= len(sentence):
        end = start + len(c["text"])
        out.write(f"> {md_escape(sentence[:start])}**{md_escape(sentence[start:end])}**{md_escape(sentence[end:])}\n\n")
    if c["note"]:
        out.write(f"Note: {md_lines(c['note'])}\n\n")
    for src in c["sources"]:
        out.write(f"- {_source_line(src)}\n")
    if c["sources"]:
        out.write("\n")


def _source_line(src: dict[str, Any]) -> str:
    link = safe_url(src["url"])
    title = md_escape(src["title"] or src["url"])
    # a URL that cannot be a link (javascript:, ftp:) is still shown, as text: nothing entered is lost
    shown = f"[{title}]({link})" if link else (title if title == md_escape(src["url"])
                                               else f"{title} ({md_escape(src['url'])})")
    extra = f" ({md_escape(src['publisher'])}{', ' + md_escape(src['published']) if src['published'] else ''})" \
        if src["publisher"] or src["published"] else ""
    excerpt = f" — “{md_lines(src['excerpt'])}”" if src["excerpt"] else ""
    # an outside fact-check a reviewer attached (issue 19) says so: its rating is in the excerpt
    outside = "checked elsewhere, " if (src.get("checks") or {}).get("factcheck") else ""
    return f"{outside}{src['stance']}: {shown}{extra}{excerpt}"


def _short(text: str, width: int = 120) -> str:
    """A claim for a heading or a list line: cut at a word, with an ellipsis, never mid-word."""
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(" ", 1)[0] if " " in text[:width] else text[:width]
    return cut.rstrip(" ,;:") + "…"
