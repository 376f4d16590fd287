"""Load: several reviewers hammer one database file at once with mixed actions (verdict, note,
source add, search, export), each process with its own connection as separate CLIs/TUIs have.
Counts lost actions and "database is locked" errors, checks events = actions, and times each action.

    .venv/bin/python benchmarks/load_test.py                      # 8 processes x 500 actions, library calls
    .venv/bin/python benchmarks/load_test.py --via cli --actions 40   # the real `workbench` program per action
"""
from __future__ import annotations

import argparse
import io
import multiprocessing
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from written_articles import write_articles  # noqa: E402

WORKBENCH = Path(sys.executable).with_name("workbench")
WRITES = ("verdict", "note", "source")
MIX = ["verdict"] * 25 + ["note"] * 25 + ["source"] * 20 + ["search"] * 15 + ["export"] * 15
QUERIES = ["flood defences", "waiting list", "£500m", "fuel costs", "one in five", "council leader said",
           "house prices", "journey times", "backlog third", "spending review"]
FORMATS = ["json", "html", "md", "csv", "claimreview"]


def _readers():
    """search and export if those modules exist yet, else plain reads through the store."""
    from workbench.store import list_claims

    try:
        from workbench.search import search_claims
    except ImportError:
        search_claims = None
    try:
        from workbench.report import export_report
    except ImportError:
        export_report = None

    def search(db, rng, article_ids):
        if search_claims is None:
            return list_claims(db, rng.choice(article_ids))
        return search_claims(db, rng.choice(QUERIES), limit=20)

    def export(db, rng, article_ids):
        if export_report is None:
            return list_claims(db, rng.choice(article_ids))
        return export_report(db, rng.sample(article_ids, 3), rng.choice(FORMATS), io.StringIO())

    return search, export, search_claims is not None, export_report is not None


def _library_worker(path: str, n: int, actions: int, claim_ids: list[int], article_ids: list[int], out) -> None:
    from workbench.store import add_note, add_source, open_db, set_verdict

    rng = random.Random(n)
    reviewer = f"load{n}"
    db = open_db(path)
    search, export, *_ = _readers()
    stats = {"ok": {a: 0 for a in MIX}, "errors": [], "times": {a: [] for a in set(MIX)}, "notes": []}
    for i in range(actions):
        action = rng.choice(MIX)
        claim = rng.choice(claim_ids)
        started = time.perf_counter()
        try:
            if action == "verdict":
                set_verdict(db, claim, rng.choice(["true", "false", "misleading", "unproven"]), reviewer)
            elif action == "note":
                text = f"{reviewer} note {i}"
                add_note(db, claim, text, reviewer)
                stats["notes"].append(text)
            elif action == "source":
                add_source(db, claim, f"https://example.org/{reviewer}/{i}", reviewer,
                           stance=rng.choice(["supports", "refutes", "context"]), excerpt="p. 4")
            elif action == "search":
                search(db, rng, article_ids)
            else:
                export(db, rng, article_ids)
            stats["ok"][action] += 1
        except Exception as exc:  # counted and reported, never hidden
            stats["errors"].append(f"{action}: {type(exc).__name__}: {exc}")
        stats["times"][action].append(time.perf_counter() - started)
    out.put(stats)


