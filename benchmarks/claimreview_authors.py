"""How often a claim's ClaimReview author and summary come out right on real news (issue 21), measured on
PolNeAR's hand-marked attribution content spans (measurement only; the data stays in ../shared/eval).

    python benchmarks/claimreview_authors.py ../shared/eval/polnear-dev

A non-quote claim inside a gold attribution content span is someone else's claim ("X said 3,000 jobs …"):
recall is the share of those we give a speaker; precision the share of claims we give a speaker that are
inside one. Summaries: length and whether the claim's own words are in them."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.extract import extract  # noqa: E402
from workbench.report.summary import SUMMARY_LIMIT, attributed_to, default_summary  # noqa: E402


def main(folder: str) -> None:
    ours_extractor = ours_all = hit_extractor = hit_all = claims_in = total = 0
    fits = contains = 0
    for gold_path in sorted(Path(folder).glob("*.json")):
        gold = json.loads(gold_path.read_text())
        body = (Path(folder) / gold["file"]).read_text(encoding="utf-8")
        contents = gold["contents"]
        for c in extract(body).claims:
            row = {"kind": c.kind, "text": c.text, "start": c.start, "sentence_start": c.sentence_start,
                   "sentence_end": c.sentence_end, "sentence": body[c.sentence_start:c.sentence_end]}
            total += 1
            summary = default_summary(row)
            fits += len(summary) <= SUMMARY_LIMIT
            contains += c.text.lower() in summary.lower() or len(c.text) >= SUMMARY_LIMIT - 1
            in_gold = any(s <= c.start and c.end <= e for s, e in contents)
            claims_in += in_gold
            by_extractor = bool(c.speaker)
            by_us = by_extractor or bool(attributed_to(row))
            ours_extractor += by_extractor
            ours_all += by_us
            hit_extractor += by_extractor and in_gold
            hit_all += by_us and in_gold
    print(f"{total} claims; {claims_in} inside gold attribution content")
    for name, ours, hit in (("extractor's speaker", ours_extractor, hit_extractor),
                            ("+ trailing attribution", ours_all, hit_all)):
        print(f"{name:<24} recall {hit / claims_in:.3f}  precision {hit / max(ours, 1):.3f}  ({ours} attributed)")
    print(f"summaries <= {SUMMARY_LIMIT}: {fits / total:.3f}; holding the claim's words: {contains / total:.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
