"""Speed of the figure and date finders alone (quantities, dates, consistency hints) and of the
whole extractor, in words per second, on made-up articles from written_articles.py.

    .venv/bin/python benchmarks/figures_speed.py [COUNT]

Prints one line per stage, in CPU seconds of this process (other jobs on the machine skew wall time). The whole-extractor figure includes sentences, check-worthiness and
quotes, which other modules own; the figures line is what quantities.py/dates.py cost on top.
"""
from __future__ import annotations

import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from written_articles import write_article  # noqa: E402

from workbench.extract import extract  # noqa: E402
from workbench.extract.consistency import add_consistency_hints  # noqa: E402
from workbench.extract.dates import find_dates  # noqa: E402
from workbench.extract.quantities import find_quantities  # noqa: E402
from workbench.extract.sentences import split_sentences  # noqa: E402

PUBLISHED = date(2015, 11, 24)


def main(count: int) -> None:
    rng = random.Random(7)
    bodies = [write_article(rng, i) for i in range(count)]
    words = sum(len(b.split()) for b in bodies)
    split = [(b, split_sentences(b)) for b in bodies]

    t0 = time.process_time()
    claims = 0
    for body, sentences in split:
        found = find_dates(body, sentences, PUBLISHED) + find_quantities(body, sentences, PUBLISHED)
        claims += len(add_consistency_hints(body, found))
    figures = time.process_time() - t0

    t0 = time.process_time()
    for body in bodies:
        extract(body, PUBLISHED)
    whole = time.process_time() - t0

    print(f"{count} articles, {words:,} words, {claims:,} figure/date claims")
    print(f"figures+dates+hints: {words / figures:,.0f} words/s ({figures:.2f} s)")
    print(f"whole extract():     {words / whole:,.0f} words/s ({whole:.2f} s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
