"""HTML verdict report: one self-contained file (inline CSS and SVG, no fetches) that
prints well and reads on a phone. Every piece of text is escaped; only http(s) links."""
from __future__ import annotations

from html import escape
from typing import Any, TextIO

from ..headline import shown_headline
from .collect import named_speaker, safe_url

VERDICT_COLOURS = {"true": "#1a7f37", "mostly-true": "#4c9a2a", "half-true": "#bf8700", "misleading": "#d1670f",
                   "mostly-false": "#cf4a22", "false": "#b42318", "unproven": "#6e7781"}

CSS = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --mark: #fff3b0; }
* { box-sizing: border-box; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       margin: 0 auto; max-width: 52rem; padding: 1.5rem 1rem 4rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.35rem; margin: 2.5rem 0 .25rem; }
.meta, .muted { color: var(--muted); font-size: .9rem; }
nav ol { padding-left: 1.2rem; }
.summary { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 1rem 0;
           padding: .75rem 1rem; border: 1px solid var(--line); border-radius: 8px; }
.claim { border-top: 1px solid var(--line); padding: .9rem 0; }
.claim blockquote { margin: .4rem 0; padding-left: .8rem; border-left: 3px solid var(--line); }
mark { background: var(--mark); padding: 0 .1em; }
.verdict { display: inline-block; color: #fff; border-radius: 999px; padding: .05rem .6rem; font-size: .85rem;
           font-weight: 600; }
