"""Speed of issue 19's targets, in one process:
- import of a generated 100,000-item DataCommons feed (benchmarks/factcheck_feed.py): fact-checks/s, and
  the peak memory of the run (the feed is streamed);
- matching one article's claims against the 100,000 (workbench.factchecks.match.match_article), each
  sample article in turn: median and worst milliseconds.

    python benchmarks/factcheck_speed.py [N]
"""
from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from factcheck_feed import write_feed  # noqa: E402
from workbench.factchecks.match import match_article  # noqa: E402
from workbench.factchecks.read import read_paths  # noqa: E402
from workbench.service import import_paths  # noqa: E402
from workbench.store import open_db  # noqa: E402
from workbench.store.factchecks import import_factchecks  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.json"
        write_feed(feed, n)
        size = feed.stat().st_size / 2**20
        db = open_db(Path(tmp) / "speed.db")
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        start, cpu, reading = time.perf_counter(), time.process_time(), time.thread_time()
        outcome = import_factchecks(db, read_paths([str(feed)]), "bench")
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
        reading = time.thread_time() - reading
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        # CPU time as well as wall time: on a shared machine the wall time counts other people's work too.
        # The reading thread's own CPU time bounds the rate on an idle machine (storing overlaps with it).
        print(f"import: {outcome.added:,} of {n:,} fact-checks ({size:.1f} MB feed) in {took:.2f} s wall = "
              f"{outcome.added / took:,.0f}/s ({cpu:.2f} s CPU = {outcome.added / cpu:,.0f}/s, of it the reading "
              f"thread {reading:.2f} s = {outcome.added / reading:,.0f}/s); "
              f"peak RSS {rss_before:.0f} -> {rss_after:.0f} MB; load {os.getloadavg()[0]:.1f}")
        articles = sorted((ROOT / "sample_articles").iterdir())
        for outcome_ in import_paths(db, [str(a) for a in articles], "bench"):
            assert outcome_.result, outcome_.error
        times = []
        match_article(db, 1)  # the figure reader's patterns load once per process (an import has them already)
        for article_id, in db.execute("SELECT id FROM articles ORDER BY id").fetchall():
            start = time.perf_counter()
            match_article(db, article_id)
            times.append((time.perf_counter() - start) * 1000)
        claims = db.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        print(f"match one article against {n:,}: median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms "
              f"over {len(times)} sample articles ({claims} claims, {claims / len(times):.0f} per article); "
              f"load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
