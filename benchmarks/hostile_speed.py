"""Hostile input at three sizes each: does import → extract → store → db check stay linear?
A ratio near 2.0 per doubling is linear; near 4.0 would be quadratic.

    .venv/bin/python benchmarks/hostile_speed.py [NAME]   # NAME: only the inputs whose name holds it
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

SENTENCE = "The council said 1,200 homes were flooded in May, costing £12m. "
HEADER = "Flood costs climb\nBy Ana Ruiz\n3 April 2024\n\n"
REPEATED_QUOTE = 'prices will rise by 12% next year," the minister said. '
# superlatives measured against a year, each with a date inside it: the dates were absorbed one rank at a time
RANKS = "It was the briefest slump since 1990, more jobs than any president in history, a million people. "
PRONOUNS = 'Union leader Sara Mills was blunt. "Nobody listened," she said. Judge Anne Marlow said he had shown no remorse. '
CASES = {
    "one line of figures (chars)": (lambda n: (HEADER + SENTENCE * (n // len(SENTENCE))).encode(), ".txt",
                                    [250_000, 500_000, 1_000_000]),
    "said-quotes": (lambda n: (HEADER + '"Hello," she said. ' * n).encode(), ".txt", [25_000, 50_000, 100_000]),
    "bare quote marks": (lambda n: (HEADER + "Costs rose 5%. " + '"' * n).encode(), ".txt",
                         [250_000, 500_000, 1_000_000]),
    "markup and escapes (lines)": (lambda n: (HEADER + "[bold]x[/foo] \x1b[2J <b>£4m</b> \u202e12%\u200b\n" * n)
                                   .encode(), ".txt", [25_000, 50_000, 100_000]),
    # one run-on "sentence" (the quote marks never open): attribute_claims read all of it before each claim
    "repeated quoted clauses (chars)": (lambda n: (HEADER + REPEATED_QUOTE * (n // len(REPEATED_QUOTE))).encode(),
                                        ".txt", [250_000, 500_000, 1_000_000]),
    "superlatives since a year (chars)": (lambda n: (HEADER + RANKS * (n // len(RANKS))).encode(), ".txt",
                                          [250_000, 500_000, 1_000_000]),
    "pronouns after subjects (chars)": (lambda n: (HEADER + PRONOUNS * (n // len(PRONOUNS))).encode(), ".txt",
                                        [250_000, 500_000, 1_000_000]),
    "nested HTML (levels)": (lambda n: ("<html><head><title>Deep</title></head><body>" + "<div>" * n + "<p>"
                                        + SENTENCE * 50 + "</p>" + "</div>" * n + "</body></html>").encode(),
                             ".html", [2_500, 5_000, 10_000]),
}


def measure(data: bytes, suffix: str, db_path: Path) -> tuple[float, str]:
    from workbench.errors import BadInput
    from workbench.ingest import parse_article
    from workbench.service import extract_article
    from workbench.store import check_db, open_db, store_article

    db = open_db(db_path)
    started = time.perf_counter()
    try:
        article = parse_article(data, origin="bench", suffix=suffix)
    except BadInput as exc:
        return time.perf_counter() - started, f"refused: {str(exc)[:60]}"
    extraction = extract_article(article)
    result = store_article(db, article, extraction, "bench")
    problems = check_db(db)
    seconds = time.perf_counter() - started
    db.conn.close()
    return seconds, f"{result.claims} claims, {result.quotes} quotes, check {'ok' if not problems else problems[:1]}"


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="wb-hostile-"))
    print(f"{'input':<30} {'size':>10} {'bytes':>11} {'seconds':>8} {'ratio':>6}  result")
    only = sys.argv[1] if len(sys.argv) > 1 else ""
    for name, (make, suffix, sizes) in CASES.items():
        if only not in name:
            continue
        previous = None
        for size in sizes:
            data = make(size)
            seconds, outcome = measure(data, suffix, work / f"{abs(hash((name, size)))}.db")
            ratio = f"{seconds / previous:.2f}" if previous else ""
            previous = seconds
            print(f"{name:<30} {size:>10,} {len(data):>11,} {seconds:>8.2f} {ratio:>6}  {outcome}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
