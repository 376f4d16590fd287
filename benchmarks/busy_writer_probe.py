"""Does another process writing the same database freeze the TUI? Two real processes, timed on the screen.

    python benchmarks/busy_writer_probe.py --db COPY_OF_SCALE_DB [--hold 3.0] [--presses 3]

The workbench runs in tmux on scale_bench.py's 300-claim article (as screen_bench.py does). A second
process then takes the database's write lock (BEGIN IMMEDIATE, as `workbench import` does for each
article) and holds it for --hold seconds, as a long import transaction would. Meanwhile the bench presses
v and a rating, then j 0.2 s later, and times each to the screen (j from its own key): a rating is written
on the UI thread, so if the write waits for the lock, j (a read) waits with it. Then the same with `workbench import` of a folder of
articles running beside the TUI, the trial's case. Prints the times with and without the writer.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import screen_bench as sb  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def hold_lock(db: Path, seconds: float) -> subprocess.Popen:
    code = ("import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
            "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(float(sys.argv[2])); "
            "c.execute('COMMIT')")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def import_folder(db: Path, copies: int) -> tuple[subprocess.Popen, Path]:
    """`workbench import` of `copies` distinct articles (the samples, each made unique), in a process."""
    folder = Path(tempfile.mkdtemp(prefix="busy-probe-"))
    samples = sorted((ROOT / "sample_articles").glob("*.txt"))
    for i in range(copies):
        src = samples[i % len(samples)]
        # (bytes: a sample in another encoding stays as it is; the line added makes each copy new)
        (folder / f"{i:04d}-{src.name}").write_bytes(src.read_bytes() + f"\n\nCopy {i}.\n".encode())
    workbench = ROOT / ".venv" / "bin" / "workbench"
    proc = subprocess.Popen([str(workbench), "--db", str(db), "--reviewer", "importer", "import", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return proc, folder


def presses(db: Path, claims, session_rows: int, n: int, during=None) -> dict[str, list[float]]:
    """n rounds of: v + rating → the row shows it; j → the detail shows the next claim. `during` (a
    callable) is started before each round and returns something to wait on or clean up."""
    out = {"verdict": [], "j": []}
    cursor = session_rows
    for _ in range(n):
        on, claim_text = claims[cursor]
        rating, label = ("7", "Unproven") if sb.verdict_of(db, on) == "misleading" else ("4", "Misleading")
        row = re.compile(rf"{re.escape(' '.join(claim_text.split())[:12])}[^│\n]*\b{label}\b")
        sb.keys("v")
        sb.wait_for(lambda text: sb.PICKER_LINE.search(text) is not None, "the verdict picker")
        other = during() if during else None
        t = time.perf_counter()
        sb.keys(rating)
        time.sleep(0.2)  # j typed 0.2 s after the rating: a read, which waits only if the UI thread does
        j = time.perf_counter()
        sb.keys("j")
        cursor += 1
        # the rating in its row, or (the TUI since branch launch5) the notice that another program writes
        shown = sb.wait_for(lambda text: row.search(text) is not None or "another program is writing" in text,
                            f"{label} in the row, or the notice")
        out["verdict"].append(shown - t)
        out.setdefault("saved", []).append(sb.verdict_of(db, on) == label.lower())
        out["j"].append(sb.wait_for(sb.detail_of(claims[cursor][0]), "the next claim's detail") - j)
        if other is not None:
            other.wait()
        time.sleep(0.5)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, type=Path, help="a copy of scale_bench.py's database (written to)")
    ap.add_argument("--hold", type=float, default=3.0, help="seconds the other process holds the write lock")
    ap.add_argument("--presses", type=int, default=3)
    ap.add_argument("--copies", type=int, default=60, help="articles `workbench import` stores meanwhile")
    a = ap.parse_args()
    config = Path(tempfile.mkdtemp(prefix="busy-probe-config-"))
    (config / "preferences.toml").write_text("auto_advance = false\n", encoding="utf-8")
    sb.CONFIG = config
    claims = sb.claims_of(a.db, sb.BIG_ARTICLE)
    session = sb.Session(ROOT, a.db, (160, 48), "review", str(sb.BIG_ARTICLE))
    report: dict = {"hold_s": a.hold, "load_1min": os.getloadavg()[0]}
    try:
        sb.wait_for(sb.detail_of(claims[0][0]), "the review screen")
        time.sleep(2.0)  # the warm-up and the integrity check done
        report["alone"] = presses(a.db, claims, 0, a.presses)
        report["lock_held"] = presses(a.db, claims, a.presses, a.presses, lambda: hold_lock(a.db, a.hold))
        proc, folder = import_folder(a.db, a.copies)
        time.sleep(1.0)  # the import under way
        report["import_running"] = presses(a.db, claims, 2 * a.presses, a.presses)
        report["import_still_running_after"] = proc.poll() is None
        proc.wait()
        shutil.rmtree(folder, ignore_errors=True)
        report["screen_after"] = [line for line in sb.screen().splitlines() if "busy" in line.lower()][:3]
    finally:
        session.close()
    for name in ("alone", "lock_held", "import_running"):
        report[name] = {k: [t if isinstance(t, bool) else round(1000 * t) for t in v]
                        for k, v in report[name].items()}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