.kind { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.note { white-space: pre-wrap; background: #f6f8fa; padding: .5rem .7rem; border-radius: 6px; }
ul.sources { padding-left: 1.1rem; margin: .4rem 0; } .stance { font-weight: 600; }
a { color: #0550ae; word-break: break-word; }
details { margin-top: 1rem; } summary { cursor: pointer; padding: .5rem 0; }
.not-checked { margin-top: 1.5rem; color: var(--muted); } .not-checked h3 { font-size: 1rem; margin: 0; }
.not-checked mark { background: none; text-decoration: line-through; }
@media print { body { max-width: none; font-size: 11pt; } a { color: inherit; } nav, details { display: none; }
               .claim { break-inside: avoid; } }
"""


def write_header(out: TextIO, articles: list[tuple[int, str]], organisation: str) -> None:
    """`articles`: each article's id and how it is named (headline.shown_headline)."""
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
              f"<title>Verdict report — {escape(organisation)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
              f"<h1>Verdict report</h1>\n<p class=\"meta\">{escape(organisation)} · {len(articles)} article{'' if len(articles) == 1 else 's'}</p>\n")
    if len(articles) > 1:
        out.write("<nav><h2>Articles</h2><ol>\n")
        for article_id, headline in articles:
            out.write(f"<li><a href=\"#article-{article_id}\">{escape(headline)}</a></li>\n")
        out.write("</ol></nav>\n")


def chart(by_verdict: dict[str, int], scale: dict[str, dict]) -> str:
    """A small horizontal bar chart of verdicts, as inline SVG."""
    rows = [(k, n) for k in scale if (n := by_verdict.get(k))]
    if not rows:
        return "<p class=\"muted\">No verdicts yet.</p>"
    top = max(n for _, n in rows)
    height = 22 * len(rows)
    parts = [f"<svg role=\"img\" aria-label=\"Verdicts\" width=\"320\" height=\"{height}\" "
             f"viewBox=\"0 0 320 {height}\" xmlns=\"http://www.w3.org/2000/svg\">"]
    for i, (key, n) in enumerate(rows):
        width = max(4, int(180 * n / top))
        y = i * 22
        label = escape(scale[key]["label"])
        parts.append(f"<text x=\"0\" y=\"{y + 15}\" font-size=\"12\" fill=\"#1f2328\">{label}</text>"
                     f"<rect x=\"100\" y=\"{y + 4}\" width=\"{width}\" height=\"14\" rx=\"3\" "
                     f"fill=\"{VERDICT_COLOURS.get(key, '#6e7781')}\"/>"
                     f"<text x=\"{106 + width}\" y=\"{y + 15}\" font-size=\"12\" fill=\"#1f2328\">{n}</text>")
    parts.append("</svg>")
    return "".join(parts)


def link(url: str | None, text: str | None) -> str:
    safe = safe_url(url)
    shown = escape(text or url or "")
    return f"<a href=\"{escape(safe)}\" rel=\"noopener noreferrer\">{shown}</a>" if safe else shown


def write_article(out: TextIO, article: dict[str, Any], scale: dict[str, dict],
                  markup: dict[int, str] | None = None) -> None:
    """`markup`: each reviewed claim's ClaimReview <script> block, so a published report carries it."""
    out.write(f"<article id=\"article-{article['id']}\">\n<h2>{escape(shown_headline(article))}</h2>\n")
    meta = " · ".join(escape(x) for x in (article["outlet"], article["published"], article["byline"]) if x)
    out.write(f"<p class=\"meta\">{meta}{' · ' if meta and safe_url(article['url']) else ''}"
              f"{link(article['url'], 'original article') if safe_url(article['url']) else ''}</p>\n")
    s = article["summary"]
    rejected = f", {s['rejected']} rejected as not check-worthy" if s["rejected"] else ""  # else listed nowhere
    out.write(f"<div class=\"summary\"><div><strong>{s['reviewed']}</strong> of {s['total']} claims reviewed{rejected}"
              f"{'<br><span class=muted>by ' + escape(', '.join(s['reviewers'])) + '</span>' if s['reviewers'] else ''}"
              f"</div>{chart(s['by_verdict'], scale)}</div>\n")
    reviewed = [c for c in article["claims"] if c["verdict"] and c["status"] != "rejected"]
    waiting = [c for c in article["claims"] if not c["verdict"] and c["status"] != "rejected"]
    for c in reviewed:
        _write_claim(out, c, scale, (markup or {}).get(c["id"], ""))
    if waiting:
        # what is not yet reviewed stays out of the reader's way, one click from it
        out.write(f"<details><summary class=\"muted\">{len(waiting)} claims not yet reviewed</summary>\n")
        for c in waiting:
            _write_claim(out, c, scale)
        out.write("</details>\n")
    rejected = [c for c in article["claims"] if c["status"] == "rejected"]
    if rejected:
        # last and apart, with no rating: a reader must never take them for checked claims
        out.write(f"<section class=\"not-checked\"><h3>Not checked ({len(rejected)})</h3>\n"
                  "<p class=\"muted\">Rejected by the reviewer as not check-worthy: not checked, no verdict.</p>\n")
        for c in rejected:
            _write_claim(out, c, scale, not_checked=True)
        out.write("</section>\n")
    out.write("</article>\n")


def _write_claim(out: TextIO, c: dict[str, Any], scale: dict[str, dict], markup: str = "",
                 not_checked: bool = False) -> None:
    v = scale.get(c["verdict"]) if c["verdict"] else None
    badge = "<span class=\"muted\">not checked</span>" if not_checked else \
        (f"<span class=\"verdict\" style=\"background:{VERDICT_COLOURS.get(c['verdict'], '#6e7781')}\">"
         f"{escape(v['label'] if v else c['verdict'])}</span>") if c["verdict"] else \
        "<span class=\"muted\">not yet reviewed</span>"
    kind = f"quote · {escape(named_speaker(c['speaker']) or 'unattributed')}" if c["kind"] == "quote" else escape(c["kind"])
    sentence = c["sentence"] or c["text"]
    start = c["start"] - (c["sentence_start"] if c["sentence_start"] is not None else c["start"])
    if 0 <= start <= len(sentence):
        end = start + len(c["text"])
        context = f"{escape(sentence[:start])}<mark>{escape(sentence[start:end])}</mark>{escape(sentence[end:])}"
    else:
        context = f"<mark>{escape(c['text'])}</mark>"
    out.write(f"<section class=\"claim\" id=\"claim-{c['id']}\"><div><span class=\"kind\">{kind}</span> {badge}</div>"
              f"<blockquote>{context}</blockquote>\n")
    if c["note"]:
        out.write(f"<div class=\"note\">{escape(c['note'])}</div>\n")
    if c["sources"]:
        out.write("<ul class=\"sources\">")
        for src in c["sources"]:
            pub = f" — {escape(src['publisher'])}" if src["publisher"] else ""
            pub += f", {escape(src['published'])}" if src["published"] else ""
            excerpt = f"<br><q>{escape(src['excerpt'])}</q>" if src["excerpt"] else ""
            outside = "checked elsewhere, " if (src.get("checks") or {}).get("factcheck") else ""
            out.write(f"<li><span class=\"stance\">{outside}{escape(src['stance'])}</span>: "
                      f"{link(src['url'], src['title'] or src['url'])}{pub}{excerpt}</li>")
        out.write("</ul>\n")
    out.write(f"{markup}</section>\n")


def write_footer(out: TextIO, scale: dict[str, dict] | None = None) -> None:
    if scale:
        # the number-to-name mapping the ClaimReview markup's ratingValue refers to, published with it
        steps = " · ".join(f"{v['rating_value'] if v['rating_value'] is not None else '–'} {escape(v['label'])}"
                           for v in scale.values())
        out.write(f"<p class=\"muted\" id=\"rating-scale\">Rating scale: {steps}</p>\n")
    out.write("</body>\n</html>\n")
