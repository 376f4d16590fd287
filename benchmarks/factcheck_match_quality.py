"""Matching quality (issue 19): precision and recall of "checked elsewhere" on hand-written pairs.

    python benchmarks/factcheck_match_quality.py [--verbose] [--distractors N]

benchmarks/factcheck_pairs.json holds 60 pairs (a claim as an article states it; an outside check's
claimReviewed wording of it) and 60 near misses (same topic, another figure or year). Every check's text
is imported as a fact-check, and every claim sentence is imported as an article of its own through the
real store and extractor, then matched (workbench.factchecks.match.match_article) at a low threshold so
that every threshold can be read off one run.

A match counts as right only when it is the pair's own check; any other match (a near miss's check, or
another pair's) is wrong. A near miss's check that reads alike but is ruled out by its figure or year is
a "mismatch note" (shown to the reviewer, not a match). --distractors N adds N generated checks on other
topics (benchmarks/factcheck_feed.py's generator) so that word rarity is as in a real collection.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from workbench.factchecks.match import MATCH_THRESHOLD, match_article  # noqa: E402
from workbench.factchecks.read import FactCheck  # noqa: E402
from workbench.ingest import parse_article  # noqa: E402
from workbench.service import extract_article  # noqa: E402
from workbench.store import open_db, store_article  # noqa: E402
from workbench.store.factchecks import import_factchecks  # noqa: E402

THRESHOLDS = [40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--distractors", type=int, default=2000)
    args = parser.parse_args()
    data = json.loads((ROOT / "benchmarks" / "factcheck_pairs.json").read_text())
    items = [("pair", i, claim, check) for i, (claim, check) in enumerate(data["pairs"])] + \
            [("near", i, claim, check) for i, (claim, check) in enumerate(data["near_misses"])]
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "bench.db")
        checks = [("bench", FactCheck(review_url=f"https://checks.example/{kind}/{i}", claim_reviewed=check,
                                      outlet="Bench Check", rating="False"))
                  for kind, i, _, check in items]
        if args.distractors:
            from factcheck_feed import generated_checks
            checks += [("bench", c) for c in generated_checks(args.distractors, seed=19)]
        import_factchecks(db, checks, "bench")
        url_of = {row[0]: row[1] for row in db.execute("SELECT id, review_url FROM factchecks")}
        found: list[tuple[str, int, str, float, str | None]] = []  # (kind, i, matched url, score, differs)
        no_claims = []
        for kind, i, claim, _ in items:
            article = parse_article(claim.encode(), origin=f"{kind}-{i}.txt", suffix=".txt")
            result = store_article(db, article, extract_article(article), "bench")
            counts = match_article(db, result.article_id, threshold=min(THRESHOLDS))
            if not counts["claims"]:
                no_claims.append((kind, i))
            for fid, score, differs in db.execute(
                    "SELECT m.factcheck_id, MAX(m.score), m.differs FROM factcheck_matches m JOIN claims c "
                    "ON c.id = m.claim_id WHERE c.article_id = ? GROUP BY m.factcheck_id", [result.article_id]):
                found.append((kind, i, url_of[fid], score, differs))
    print(f"{len(data['pairs'])} pairs, {len(data['near_misses'])} near misses, "
          f"{len(checks)} fact-checks ({args.distractors} generated distractors)")
    if no_claims:
        print(f"sentences in which the extractor found no claim (never matched): {no_claims}")
    print(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'right':>5} {'wrong':>5} {'notes':>5}  "
          "(notes: near misses told apart by figure/year)")
    for t in THRESHOLDS:
        kept = [f for f in found if f[3] >= t]
        right = {(k, i) for k, i, url, _, d in kept if d is None and k == "pair" and url.endswith(f"/pair/{i}")}
        wrong = [(k, i, url) for k, i, url, _, d in kept if d is None and not (k == "pair" and url.endswith(f"/pair/{i}"))]
        notes = {(k, i) for k, i, url, _, d in kept if d is not None and k == "near" and url.endswith(f"/near/{i}")}
        matches = len(right) + len(wrong)
        precision = len(right) / matches if matches else 1.0
        mark = "  <- default" if t == MATCH_THRESHOLD else ""
        print(f"{t:>9} {precision:>9.3f} {len(right) / len(data['pairs']):>7.3f} {len(right):>5} {len(wrong):>5} "
              f"{len(notes):>5}{mark}")
        if args.verbose and t == MATCH_THRESHOLD:
            for k, i, url in wrong:
                claim = (data["pairs"] if k == "pair" else data["near_misses"])[i][0]
                print(f"    wrong: {k} {i} {claim!r} -> {url}")
            missed = [i for i in range(len(data["pairs"])) if ("pair", i) not in right]
            for i in missed:
                best = max((f[3] for f in found if f[0] == "pair" and f[1] == i and f[2].endswith(f"/pair/{i}")),
                           default=None)
                print(f"    missed: pair {i} (its best score {best}) {data['pairs'][i][0]!r}")


if __name__ == "__main__":
    main()
