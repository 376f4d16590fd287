"""`workbench search` as a command, start-up included, against `workbench --help` as the floor.

    python benchmarks/search_startup.py [--db PATH] [--claims 30000] [--command "workbench"] [--runs 15]

Builds (once, at --db) a database of generated claims with search_bench.build, then times, each as a
fresh process: `workbench --help` (Python, click and the CLI module: what any command costs) and
`workbench --db PATH search QUERY --limit 10` for queries made the way search_bench makes them.
`--command` runs another tree's command (e.g. /work/base-wb, with PYTHONPATH pointing at that tree so
the database is built by its own migrations). Prints one JSON line of medians and p95s in ms.
"""
from __future__ import annotations

import argparse
import json
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_bench import build, queries  # noqa: E402


def timed(argv: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path)
    ap.add_argument("--claims", type=int, default=30000)
    ap.add_argument("--command", default=str(Path(sys.executable).parent / "workbench"))
    ap.add_argument("--runs", type=int, default=15)
    a = ap.parse_args()
    path = a.db or Path(tempfile.mkdtemp()) / "startup.db"
    if not path.exists():
        build(path, a.claims)
    command = shlex.split(a.command)
    qs = [q for _, q in queries(path, a.runs, seed=7)]
    timed([*command, "--help"])  # the first run fills the page cache
    help_times = [timed([*command, "--help"]) for _ in range(a.runs)]
    search_times = [timed([*command, "--db", str(path), "search", q, "--limit", "10"]) for q in qs]

    def ms(times: list[float]) -> dict:
        return {"median": round(1000 * statistics.median(times)), "p95": round(1000 * sorted(times)[int(0.95 * (len(times) - 1))])}
    print(json.dumps({"claims": a.claims, "command": a.command, "help_ms": ms(help_times), "search_ms": ms(search_times)}))


if __name__ == "__main__":
    main()
