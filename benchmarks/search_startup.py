"""`workbench search` as a command, start-up included, against `workbench --help` as the floor.

    python benchmarks/search_startup.py [--db PATH] [--claims 30000] [--command "workbench" ...] [--runs 15]

Builds (once, at --db) a database of generated claims with search_bench.build, then times, each as a
fresh process: `workbench --help` (Python, click and the CLI module: what any command costs) and
`workbench --db PATH search QUERY --limit 10` for queries made the way search_bench makes them.
`--command` runs another tree's command (e.g. a wrapper that sets PYTHONPATH to a worktree of main);
given more than once, the commands' runs are interleaved (A, B, A, B, ...) so that a machine whose
load changes during the run weighs on each alike. Each process's CPU time (user + system, from
getrusage) is given beside the wall-clock time: on a shared machine it moves much less with the load.
Prints one JSON line per command of medians and p95s in ms.

Byte code: where PYTHONDONTWRITEBYTECODE is set (it is on the shared machines) Python compiles every
module of the tree from source on every run, ~40-80 ms more; `make install` compiles the package once
(compileall), as `pip install` of a wheel does. Compile a tree you time the same way
(`python -m compileall -q TREE/workbench`), or both trees are timed compiling.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_bench import build, queries  # noqa: E402


def timed(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of `argv`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def ms(times: list[float]) -> dict:
    ordered = sorted(times)
    return {"median": round(1000 * statistics.median(ordered)), "p95": round(1000 * ordered[int(0.95 * (len(ordered) - 1))])}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path)
    ap.add_argument("--claims", type=int, default=30000)
    ap.add_argument("--command", action="append",
                    help=f"the workbench command to time; repeat to compare (default: {Path(sys.executable).parent / 'workbench'})")
    ap.add_argument("--runs", type=int, default=15)
    a = ap.parse_args()
    commands = a.command or [str(Path(sys.executable).parent / "workbench")]
    path = a.db or Path(tempfile.mkdtemp()) / "startup.db"
    if not path.exists():
        build(path, a.claims)
    qs = [q for _, q in queries(path, a.runs, seed=7)]
    argvs = {c: shlex.split(c) for c in commands}
    for argv in argvs.values():  # the first runs fill the page cache
        timed([*argv, "--help"])
        timed([*argv, "--db", str(path), "search", qs[0], "--limit", "10"])
    figures = {c: {"help": [], "search": []} for c in commands}
    for run in range(a.runs):
        for c, argv in argvs.items():
            figures[c]["help"].append(timed([*argv, "--help"]))
            figures[c]["search"].append(timed([*argv, "--db", str(path), "search", qs[run], "--limit", "10"]))
    load = os.getloadavg()[0]
    for c in commands:
        out = {"claims": a.claims, "command": c, "runs": a.runs, "load_1min_at_end": round(load, 1),
               "PYTHONDONTWRITEBYTECODE": bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))}
        for name, pairs in figures[c].items():
            out[f"{name}_ms"] = ms([w for w, _ in pairs])
            out[f"{name}_cpu_ms"] = ms([cpu for _, cpu in pairs])
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