def _cli_worker(path: str, n: int, actions: int, claim_ids: list[int], article_ids: list[int], out) -> None:
    rng = random.Random(n)
    reviewer = f"load{n}"
    env = {**os.environ, "WORKBENCH_DB": path, "WORKBENCH_REVIEWER": reviewer}
    stats = {"ok": {a: 0 for a in MIX}, "errors": [], "times": {a: [] for a in set(MIX)}, "notes": []}
    for i in range(actions):
        action = rng.choice(MIX)
        claim = str(rng.choice(claim_ids))
        args = {
            "verdict": ["verdict", claim, rng.choice(["true", "false", "misleading", "unproven"])],
            "note": ["note", claim, f"{reviewer} note {i}"],
            "source": ["source", "add", claim, f"https://example.org/{reviewer}/{i}"],
            "search": ["search", rng.choice(QUERIES), "--json"],
            "export": ["export", *map(str, rng.sample(article_ids, 3)), "--format", rng.choice(FORMATS)],
        }[action]
        started = time.perf_counter()
        proc = subprocess.run([str(WORKBENCH), *args], env=env, capture_output=True, text=True)
        stats["times"][action].append(time.perf_counter() - started)
        if proc.returncode == 0:
            stats["ok"][action] += 1
            if action == "note":
                stats["notes"].append(args[2])
        else:
            stats["errors"].append(f"{action}: exit {proc.returncode}: {proc.stderr.strip()[:200]}")
    out.put(stats)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--actions", type=int, default=500)
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--via", choices=["library", "cli"], default="library")
    args = parser.parse_args()

    from workbench.service import import_paths
    from workbench.store import check_db, open_db

    work = Path(tempfile.mkdtemp(prefix="wb-load-"))
    path = work / "load.db"
    write_articles(work / "articles", args.articles, seed=5)
    db = open_db(path)
    list(import_paths(db, [str(work / "articles")], "importer"))
    claim_ids = [r[0] for r in db.execute("SELECT id FROM claims")]
    article_ids = [r[0] for r in db.execute("SELECT id FROM articles")]
    _, _, has_search, has_export = _readers()
    print(f"{args.processes} processes x {args.actions} actions via {args.via} on {len(article_ids)} articles, "
          f"{len(claim_ids)} claims ({path})")
    if not has_search or not has_export:
        print(f"note: {'search' if not has_search else ''} {'export' if not has_export else ''} not written yet; "
              "those actions read claims through store.list_claims instead")
    events_before = db.execute("SELECT COUNT(*) FROM events").fetchone()[0]

    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    target = _library_worker if args.via == "library" else _cli_worker
    started = time.perf_counter()
    procs = [ctx.Process(target=target, args=(str(path), n, args.actions, claim_ids, article_ids, queue))
             for n in range(args.processes)]
    for p in procs:
        p.start()
    results = [queue.get() for _ in procs]
    for p in procs:
        p.join()
    wall = time.perf_counter() - started

    ok = {a: sum(r["ok"][a] for r in results) for a in set(MIX)}
    errors = [e for r in results for e in r["errors"]]
    locked = [e for e in errors if "locked" in e or "busy" in e]
    writes = sum(ok[a] for a in WRITES)
    events = db.execute("SELECT COUNT(*) FROM events").fetchone()[0] - events_before
    load_events = db.execute("SELECT COUNT(*) FROM events WHERE reviewer LIKE 'load%'").fetchone()[0]
    versions = db.execute("SELECT SUM(version - 1) FROM claims").fetchone()[0]
    links = db.execute("SELECT COUNT(*) FROM claim_sources WHERE added_by LIKE 'load%'").fetchone()[0]
    all_notes = "\n".join(r[0] or "" for r in db.execute("SELECT note FROM claims")).split("\n")
    notes_written = [t for r in results for t in r["notes"]]
    notes_found = set(all_notes) & set(notes_written)
    lost = (writes - load_events) + (len(notes_written) - len(notes_found)) + (ok["source"] - links)
    problems = check_db(db)

    total = args.processes * args.actions
    print(f"actions: {total} ({', '.join(f'{a} {ok[a]}' for a in sorted(ok))}) in {wall:.1f} s "
          f"= {total / wall:.0f} actions/s")
    print(f"errors: {len(errors)}; 'database is locked'/busy: {len(locked)}")
    for e in errors[:5]:
        print(f"  {e}")
    print(f"writes acknowledged: {writes}; events written: {events} (by load reviewers {load_events}); "
          f"claim versions bumped: {versions}; source links: {links}; notes found: {len(notes_found)}"
          f"/{len(notes_written)}")
    print(f"lost actions: {lost}")
    for action in sorted(set(MIX)):
        times = sorted(t for r in results for t in r["times"][action])
        if times:
            p95 = times[int(0.95 * (len(times) - 1))]
            print(f"  {action:<8} n={len(times):<5} median {statistics.median(times) * 1000:7.1f} ms   "
                  f"p95 {p95 * 1000:7.1f} ms   max {times[-1] * 1000:7.1f} ms")
    print(f"db check: {'ok' if not problems else problems[:5]}")
    sound = not errors and lost == 0 and load_events == writes == events and versions == writes and not problems
    print("PASS" if sound else "FAIL")
    return 0 if sound else 1


if __name__ == "__main__":
    sys.exit(main())
