"""Triage speed (issue 17): the rating key → the verdict committed and the next claim selected and painted,
on a 300-claim article, with the real app under run_test at 160×48.

    python benchmarks/triage_bench.py [--db scale.db] [--articles 2000] [--runs 20] [--tree /work/main]

With auto-advance (this tree) the pass is `v 1` per claim; a tree without it (main before issue 17) needs
`v 1 j`, and is timed that way: from the `1` to the next claim on screen, wall clock and this process's
CPU time (the app, its workers and Pilot share the process). --tree times another checkout's code on the
same database; run both, alternating, and give the load beside the figures. Also timed on this tree:
o (re-sort 300 claims), U (unreviewed only) and u (next unreviewed). Prints one JSON line.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def ms(values: list[float]) -> dict:
    return {"median": round(1000 * statistics.median(values), 1), "max": round(1000 * max(values), 1)}


async def measure(path: Path, article_id: int, runs: int) -> dict:
    from workbench.store import get_claim, open_db
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.review import ReviewScreen

    db = open_db(path)
    app = WorkbenchApp(db, "bench")
    advances = hasattr(ReviewScreen, "judged")
    figures: dict = {"auto_advance": advances}
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.open_article(article_id)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and len(screen.claims) == 300
        first_row = screen.query_one("#claims").cursor_row
        wall, cpu = [], []
        for n in range(runs):
            claim, following = screen.claims[first_row + n], screen.claims[first_row + n + 1]
            # a kept database was rated before: wait for a new version, not for a verdict
            version = get_claim(db, claim["id"])["version"]
            await pilot.press("v")
            await pilot.pause()
            w0, c0 = time.perf_counter(), time.process_time()
            await pilot.press("1") if advances else await pilot.press("1", "j")
            while (screen.current()["id"] != following["id"]
                   or get_claim(db, claim["id"])["version"] == version):
                await asyncio.sleep(0.0005)
            await pilot.pause()  # painted
            wall.append(time.perf_counter() - w0)
            cpu.append(time.process_time() - c0)
        figures["rating_key_to_next_claim_ms"] = ms(wall)
        figures["rating_key_to_next_claim_cpu_ms"] = ms(cpu)
        if advances:
            for key in ("o", "U", "u"):
                times = []
                for _ in range(5):
                    w0 = time.perf_counter()
                    await pilot.press(key)
                    await pilot.pause()
                    times.append(time.perf_counter() - w0)
                    if key == "U":  # back to every claim, untimed
                        await pilot.press("U")
                        await pilot.pause()
                figures[f"key_{key}_ms"] = ms(times)
    return figures


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", help="a database from scale_bench.py --keep (else one is built with a "
                                 "300-claim article)")
    ap.add_argument("--articles", type=int, default=2000, help="articles in the database built")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--tree", help="time this checkout's workbench instead of this one's")
    args = ap.parse_args()
    if args.tree:
        sys.path.insert(0, str(Path(args.tree).resolve()))
    sys.path.insert(1, str(Path(__file__).resolve().parent))
    import workbench

    path = Path(args.db) if args.db else None
    if path is None or not path.exists():
        from scale_bench import build

        path = path or Path(tempfile.mkdtemp()) / "triage.db"
        big = build(path, args.articles, 30)[0]
    else:
        from workbench.store import open_db

        big = open_db(path).execute("SELECT article_id FROM claims GROUP BY article_id "
                                    "HAVING COUNT(*) >= 300 ORDER BY article_id LIMIT 1").fetchone()[0]
    figures = asyncio.run(measure(path, big, args.runs))
    figures.update(tree=str(Path(workbench.__file__).parents[1]), load=os.getloadavg()[0])
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
