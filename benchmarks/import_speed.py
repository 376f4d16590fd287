"""One large article through the real `workbench import`: 1, 2 and 5 MB, into a fresh database and into
a desk's database (the samples imported, their fact-checks matched, five claims given a verdict), where
each new claim is also matched against the claims already reviewed ("seen before").

    .venv/bin/python benchmarks/import_speed.py [--sizes 1 2 5] [--runs 3] [--corpus DIR]
        [--bin PATH/TO/workbench ...]

--corpus: a folder of plain-text news articles to build the file from (their bodies one after another);
without it, made-up articles (written_articles.py). --bin: the workbench programs to compare (a "before"
tree's and this one's), run alternately, one import each in turn. Prints, per program, size and database,
the median wall and CPU seconds of the import with their spread, and what it said on stderr.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def article_text(size: int, corpus: Path | None) -> bytes:
    """A plain-text article of `size` bytes: a header, then article bodies one after another."""
    pieces = ["Big import trial\nBy Test Desk\n3 April 2024\n\n"]
    if corpus:
        texts = [p.read_text(encoding="utf-8", errors="replace").strip() for p in sorted(corpus.glob("*.txt"))]
    else:
        sys.path.insert(0, str(HERE))
        from written_articles import write_article

        rng = random.Random(7)
        texts = [write_article(rng, i).split("\n", 4)[-1].strip() for i in range(400)]
    total, i = len(pieces[0]), 0
    while total < size:
        pieces.append(texts[i % len(texts)] + "\n\n")
        total += len(pieces[-1].encode())
        i += 1
    return "".join(pieces).encode()[:size].decode("utf-8", "ignore").encode()


def desk_db(program: str, path: Path) -> None:
    """A database as a desk has it after `make run` and a few verdicts."""
    env = {**os.environ, "WORKBENCH_DB": str(path), "WORKBENCH_REVIEWER": "bench"}
    quiet = {"env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    subprocess.run([program, "factchecks", "import", str(ROOT / "sample_factchecks")], check=False, **quiet)
    subprocess.run([program, "import", str(ROOT / "sample_articles")], check=True, **quiet)
    subprocess.run([program, "factchecks", "match", "--all"], check=False, **quiet)
    for claim in (1, 2, 3, 5, 8):
        subprocess.run([program, "verdict", str(claim), "true"], check=True, **quiet)


def timed_import(program: str, db: Path, article: Path) -> tuple[float, float, str]:
    """Wall and CPU seconds (the child's user + system) of one import, and its last stderr line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([program, "--db", str(db), "--reviewer", "bench", "import", str(article)],
                          capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"{program} failed: {done.stderr.strip()[-300:]}")
    last = (done.stderr.strip().splitlines() or [""])[-1]
    return wall, cpu, f"{done.stdout.strip()[:70]} | {len(done.stderr.splitlines())} stderr lines: {last[-60:]}"


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):7.2f} ({min(values):.2f}-{max(values):.2f})"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 5], help="MB (10^6 bytes)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--bin", action="append", help="workbench programs to compare (default: this tree's)")
    parser.add_argument("--only", choices=["fresh", "desk"], help="one kind of database only")
    args = parser.parse_args()
    programs = args.bin or [str(ROOT / ".venv" / "bin" / "workbench")]
    work = Path(tempfile.mkdtemp(prefix="wb-import-speed-"))
    bases = {}
    for n, program in enumerate(programs):  # each program's own migrations build its database
        bases[program, "fresh"] = None
        bases[program, "desk"] = work / f"desk-{n}.db"
        desk_db(program, bases[program, "desk"])
    print(f"load: {os.getloadavg()}", flush=True)
    print(f"{'program':<44} {'MB':>4} {'db':<5} {'wall s median (range)':>24} {'cpu s median (range)':>24}")
    for size in args.sizes:
        article = work / f"article-{size:g}mb.txt"
        article.write_bytes(article_text(int(size * 1_000_000), args.corpus))
        for kind in ("fresh", "desk"):
            if args.only and kind != args.only:
                continue
            walls: dict[str, list[float]] = {p: [] for p in programs}
            cpus: dict[str, list[float]] = {p: [] for p in programs}
            said = {}
            for run in range(args.runs):
                for program in programs:  # alternately, so that the machine's mood falls on both alike
                    db = work / f"run-{run}.db"
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{db}{suffix}").unlink(missing_ok=True)
                    if bases[program, kind]:
                        shutil.copy(bases[program, kind], db)
                    wall, cpu, said[program] = timed_import(program, db, article)
                    walls[program].append(wall)
                    cpus[program].append(cpu)
            for program in programs:
                name = program if len(program) <= 44 else "…" + program[-43:]
                print(f"{name:<44} {size:>4g} {kind:<5} {spread(walls[program]):>24} {spread(cpus[program]):>24}"
                      f"   {said[program]}", flush=True)
    print(f"load: {os.getloadavg()}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
