"""Scale: the TUI and search on a newsroom-sized database (10,000 articles, 300,000 claims).

    python benchmarks/scale_bench.py [--articles 10000] [--claims-per-article 30]

Builds the database quickly (executemany in one transaction through the real migrations and the
real normaliser, not the import path), then measures with the real Textual app under run_test:
library first paint, opening a 300-claim article, the verdict's rating key → row committed, and search
after the last keystroke in the search screen (the engine alone too). Prints one JSON line of figures.

Two articles have 300 claims: one laid out as news is (paragraphs of 1-3 sentences) and one written as a
single 12,000-character paragraph, the worst case for the soft-wrapped article pane; both are opened.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
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


def build(path: Path, articles: int, per_article: int, big_article_claims: int = 300) -> tuple[int, int]:
    """Returns the ids of the two 300-claim articles: (in paragraphs, one paragraph)."""
    from workbench.store import open_db, transaction
    from workbench.textnorm import search_text

    rng = random.Random(3)
    db = open_db(path)
    big_ids = (articles // 2, articles // 3)
    with transaction(db) as conn:
        for a in range(1, articles + 1):
            n = big_article_claims if a in big_ids else per_article
            texts = [claim_text(rng) for _ in range(n)]
            one_paragraph = a == articles // 3
            seps = [". " if one_paragraph or rng.random() < 0.6 else ".\n\n" for _ in texts]
            body = "".join(t.capitalize() + sep for t, sep in zip(texts, seps)).rstrip()
            conn.execute(
                "INSERT INTO articles (id, headline, outlet, published, body, sha256, imported_at, imported_by) "
                "VALUES (?, ?, ?, ?, ?, ?, '2024-01-01T00:00:00', 'bench')",
                [a, f"{rng.choice(TOWNS)} story {a}", rng.choice(["The Ledger", "Courier", "Post"]),
                 f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", body, f"sha{a:08d}"])
            conn.execute("INSERT INTO events (at, reviewer, action, table_name, row_id) "
                         "VALUES ('2024-01-01', 'bench', 'import', 'articles', ?)", [a])
            rows, at = [], 0
            for t, sep in zip(texts, seps):
                s = t.capitalize()
                rows.append([a, "count", s, at, at + len(s), at, at + len(s) + 1, s + ".", search_text(s, s)])
                at += len(s) + len(sep)
            conn.executemany(
                'INSERT INTO claims (article_id, kind, text, start, "end", sentence_start, sentence_end, sentence, '
                "search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.conn.close()
    return big_ids


async def open_times(app, pilot, article_id: int, times: int = 5) -> float:
    """Median ms from asking for the review screen to it painted with its 300 claims."""
    from workbench.tui.review import ReviewScreen

    opened = []
    for _ in range(times):
        t = time.perf_counter()
        app.open_article(article_id)
        await pilot.pause()
        opened.append(time.perf_counter() - t)
        assert isinstance(app.screen, ReviewScreen) and len(app.screen.claims) == 300
        app.pop_screen()
        await pilot.pause()
        await app.workers.wait_for_complete()  # the library's refresh on return is not the next open's cost
        await pilot.pause()
    return round(1000 * statistics.median(opened), 1)


async def search_screen_times(app, pilot, queries: list[str]) -> list[float]:
    """Type each query into the search screen, a key every 60 ms (a fast typist); time from the last key
    to its results listed and painted."""
    from textual.widgets import Input

    await pilot.press("slash")
    await pilot.pause()
    screen = app.screen
    box = screen.query_one("#query", Input)
    times = []
    for q in queries:
        box.value = ""
        await pilot.pause()
        await app.workers.wait_for_complete()
        for i in range(1, len(q) + 1):
            box.value = q[:i]  # what a key press does to the Input; the screen reacts to Input.Changed
            if i < len(q):
                await asyncio.sleep(0.06)
        t = time.perf_counter()
        while screen.shown is None or screen.shown[0] != q:
            await asyncio.sleep(0.0005)
        screen._on_timer_update()  # paint now what changed (what Pilot.pause ends with)
        times.append(time.perf_counter() - t)
        assert screen.query_one("#results").row_count == len(screen.results) > 0, q
    app.pop_screen()
    await pilot.pause()
    return times


async def measure(path: Path, big_ids: tuple[int, int]) -> dict:
    from workbench.search import search_claims
    from workbench.store import list_articles, open_db
    from workbench.tui.app import WorkbenchApp

    db = open_db(path)
    newest = list_articles(db, limit=1)[0]["headline"]
    figures: dict = {}
    started = time.perf_counter()
    app = WorkbenchApp(db, "bench")
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        figures["library_first_paint_s"] = round(time.perf_counter() - started, 3)
        table = app.screen.query_one("#articles")
        assert table.row_count == db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assert newest in table.render_line(1).text  # the first screen of rows is there, newest first
        figures["open_300_claim_article_ms"] = await open_times(app, pilot, big_ids[0])
        figures["open_300_claims_one_paragraph_ms"] = await open_times(app, pilot, big_ids[1])
        app.open_article(big_ids[0])
        await pilot.pause()
        screen = app.screen
        commits = []
        for i in range(20):
            screen.query_one("#claims").move_cursor(row=i)
            await pilot.pause()
            claim_id = screen.current()["id"]
            version = db.execute("SELECT version FROM claims WHERE id = ?", [claim_id]).fetchone()[0]
            await pilot.press("v")  # the picker opens (not timed: the reviewer is reading the scale)
            await pilot.pause()
            t = time.perf_counter()
            press = asyncio.create_task(pilot.press("1"))  # the rating key ...
            while db.execute("SELECT version FROM claims WHERE id = ?", [claim_id]).fetchone()[0] == version:
                await asyncio.sleep(0.0005)  # (a new version: a kept database may hold 'true' from a past run)
            commits.append(time.perf_counter() - t)  # ... to the row committed
            await press
            await pilot.pause()
        figures["verdict_key_to_commit_ms_median"] = round(1000 * statistics.median(commits), 1)
        figures["verdict_key_to_commit_ms_max"] = round(1000 * max(commits), 1)
        app.pop_screen()
        await pilot.pause()
        typed = sorted(await search_screen_times(app, pilot, QUERIES * 3))
        figures["search_screen_ms_median"] = round(1000 * statistics.median(typed), 1)
        figures["search_screen_ms_p95"] = round(1000 * typed[int(0.95 * (len(typed) - 1))], 1)
    times = []
    for q in QUERIES * 3:
        t = time.perf_counter()
        search_claims(db, q, limit=20)
        times.append(time.perf_counter() - t)
    times.sort()
    figures["search_engine_ms_median"] = round(1000 * statistics.median(times), 1)
    figures["search_engine_ms_p95"] = round(1000 * times[int(0.95 * (len(times) - 1))], 1)
    return figures


QUERIES = ["40 peple killed in Portmere", "unemployment fell 12 percent Leedsham", "council spent £300m housing",
           "exports rose 7% €80bn", "crime Hallam doubled since 1999", "police burglaries Carrow March"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--claims-per-article", type=int, default=30)
    ap.add_argument("--keep", help="build the database at this path (kept) instead of a temporary one")
    a = ap.parse_args()
    path = Path(a.keep) if a.keep else Path(tempfile.mkdtemp()) / "scale.db"
    t = time.perf_counter()
    big_ids = build(path, a.articles, a.claims_per_article)
    built = time.perf_counter() - t
    figures = asyncio.run(measure(path, big_ids))
    claims = a.articles * a.claims_per_article + 2 * (300 - a.claims_per_article)
    print(json.dumps({"load_average": os.getloadavg(), "articles": a.articles, "claims": claims, "build_s": round(built, 1),
                      "db_mb": round(path.stat().st_size / 1e6, 1), **figures}))


if __name__ == "__main__":
    main()
