"""Load on `workbench serve`: N signed-in reviewers at once, each a websocket client doing what textual.js
does in a browser, each opening its own article and giving V claims a verdict with the keyboard.

Checks that nothing is lost (every reviewer's verdict events are exactly the verdicts they typed, in order,
on claims of their article) and that each event names its reviewer; times keypress → served screen update:
`v` until a frame shows the verdict picker, the digit until a frame shows the review screen without it.

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


def picker_open(text: str) -> bool:
    return "press its number" in text


def picker_gone(text: str) -> bool:
    """A whole review screen drawn without the picker: the verdict was taken and the list redrawn."""
    return "Next pane" in text and "press its number" not in text


async def reviewer(http, base_url: str, cookie: str, headline: str, verdicts: int, seed: int) -> dict:
    """Open the article with this headline (library filter); rate its first `verdicts` claims, key by key."""
    rng = random.Random(seed)
    screen = await open_screen(http, base_url, cookie)
    await screen.wait_for("reviewer: ")
    await screen.settle()
    await screen.open_article(headline)
    await screen.settle()
    sent, open_times, verdict_times = [], [], []
    try:
        for _ in range(verdicts):
            open_times.append(await screen.key_until_frame("v", picker_open))
            digit = rng.randint(1, 7)
            verdict_times.append(await screen.key_until_frame(str(digit), picker_gone))
            sent.append(SCALE[digit - 1])  # the review screen moves on to the next claim itself (auto-advance)
    except AssertionError as exc:
        Path(f"/tmp/serve_load_{seed}.txt").write_text("\n".join(f"{k}: {v!r}" for k, v in screen.transcript))
        raise AssertionError(f"{headline!r}, after {len(sent)} verdicts: {exc}") from None
    await screen.settle()
    await screen.close()
    return {"sent": sent, "picker": open_times, "verdict": verdict_times}


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
    for what, meaning in (("picker", "v -> the verdict picker on screen"),
                          ("verdict", "digit -> picker gone, verdict saved and shown")):
        print(f"  {meaning:<48} {quantiles([t for r in results for t in r[what]])}")
    for line in problems:
        print(f"  {line}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
