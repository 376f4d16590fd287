"""Wall clock to the screen: the TUI in tmux, timed from the key (or the launch) until the change shows.

    python benchmarks/screen_bench.py --db /tmp/scale.db [--tree DIR ...] [--runs 5] [--size 160x48]

What a reviewer feels, measured the way issue 17 did: each step sends keys to a real terminal (tmux), then
polls `tmux capture-pane` (every ~5 ms) until the change is painted. Four measures:

  launch          `workbench` started → library rows and the article count shown
  verdict         the rating key in the verdict picker → the claim's row shows the rating (300-claim article)
  j               j in the claim list → the detail pane shows the next claim
  open            Enter on a 300-claim article in the library → its text shown

The database is scale_bench.py's (`scale_bench.py --keep PATH` builds it: 10,000 articles, 300,540 claims,
articles 5000 and 3333 with 300 claims). Each --tree is a checkout with its own `make install`ed .venv;
give several (say a worktree of main and this one) and they are timed in turn, run after run, so that
both see the same machine. Each run starts, per tree, one launch, one review session (2 j, 2 verdicts)
and one open; the medians are over all runs; the load average is printed beside every figure, since on
a shared machine it moves them more than most changes do. A capture costs ~2-5 ms and the poll rests
5 ms between captures, so a figure is the change's time plus up to ~10 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

SOCKET = f"screen-bench-{os.getpid()}"  # our own tmux server: never touches anyone's sessions
BIG_ARTICLE = 5000  # scale_bench.py's 300-claim article laid out in paragraphs
POLL_TIMEOUT_S = 30.0
POLL_PAUSE_S = 0.005  # between captures: polling flat out kept a core busy on a 2-core machine
PRESSES = 2  # j and verdict presses per review session (one session per tree per run)
PICKER_LINE = re.compile(r"\b7 +Unproven +The evidence")  # the verdict picker's line for 7


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], check=True, capture_output=True, text=True).stdout


def screen() -> str:
    return tmux("capture-pane", "-p", "-t", "bench")


def wait_for(shown, what: str) -> float:
    """Poll the pane until `shown(text)` holds; the time it first held."""
    deadline = time.perf_counter() + POLL_TIMEOUT_S
    while True:
        text = screen()
        now = time.perf_counter()
        if shown(text):
            return now
        if now > deadline:
            raise TimeoutError(f"{what} did not show in {POLL_TIMEOUT_S:.0f} s; the screen was:\n{text}")
        time.sleep(POLL_PAUSE_S)


# the verdict measure rates the claim under the cursor again and again: auto-advance (on by default since
# the triage keys) would move on to the next claim, so the bench's own config folder turns it off
CONFIG = Path(tempfile.mkdtemp(prefix="screen-bench-config-"))
(CONFIG / "preferences.toml").write_text("auto_advance = false\n", encoding="utf-8")


def keys(*names: str) -> None:
    tmux("send-keys", "-t", "bench", *names)


class Session:
    """One workbench in a fresh tmux session of the given size."""

    def __init__(self, tree: Path, db: Path, size: tuple[int, int], *args: str):
        workbench = tree / ".venv" / "bin" / "workbench"
        command = " ".join([str(workbench), "--db", str(db), "--reviewer", "bench", *args])
        for attempt in range(5):  # the last session's server may still be exiting
            self.started = time.perf_counter()
            done = subprocess.run(
                ["tmux", "-L", SOCKET, "new-session", "-d", "-s", "bench", "-x", str(size[0]),
                 "-y", str(size[1]), "-c", str(tree),
                 f"env TERM=xterm-256color WORKBENCH_CONFIG_DIR={CONFIG} {command}"],
                capture_output=True, text=True)
            if done.returncode == 0:
                return
            time.sleep(0.2)
        raise RuntimeError(f"tmux did not start a session: {done.stderr.strip()}")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)
        while subprocess.run(["tmux", "-L", SOCKET, "has-session"], capture_output=True).returncode == 0:
            time.sleep(0.05)
        time.sleep(0.2)  # the workbench and its server gone before the next one starts


def library_shown(text: str) -> bool:
    return re.search(r"\b10,?000 articles\b", text) is not None and "story" in text


def launch(tree: Path, db: Path, size) -> float:
    session = Session(tree, db, size)
    try:
        return wait_for(library_shown, "the library") - session.started
    finally:
        session.close()


def claims_of(db: Path, article_id: int) -> list[tuple[int, str]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute('SELECT id, text FROM claims WHERE article_id = ? ORDER BY start, "end" DESC, id',
                            [article_id]).fetchall()
    finally:
        conn.close()


def verdict_of(db: Path, claim_id: int) -> str | None:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT verdict FROM claims WHERE id = ?", [claim_id]).fetchone()[0]
    finally:
        conn.close()


def detail_of(claim_id: int):
    return lambda text: re.search(rf"#{claim_id}\s+v\d", text) is not None


def review_steps(tree: Path, db: Path, size, runs: int) -> dict[str, list[float]]:
    """One session on the 300-claim article: `runs` j presses, then `runs` verdicts (alternating ratings,
    so every press changes the row; a kept database's old verdicts do not matter)."""
    claims = claims_of(db, BIG_ARTICLE)
    session = Session(tree, db, size, "review", str(BIG_ARTICLE))
    out: dict[str, list[float]] = {"j": [], "verdict": []}
    try:
        wait_for(detail_of(claims[0][0]), "the review screen")
        time.sleep(1.0)  # the first paint's stragglers (similar claims) are not j's cost
        for i in range(1, runs + 1):
            t = time.perf_counter()
            keys("j")
            out["j"].append(wait_for(detail_of(claims[i][0]), f"claim #{claims[i][0]} in the detail") - t)
            time.sleep(0.3)
        on, claim_text = claims[runs]  # the claim under the cursor after the j presses
        for i in range(runs):
            # a rating other than the one it has, so that the row changes (a kept database remembers)
            rating, label = ("7", "Unproven") if verdict_of(db, on) == "misleading" else ("4", "Misleading")
            # the claim's own row: its first words, then the rating on the same line within the list (no │
            # between: not the article text beside the detail pane; the toast puts the rating first).
            # Counting "Unproven │" cells went wrong when a toast covered another row rated so
            row = re.compile(rf"{re.escape(' '.join(claim_text.split())[:12])}[^│\n]*\b{label}\b")
            keys("v")
            # the picker's own line for 7: "Verdict" (the key bar, the detail) and "Unproven" (a row) were on
            # the screen before it, and the rating key went out before the picker was painted
            wait_for(lambda text: PICKER_LINE.search(text) is not None, "the verdict picker")
            t = time.perf_counter()
            keys(rating)
            shown = wait_for(lambda text: row.search(text) is not None, f"{label} in the row")
            out["verdict"].append(shown - t)
            while verdict_of(db, on) != label.lower():  # committed before the next press reads it
                time.sleep(0.05)
            time.sleep(0.3)
    finally:
        session.close()
    return out


def opens(tree: Path, db: Path, size, runs: int) -> list[float]:
    """From the library: filter to the 300-claim article, then time Enter → its first words shown."""
    conn = sqlite3.connect(db)
    body, headline = conn.execute("SELECT body, headline FROM articles WHERE id = ?",
                                  [BIG_ARTICLE]).fetchone()
    conn.close()
    first_words = body[:24]
    session = Session(tree, db, size)
    times = []
    try:
        wait_for(library_shown, "the library")
        time.sleep(1.0)  # keys sent at the first paint can arrive before the app reads them
        keys("C-f")
        time.sleep(0.3)
        keys("-l", headline)
        wait_for(lambda text: "1 article matching" in text, "the filtered library")
        keys("Enter")  # from the filter box to the list
        time.sleep(0.3)
        for _ in range(runs):
            t = time.perf_counter()
            keys("Enter")
            times.append(wait_for(lambda text: first_words in text, "the article text") - t)
            time.sleep(0.5)
            keys("q")
            wait_for(lambda text: first_words not in text and "1 article matching" in text,
                     "the library again")
            time.sleep(0.3)
    finally:
        session.close()
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, type=Path,
                    help="scale_bench.py --keep's database (10,000 articles)")
    ap.add_argument("--tree", action="append", type=Path,
                    help="a checkout with a `make install`ed .venv; several are timed in turn "
                         "(default: this one)")
    ap.add_argument("--runs", type=int, default=5,
                    help="times each measure is taken per tree (median reported)")
    ap.add_argument("--size", default="160x48", help="terminal size, COLSxROWS")
    ap.add_argument("--launch-only", action="store_true",
                    help="time only the launch (a run then takes a few seconds: give more runs)")
    a = ap.parse_args()
    trees = [t.resolve() for t in (a.tree or [Path(__file__).resolve().parents[1]])]
    for tree in trees:
        if not (tree / ".venv" / "bin" / "workbench").exists():
            ap.error(f"{tree} has no .venv/bin/workbench; run `make install` there first")
    if not a.db.exists():
        ap.error(f"{a.db} does not exist; build it with `python benchmarks/scale_bench.py --keep {a.db}`")
    size = tuple(int(n) for n in a.size.split("x"))
    figures = {str(t): {"launch": [], "verdict": [], "j": [], "open": []} for t in trees}
    loads = []
    for run in range(a.runs):  # tree after tree within each run: both see the same moment of the machine
        for tree in trees:
            got = figures[str(tree)]
            loads.append(os.getloadavg()[0])
            got["launch"].append(launch(tree, a.db, size))
            if a.launch_only:
                loads.append(os.getloadavg()[0])
                continue
            steps = review_steps(tree, a.db, size, PRESSES)
            got["j"] += steps["j"]
            got["verdict"] += steps["verdict"]
            got["open"] += opens(tree, a.db, size, 1)
            loads.append(os.getloadavg()[0])
    report = {"size": a.size, "runs": a.runs, "load_1min_min_max": [min(loads), max(loads)],
              "cpus": os.cpu_count()}
    for tree, got in figures.items():
        report[tree] = {f"{name}_ms_median": round(1000 * statistics.median(times), 1)
                        for name, times in got.items() if times}
        report[tree].update({f"{name}_ms_all": [round(1000 * t) for t in times]
                             for name, times in got.items() if times})
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
