"""Load on `workbench serve`: N signed-in reviewers at once, each a websocket client doing what textual.js
does in a browser, each opening its own article and giving V claims a verdict with the keyboard.

Checks that nothing is lost (every reviewer's verdict events are exactly the verdicts they typed, in order,
on claims of their article) and that each event names its reviewer; times keypress → served screen update
(first frame back, and the last frame of the redraw), for the verdict key and for a cursor move.

    .venv/bin/python benchmarks/serve_load.py [--clients 8] [--verdicts 15]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from serve_harness import add_user, open_screen, run_cli, served, sign_in  # noqa: E402

SCALE = ["true", "mostly-true", "half-true", "misleading", "mostly-false", "false", "unproven"]  # keys 1-7


async def timed_key(screen, key: str, quiet: float = 0.15) -> tuple[float, float]:
    """Send one key; seconds to the first frame back and to the last frame of the redraw it caused."""
    while not screen.frames.empty():
        screen.frames.get_nowait()
    sent = time.perf_counter()
    await screen.key(key)
    try:
        first = await asyncio.wait_for(screen.frames.get(), 60)
    except asyncio.TimeoutError:
        raise AssertionError(f"no screen update within 60 s of {key!r}; last shown: {screen.text[-300:]!r}")
    last = first
    while True:
        try:
            last = await asyncio.wait_for(screen.frames.get(), quiet)
        except asyncio.TimeoutError:
            return first - sent, last - sent


async def reviewer(http, base_url: str, cookie: str, headline: str, verdicts: int, seed: int) -> dict:
    """Open the article with this headline (library filter); rate its first `verdicts` claims, key by key."""
    rng = random.Random(seed)
    screen = await open_screen(http, base_url, cookie)
    await screen.wait_for("reviewer: ")
    await screen.settle()
    await screen.type_slowly(["\x06", headline, "\r", "\r"])
    await screen.wait_for("Next pane")
    await screen.settle()
    sent, verdict_times, move_times = [], [], []
    for _ in range(verdicts):
        await screen.key("v")
        await screen.wait_for("press its number")
        screen.text = ""  # the next wait looks only at what comes after this
        await screen.settle(0.15)
        digit = rng.randint(1, 7)
        verdict_times.append(await timed_key(screen, str(digit)))
        sent.append(SCALE[digit - 1])
        move_times.append(await timed_key(screen, "j"))
    await screen.close()
    return {"sent": sent, "verdict": verdict_times, "move": move_times}


def quantiles(values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"{statistics.median(ms):.0f} / {p95:.0f} / {ms[-1]:.0f} ms"


async def run(db: Path, clients: int, verdicts: int) -> dict:
    names = [f"reviewer-{i + 1}" for i in range(clients)]
    articles = json.loads(run_cli(db, "articles", "--json").stdout)
    headlines = [a["headline"] for a in articles if a["claims"] + a["quotes"] >= verdicts][:clients]
    assert len(headlines) == clients, f"only {len(headlines)} sample articles have {verdicts} claims"
    with served(db, "--max-sessions", str(clients)) as base_url:
        links = [add_user(db, name, base_url) for name in names]
        async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as http:
            cookies = [await sign_in(http, link) for link in links]
            started = time.perf_counter()
            pairs = enumerate(zip(cookies, headlines))
            results = await asyncio.gather(*(reviewer(http, base_url, cookie, headline, verdicts, seed)
                                             for seed, (cookie, headline) in pairs))
            wall = time.perf_counter() - started
    return {"names": names, "results": results, "wall": wall}


def check(db: Path, names: list[str], results: list[dict]) -> list[str]:
    """What was lost or misattributed; empty when every typed verdict is stored under its reviewer."""
    problems = []
    with sqlite3.connect(db) as conn:
        for name, result in zip(names, results):
            rows = conn.execute(
                "SELECT e.after, c.article_id, e.claim_id FROM events e JOIN claims c ON c.id = e.claim_id "
                "WHERE e.reviewer = ? AND e.action = 'verdict' ORDER BY e.id", [name]).fetchall()
            stored = [json.loads(after)["verdict"] for after, _, _ in rows]
            if stored != result["sent"]:
                problems.append(f"{name}: typed {result['sent']}, stored {stored}")
            articles = {article for _, article, _ in rows}
            if len(articles) > 1 or len({claim for *_, claim in rows}) != len(rows):
                problems.append(f"{name}: verdicts spread over articles or repeated on a claim")
        by_article = conn.execute(
            "SELECT c.article_id, count(DISTINCT e.reviewer) FROM events e "
            "JOIN claims c ON c.id = e.claim_id WHERE e.action = 'verdict' "
            "GROUP BY c.article_id HAVING count(DISTINCT e.reviewer) > 1").fetchall()
        if by_article:
            problems.append(f"articles rated by more than one reviewer: {by_article}")
        unnamed = conn.execute("SELECT count(*) FROM events WHERE action = 'verdict' AND reviewer NOT IN "
                               f"({','.join('?' * len(names))})", names).fetchone()[0]
        if unnamed:
            problems.append(f"{unnamed} verdict events name no signed-in reviewer")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--verdicts", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "desk.db"
        done = run_cli(db, "import", str(ROOT / "sample_articles"))
        assert done.returncode == 0, done.stderr
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        found = asyncio.run(run(db, args.clients, args.verdicts))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the server and every session it ran
        problems = check(db, found["names"], found["results"])
    results = found["results"]
    typed = sum(len(r["sent"]) for r in results)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"{args.clients} reviewers x {args.verdicts} verdicts: {typed} typed, "
          f"{'nothing lost, each event names its reviewer' if not problems else 'PROBLEMS'}; "
          f"wall {found['wall']:.1f} s, server + sessions CPU {cpu:.1f} s; load {os.getloadavg()[0]:.2f}")
    print("keypress -> served screen update, median / p95 / max:")
    for what in ("verdict", "move"):
        firsts = [first for r in results for first, _ in r[what]]
        lasts = [last for r in results for _, last in r[what]]
        print(f"  {what:<8} first frame {quantiles(firsts)}; redraw done {quantiles(lasts)}")
    for line in problems:
        print(f"  {line}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
