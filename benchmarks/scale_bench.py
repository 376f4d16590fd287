"""Scale: the TUI and search on a newsroom-sized database (10,000 articles, 300,000 claims).

    python benchmarks/scale_bench.py [--articles 10000] [--claims-per-article 30]

Builds the database quickly (executemany in one transaction through the real migrations and the
real normaliser, not the import path), then measures with the real Textual app under run_test:
library first paint, opening a 300-claim article, the verdict's rating key → row committed, and search
after the last keystroke. Prints one JSON line of figures.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

TEMPLATES = [
    "{n} people were killed in {town} on {day}", "unemployment fell to {p}% in {town}",
    "the council spent £{n}m on {thing}", "{n} homes were flooded in {town}", "exports rose {p}% to €{n}bn",
    "{n} migrants crossed to {town} in {month}", "the {thing} budget was cut by {p} per cent",
    "{town} hospital waiting lists reached {n},000", "crime in {town} doubled since {year}",
    "{n} teachers left {town} schools last year", "{town} police recorded {n} burglaries in {month}",
]
TOWNS = ["Portmere", "Leedsham", "Cedar Falls", "Maheen", "Kingsbridge", "Ashford", "Brindle", "Homs", "Palmyra",
         "Northolt", "Dunmore", "Carrow", "Eastwick", "Hallam", "Redding", "Stoke Alder"]
THINGS = ["flood defence", "road repair", "school meals", "housing", "policing", "libraries", "bus services"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def claim_text(rng: random.Random) -> str:
    return rng.choice(TEMPLATES).format(
        n=rng.randint(2, 990), p=rng.randint(1, 60), town=rng.choice(TOWNS), day="Monday", thing=rng.choice(THINGS),
        month=rng.choice(MONTHS), year=rng.randint(1990, 2022))


def build(path: Path, articles: int, per_article: int, big_article_claims: int = 300) -> int:
    from workbench.store import open_db, transaction
    from workbench.textnorm import search_text

    rng = random.Random(3)
    db = open_db(path)
    big_id = 0
    with transaction(db) as conn:
        for a in range(1, articles + 1):
            n = big_article_claims if a == articles // 2 else per_article
            texts = [claim_text(rng) for _ in range(n)]
            body = ". ".join(t.capitalize() for t in texts) + "."
            conn.execute(
                "INSERT INTO articles (id, headline, outlet, published, body, sha256, imported_at, imported_by) "
                "VALUES (?, ?, ?, ?, ?, ?, '2024-01-01T00:00:00', 'bench')",
                [a, f"{rng.choice(TOWNS)} story {a}", rng.choice(["The Ledger", "Courier", "Post"]),
                 f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", body, f"sha{a:08d}"])
            conn.execute("INSERT INTO events (at, reviewer, action, table_name, row_id) "
                         "VALUES ('2024-01-01', 'bench', 'import', 'articles', ?)", [a])
            rows, at = [], 0
            for t in texts:
                s = t.capitalize()
                rows.append([a, "count", s, at, at + len(s), at, at + len(s) + 1, s + ".", search_text(s, s)])
                at += len(s) + 2
            conn.executemany(
                'INSERT INTO claims (article_id, kind, text, start, "end", sentence_start, sentence_end, sentence, '
                "search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            if n == big_article_claims:
                big_id = a
    db.conn.close()
    return big_id


async def measure(path: Path, big_id: int) -> dict:
    from workbench.search import search_claims
    from workbench.store import open_db
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.review import ReviewScreen

    db = open_db(path)
    figures: dict = {}
    started = time.perf_counter()
    app = WorkbenchApp(db, "bench")
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        figures["library_first_paint_s"] = round(time.perf_counter() - started, 3)
        opened = []
        for _ in range(5):
            t = time.perf_counter()
            app.open_article(big_id)
            await pilot.pause()
            opened.append(time.perf_counter() - t)
            assert isinstance(app.screen, ReviewScreen) and len(app.screen.claims) == 300
            app.pop_screen()
            await pilot.pause()
        figures["open_300_claim_article_ms"] = round(1000 * statistics.median(opened), 1)
        app.open_article(big_id)
        await pilot.pause()
        screen = app.screen
        commits = []
        for i in range(20):
            screen.query_one("#claims").move_cursor(row=i)
            await pilot.pause()
            claim_id = screen.current()["id"]
            await pilot.press("v")  # the picker opens (not timed: the reviewer is reading the scale)
            await pilot.pause()
            t = time.perf_counter()
            press = asyncio.create_task(pilot.press("1"))  # the rating key ...
            while db.execute("SELECT verdict FROM claims WHERE id = ?", [claim_id]).fetchone()[0] != "true":
                await asyncio.sleep(0.0005)
            commits.append(time.perf_counter() - t)  # ... to the row committed
            await press
            await pilot.pause()
        figures["verdict_key_to_commit_ms_median"] = round(1000 * statistics.median(commits), 1)
        figures["verdict_key_to_commit_ms_max"] = round(1000 * max(commits), 1)
    queries = ["40 peple killed in Portmere", "unemployment fell 12 percent Leedsham", "council spent £300m housing",
               "exports rose 7% €80bn", "crime Hallam doubled since 1999", "police burglaries Carrow March"]
    times = []
    for q in queries * 3:
        t = time.perf_counter()
        search_claims(db, q, limit=20)
        times.append(time.perf_counter() - t)
    times.sort()
    figures["search_ms_median"] = round(1000 * statistics.median(times), 1)
    figures["search_ms_p95"] = round(1000 * times[int(0.95 * (len(times) - 1))], 1)
    return figures


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--claims-per-article", type=int, default=30)
    a = ap.parse_args()
    path = Path(tempfile.mkdtemp()) / "scale.db"
    t = time.perf_counter()
    big_id = build(path, a.articles, a.claims_per_article)
    built = time.perf_counter() - t
    figures = asyncio.run(measure(path, big_id))
    claims = a.articles * a.claims_per_article + 300 - a.claims_per_article
    print(json.dumps({"articles": a.articles, "claims": claims, "build_s": round(built, 1),
                      "db_mb": round(path.stat().st_size / 1e6, 1), **figures}))


if __name__ == "__main__":
    main()
