"""Launch to the library's first frame, counted in instructions: steadier than wall clock on a shared machine.

    python benchmarks/launch_count.py --db /tmp/scale.db [--tree DIR ...] [--runs 5]

Each run starts, per tree (in turn), the real `workbench --db DB` command in a terminal of its own (tmux,
160x48) under `perf stat -e task-clock` (this machine's VM has no instruction counter: --callgrind counts them under
valgrind instead), and the process ends itself (os._exit) right after
the first frame that holds the library's rows is written to the terminal: so the count is the launch that
a reviewer waits for, and none of what comes after it (the warm-up, the integrity check). The only thing
added to the command is the hook that notices that frame: `App._display` wrapped as `textual.app` is
imported (an import hook: the command imports everything in its own order).

Prints, per tree, the medians (min-max) of user-space instructions, task-clock (CPU ms) and wall ms (from
the interpreter's start to the frame's write), with the load average.
"""
from __future__ import annotations

import time

STARTED = time.perf_counter()  # (--child) before any import

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

SOCKET = f"launch-count-{os.getpid()}"


def child(db: str, out: str) -> None:
    """In the tree's own Python: the `workbench` command, ended at its first library frame written. The hook
    goes into `textual.app` as the command imports it (an import hook), so that the command imports
    everything in its own order, with its own settings."""
    import importlib.abc
    import importlib.machinery

    def hook(app_module) -> None:
        App = app_module.App
        display = App._display

        def _display(self, screen, renderable):
            done = display(self, screen, renderable)
            rows = getattr(screen, "query", None) and screen.query("#articles")
            if renderable is not None and not self._batch_count and rows and rows.first().row_count:
                Path(out).write_text(json.dumps({"wall_ms": 1000 * (time.perf_counter() - STARTED)}))
                os._exit(0)
            return done

        App._display = _display

    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name != "textual.app":
                return None
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            run = spec.loader.exec_module

            def exec_module(module):
                run(module)
                hook(module)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, Finder())
    import runpy

    script = os.path.join(sys.prefix, "bin", "workbench")  # the tree's own entry point, as installed
    sys.argv = [script, "--db", db, "--reviewer", "bench"]
    runpy.run_path(script, run_name="__main__")


def one(tree: Path, db: str, config: str, callgrind: bool) -> dict:
    work = tempfile.mkdtemp(prefix="launch-count-")
    perf_out, out = os.path.join(work, "perf.txt"), os.path.join(work, "out.json")
    counter = (f"valgrind --tool=callgrind --callgrind-out-file={perf_out}" if callgrind
               else f"perf stat -x, -e task-clock -o {perf_out}")
    command = (f"env TERM=xterm-256color WORKBENCH_CONFIG_DIR={config} PYTHONPATH={tree} PYTHONHASHSEED=0 "
               f"{counter} {tree}/.venv/bin/python {__file__} --child --db {db} --out {out}")
    subprocess.run(["tmux", "-L", SOCKET, "new-session", "-d", "-s", "count", "-x", "160", "-y", "48",
                    "-c", str(tree), command], check=True)
    deadline = time.time() + (900 if callgrind else 60)
    while not (os.path.exists(out) and os.path.exists(perf_out) and os.path.getsize(perf_out)):
        if time.time() > deadline:
            raise TimeoutError(f"{tree}: no frame in 60 s")
        time.sleep(0.05)
    time.sleep(0.1)
    subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)
    got = json.loads(Path(out).read_text())
    for line in Path(perf_out).read_text().splitlines():
        fields = line.split(",")
        if line.startswith("summary:"):
            got["instructions_M"] = int(line.split()[1]) / 1e6
        elif len(fields) > 2 and fields[2].startswith("task-clock"):
            got["cpu_ms"] = float(fields[0])
    return got


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="scale_bench.py --keep's database (not written to)")
    ap.add_argument("--tree", action="append", type=Path, help="a `make install`ed checkout; several alternate")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--callgrind", action="store_true",
                    help="count instructions under valgrind (~50x slower; wall figures then mean nothing)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        return child(a.db, a.out)
    trees = [t.resolve() for t in (a.tree or [Path(__file__).resolve().parents[1]])]
    config = tempfile.mkdtemp(prefix="launch-count-config-")
    got: dict = {str(t): {} for t in trees}
    loads = []
    for _ in range(a.runs):
        for tree in trees:
            loads.append(os.getloadavg()[0])
            for name, value in one(tree, os.path.abspath(a.db), config, a.callgrind).items():
                got[str(tree)].setdefault(name, []).append(value)
    report: dict = {"runs": a.runs, "load_1min_min_max": [min(loads), max(loads)]}
    for tree, figures in got.items():
        report[tree] = {name: [round(statistics.median(v), 1), round(min(v), 1), round(max(v), 1)]
                        for name, v in sorted(figures.items())}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    sys.exit(main())
