"""Where extract() spends its time: CPU seconds per step over a folder of texts, in one process.

Each step of workbench.extract.extract() is run on its own over every text (the inputs of a step are
made first, untimed), best of --runs; the steps and their order are extract()'s. CPU time, not wall:
on a shared machine run it for two trees in turn (each with its own .venv) and compare pairs.

    .venv/bin/python benchmarks/extract_stages.py ../shared/eval/polnear-train/text [--runs 3]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from workbench.extract import _merge, _with_ranks, _with_sentence_scores, extract
from workbench.extract.checkworthiness import score_sentences
from workbench.extract.consistency import add_consistency_hints
from workbench.extract.dates import find_dates
from workbench.extract.quantities import find_quantities
from workbench.extract.quotes import attribute_claims, find_quotes
from workbench.extract.sentences import split_sentences
from workbench.ingest import read_article
from workbench.service import published_date


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    articles = [read_article(p) for p in sorted(args.folder.glob("*.txt"))]
    texts = [(a.body, published_date(a)) for a in articles]
    words = sum(len(body.split()) for body, _ in texts)
    extract('Warm up: 5 per cent on 3 May. "Hi," he said.', None)  # first-use regex compiles, untimed

    # each step's inputs, made once: body, published, sentences, dates+figures merged, ranked, scored, quotes
    inputs = []
    for body, published in texts:
        sentences = split_sentences(body)
        figures, dates = find_quantities(body, sentences, published), find_dates(body, sentences, published)
        merged = _merge(dates, figures)
        ranked = _with_ranks(body, sentences, merged)
        scored = score_sentences(body, sentences, ranked)
        claims = _with_sentence_scores(scored, ranked)
        inputs.append((body, published, sentences, figures, dates, merged, ranked, scored, claims,
                       find_quotes(body, scored)))
    steps = {
        "split_sentences": lambda b, p, s, f, d, m, r, sc, c, q: split_sentences(b),
        "find_quantities": lambda b, p, s, f, d, m, r, sc, c, q: find_quantities(b, s, p),
        "find_dates": lambda b, p, s, f, d, m, r, sc, c, q: find_dates(b, s, p),
        "merge": lambda b, p, s, f, d, m, r, sc, c, q: _merge(d, f),
        "ranks": lambda b, p, s, f, d, m, r, sc, c, q: _with_ranks(b, s, m),
        "checkworthiness": lambda b, p, s, f, d, m, r, sc, c, q: score_sentences(b, s, r),
        "sentence scores": lambda b, p, s, f, d, m, r, sc, c, q: _with_sentence_scores(sc, r),
        "consistency": lambda b, p, s, f, d, m, r, sc, c, q: add_consistency_hints(b, c),
        "quotes": lambda b, p, s, f, d, m, r, sc, c, q: find_quotes(b, sc),
        "attribution": lambda b, p, s, f, d, m, r, sc, c, q: attribute_claims(b, sc, c, q),
    }
    total = 0.0
    for name, step in steps.items():
        best = min(_cpu(step, inputs) for _ in range(args.runs))
        total += best
        print(f"{name:16} {best:7.3f} s")
    whole = min(_cpu(lambda b, p, *_: extract(b, p), inputs) for _ in range(args.runs))
    print(f"{'steps together':16} {total:7.3f} s")
    print(f"{'extract()':16} {whole:7.3f} s  = {words / whole:,.0f} words/s "
          f"({len(texts)} texts, {words:,} words)")


def _cpu(step, inputs) -> float:
    start = time.process_time()
    for args in inputs:
        step(*args)
    return time.process_time() - start


if __name__ == "__main__":
    main()
