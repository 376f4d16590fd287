"""Kill: SIGKILL `workbench import FOLDER` at random moments, many times, and after every kill
check the database: `db check` clean, every stored article whole (all its claims and quotes),
no duplicates. When a database holds the whole batch, a plain re-import must add nothing and
a fresh database starts, so kills keep landing in real writes (and in first-open migrations).
Then exports are killed the same way: the report file is either absent or complete.

    .venv/bin/python benchmarks/kill_test.py [--kills 100] [--articles 60] [--export-kills 20]
"""
from __future__ import annotations

import argparse
import json
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from written_articles import write_articles  # noqa: E402

WORKBENCH = Path(sys.executable).with_name("workbench")


def expected_counts(folder: Path) -> dict[str, tuple[int, int]]:
    """sha256 → (claims, quotes) a complete import stores."""
    from workbench.ingest import read_article
    from workbench.service import extract_article

    out = {}
    for path in sorted(folder.glob("*.txt")):
        article = read_article(path)
        extraction = extract_article(article)
        out[article.sha256] = (len(extraction.claims), len(extraction.quotes))
    return out


def workbench(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(WORKBENCH), "--db", str(db), *args], capture_output=True, text=True, timeout=600)


def stored_state(db: Path, expected: dict[str, tuple[int, int]]) -> tuple[int, list[str]]:
    """(articles stored, problems): half-stored articles, duplicates, unknown articles."""
    problems = []
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            """SELECT a.sha256, a.origin, SUM(c.kind != 'quote'), SUM(c.kind = 'quote') FROM articles a
               LEFT JOIN claims c ON c.article_id = a.id GROUP BY a.id""").fetchall()
    for sha, origin, claims, quotes in rows:
        if sha not in expected:
            problems.append(f"unknown article {origin}")
        elif (claims or 0, quotes or 0) != expected[sha]:
            problems.append(f"half-stored {origin}: {claims} claims, {quotes} quotes, expected {expected[sha]}")
    origins = [r[1] for r in rows]
    if len(set(origins)) != len(origins):
        problems.append("duplicate articles")
    return len(rows), problems


def import_kills(work: Path, folder: Path, kills: int, rng: random.Random) -> dict:
    expected = expected_counts(folder)
    # how long one full import takes, so kill moments spread across all of it
    probe = work / "probe.db"
    started = time.perf_counter()
    workbench(probe, "import", str(folder))
    full = time.perf_counter() - started
    generation, db = 0, work / "kill-0.db"
    window = full * 1.1
    landed = finished = check_failures = 0
    whole_problems: list[str] = []
    completed_batches = 0
    progress = []
    n = 0
    while landed < kills:  # count only kills that caught an import still running
        n += 1
        proc = subprocess.Popen([str(WORKBENCH), "--db", str(db), "import", str(folder)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, window))
        proc.send_signal(signal.SIGKILL)
        code = proc.wait()
        landed += code == -signal.SIGKILL
        finished += code == 0
        check = workbench(db, "db", "check")
        if check.returncode != 0 or check.stdout.strip() != "ok":
            check_failures += 1
            print(f"kill {n}: db check failed: {check.stdout.strip()[:300]} {check.stderr.strip()[:200]}")
        count, problems = stored_state(db, expected)
        whole_problems += problems
        # keep kills spread over the writes: re-imports first re-read what is already stored,
        # and a busy machine is slower, so widen the window while kills land before any new article
        if code == 0:
            window *= 0.9
        elif progress and count == progress[-1]:
            window *= 1.15
        progress.append(count)
        if count == len(expected):
            rerun = workbench(db, "import", "--json", str(folder))
            results = json.loads(rerun.stdout)
            if rerun.returncode != 0 or any(r.get("added") for r in results):
                whole_problems.append(f"re-import of a complete batch added something or failed: {rerun.stderr}")
            completed_batches += 1
            generation += 1
            db = work / f"kill-{generation}.db"
    # the last, unfinished database: a plain re-run completes it
    rerun = workbench(db, "import", str(folder))
    count, problems = stored_state(db, expected)
    whole_problems += problems
    final_check = workbench(db, "db", "check").stdout.strip()
    if count == len(expected):
        completed_batches += 1
    return {"kills": n, "landed_mid_import": landed, "import_finished_before_kill": finished,
            "db_check_failures": check_failures, "half_stored_or_duplicate": len(whole_problems),
            "problems": whole_problems[:5], "full_import_seconds": round(full, 2),
            "databases": generation + 1, "batches_completed_by_rerun": completed_batches,
            "final_kill_window_seconds": round(window, 2), "final_rerun_exit": rerun.returncode, "final_articles": count, "final_check": final_check,
            "articles_after_each_kill": progress}


def export_kills(work: Path, folder: Path, kills: int, rng: random.Random) -> dict:
    db = work / "export.db"
    workbench(db, "import", str(folder))
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM claims ORDER BY id LIMIT 60")]
    for i, claim in enumerate(ids):  # give the report verdicts and notes to write
        workbench(db, "verdict", str(claim), ["true", "false", "misleading"][i % 3], "--note", f"checked {i}")
    started = time.perf_counter()
    workbench(db, "export", "--all", "--format", "html", "-o", str(work / "probe.html"))
    full = time.perf_counter() - started
    landed = partial = complete = 0
    window = full * 1.5
    for n in range(kills):
        target = work / f"report-{n}.json"
        proc = subprocess.Popen([str(WORKBENCH), "--db", str(db), "export", "--all", "--format", "json", "-o",
                                 str(target)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, window))
        proc.send_signal(signal.SIGKILL)
        killed = proc.wait() == -signal.SIGKILL
        landed += killed
        window *= 1.1 if killed else 0.9
        if target.exists():
            try:
                json.loads(target.read_text(encoding="utf-8"))
                complete += 1
            except ValueError:
                partial += 1
    check = workbench(db, "db", "check").stdout.strip()
    return {"export_kills": kills, "landed_mid_export": landed, "complete_reports": complete,
            "partial_reports": partial, "db_check": check, "full_export_seconds": round(full, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--export-kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="wb-kill-"))
    folder = work / "articles"
    write_articles(folder, args.articles, seed=args.seed)
    started = time.perf_counter()
    result = import_kills(work, folder, args.kills, rng)
    if args.export_kills:
        result |= export_kills(work, folder, args.export_kills, rng)
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=1))
    sound = (result["db_check_failures"] == 0 and result["half_stored_or_duplicate"] == 0
             and result["final_rerun_exit"] == 0 and result["final_articles"] == args.articles
             and result["final_check"] == "ok" and result.get("partial_reports", 0) == 0
             and result.get("db_check", "ok") == "ok")
    print("PASS" if sound else "FAIL")
    return 0 if sound else 1


if __name__ == "__main__":
    sys.exit(main())
