"""List the quotes whose speaker misses PolNeAR's gold, in-process, to study kinds of error.

Scores exactly as `../shared/tools/score_corpus.py polnear` (each gold span placed at the occurrence
nearest its own offset; a speaker right when its span overlaps a gold source span), but runs
`extract` in this process (5 s for polnear-train) and prints each miss with the gold mention in
[[ ]], ours in {{ }} and the quote in << >>. The eval data is read in place and never copied.

    .venv/bin/python benchmarks/polnear_misses.py ../shared/eval/polnear-train [--show 30] [--seed 1]

With --false it lists instead the quotes we found that overlap no attributed content of the gold (what
costs precision), each with its cue and speaker.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from workbench.ingest import read_article
from workbench.service import extract_article


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def place(body: str, raw: str, s: int, e: int, near: int) -> tuple[int, int] | None:
    """The gold span's text in the body: the occurrence nearest `near`, whole words first."""
    text, spots, at = raw[s:e], [], body.find(raw[s:e])
    while at >= 0:
        spots.append(at)
        at = body.find(text, at + 1)
    whole = [a for a in spots if not (text[:1].isalnum() and a > 0 and body[a - 1].isalnum())
             and not (text[-1:].isalnum() and a + len(text) < len(body) and body[a + len(text)].isalnum())]
    spots = whole or spots
    if not spots:
        return None
    at = min(spots, key=lambda a: abs(a - near))
    return at, at + len(text)


def marked(body: str, marks: list[tuple[int, str]]) -> str:
    lo = max(min(p for p, _ in marks) - 120, max(p for p, _ in marks) - 700)
    out, prev = "", lo
    for p, tag in sorted(marks):
        if p >= lo:
            out, prev = out + body[prev:p] + tag, p
    return (out + body[prev:max(p for p, _ in marks) + 60]).replace("\n", " ⏎ ")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--show", type=int, default=30)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--false", action="store_true", help="list quotes overlapping no gold content instead")
    a = ap.parse_args()
    misses, right, scored, found = [], 0, 0, 0
    for path in sorted(a.data.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        raw = (path.parent / gold["file"]).read_text(encoding="utf-8")
        article = read_article(str(path.parent / gold["file"]))
        body, quotes = article.body, extract_article(article).quotes
        if a.false:
            contents = [x for x in (place(body, raw, s, e, s) for s, e in gold["contents"]) if x]
            for q in quotes:
                found += 1
                if any(overlaps((q.start, q.end), c) for c in contents):
                    right += 1
                    continue
                marks = [(q.start, "<<"), (q.end, ">>")]
                if q.speaker_start is not None:
                    marks += [(q.speaker_start, "{{"), (q.speaker_end, "}}")]
                misses.append(f"--- {path.name[:45]} → {q.speaker} (cue {q.cue}, partial {q.partial})\n"
                              f"{marked(body, marks)}")
            continue
        for gq in gold["quotes"]:
            span = place(body, raw, gq["start"], gq["end"], gq["start"])
            hit = span and next((q for q in quotes if overlaps((q.start, q.end), span)), None)
            if not hit or not gq["source"]:
                continue
            scored += 1
            shift = span[0] - gq["start"]
            golds = [x for x in (place(body, raw, s, e, s + shift) for s, e in gq["source"]) if x]
            ours = (hit.speaker_start, hit.speaker_end) if hit.speaker_start is not None else None
            if ours and any(overlaps(ours, g) for g in golds):
                right += 1
                continue
            marks = [(hit.start, "<<"), (hit.end, ">>")] + [m for g in golds for m in ((g[0], "[["), (g[1], "]]"))]
            if ours:
                marks += [(ours[0], "{{"), (ours[1], "}}")]
            misses.append(f"--- {path.name[:45]} → {hit.speaker} (cue {hit.cue}, partial {hit.partial})\n"
                          f"{marked(body, marks)}")
    if a.false:
        print(f"{a.data.name}: quote precision {right / max(found, 1):.3f} ({right}/{found}); "
              f"{len(misses)} quotes on no gold content, showing {min(a.show, len(misses))}")
    else:
        print(f"{a.data.name}: speaker-span accuracy {right / max(scored, 1):.3f} ({right}/{scored}); "
              f"{len(misses)} misses, showing {min(a.show, len(misses))}")
    random.seed(a.seed)
    for miss in random.sample(misses, min(a.show, len(misses))):
        print(miss)


if __name__ == "__main__":
    main()
