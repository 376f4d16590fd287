"""In-process latency of the review pass (issue 17): the real app under Pilot (App.run_test, 160x48) on
scale_bench.py's database, each figure taken from the key to the end of the first frame that shows what
the key does (App._display), in wall clock and in this process's CPU time.

    python benchmarks/latency_bench.py --db scale.db [--tree OTHER_CHECKOUT ...] [--runs 5] [--presses 5]

screen_bench.py times the same steps to a real terminal (tmux); on a shared machine its wall clock moves
with the load more than with most changes. CPU time counts the work (the app's, its worker threads' and
Pilot's) rather than the waiting, so it is the figure to compare trees by. Each run starts one fresh
interpreter per tree (trees in turn, so that they see the same moment of the machine):

  launch   interpreter started (before any import) → the frame with the library's rows
  open     app.open_article(5000) from the library → the frame with the article's text
  j        j → the frame whose detail pane shows the next claim
  verdict  the rating key in the open picker → the frame that repaints the claim's row

The database is opened read-write (verdicts are written: use a copy). Auto-advance is turned off in a
config folder of the bench's own, so that every verdict rates the claim under the cursor.

--as-terminal: headless Textual skips turning each frame into the escape codes a terminal is sent; with
this flag every frame is rendered so (the work is then in the figures, as in a real terminal), toasts are
on, and the bytes written after each verdict key are counted: `verdict_first_kb`, the frame that shows
the row; `verdict_kb`, every frame in the 0.3 s after it (list, detail, toast). Bytes do not depend on
the machine's load: on a shared machine they are the figure to compare the verdict's repaint by.
"""
from __future__ import annotations

import time

STARTED = time.perf_counter(), time.process_time()  # before any import: the launch figure starts here

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

BIG_ARTICLE = 5000  # scale_bench.py's 300-claim article


def measure(db_path: str, presses: int, as_terminal: bool = False) -> dict:
    """One launch and one review session in this interpreter; run by the tree's own Python."""
    import asyncio

    from textual._compositor import CompositorUpdate
    from textual.app import App

    from workbench import cli  # noqa: F401  (the command's own imports, as `workbench` pays them)
    from workbench.store import open_db
    from workbench.tui import row_list, text_pane
    from workbench.tui.app import WorkbenchApp

    # "want": a predicate over what was painted since the key; "at": (wall, cpu) of the frame it held in
    frame: dict = {}
    painted: set[str] = set()
    list_render, pane_render = row_list.RowList.render_line, text_pane.TextPane.render_line

    def list_line(self, y):
        if y > 0 and self.row_count:
            painted.add(f"{self.id}:rows")
            if self.id == "claims" and frame.get("row") is not None and y in self.screen_lines(frame["row"]):
                painted.add("claims:row")
        return list_render(self, y)

    def pane_line(self, y):
        painted.add("detail:" + self.content.plain[:60])
        return pane_render(self, y)

    display = App._display
    written: list[int] = []  # bytes of each frame since the last expect() (--as-terminal)

    def _display(self, screen, renderable):
        done = display(self, screen, renderable)
        if as_terminal and isinstance(renderable, CompositorUpdate):
            written.append(len(renderable.render_segments(self.console).encode()))
        if "want" in frame and "at" not in frame and frame["want"]():
            frame["at"] = time.perf_counter(), time.process_time()
            frame["kb_at"] = sum(written) / 1000  # (Pilot's press returns later, after the frames that follow)
        return done

    row_list.RowList.render_line, text_pane.TextPane.render_line = list_line, pane_line
    App._display = _display

    def expect(predicate) -> tuple[float, float]:
        painted.clear()
        written.clear()
        frame.clear()
        frame["want"] = predicate
        return time.perf_counter(), time.process_time()

    async def until_painted(start: tuple[float, float]) -> tuple[float, float]:
        while "at" not in frame:
            await asyncio.sleep(0.0005)
        (wall, cpu), frame["want"] = frame["at"], None
        return 1000 * (wall - start[0]), 1000 * (cpu - start[1])

    async def session() -> dict:
        out: dict = {"j": [], "j_cpu": [], "verdict": [], "verdict_cpu": []}
        if as_terminal:
            out.update(verdict_first_kb=[], verdict_kb=[])
        app = WorkbenchApp(open_db(db_path), "bench")
        frame["want"] = lambda: "articles:rows" in painted
        async with app.run_test(size=(160, 48), notifications=as_terminal) as pilot:
            out["launch"], out["launch_cpu"] = await until_painted(STARTED)
            await app.workers.wait_for_complete()
            await pilot.pause()
            await asyncio.sleep(0.5)
            start = expect(lambda: any(p.startswith("detail:") for p in painted))
            app.open_article(BIG_ARTICLE)
            out["open"], out["open_cpu"] = await until_painted(start)
            await app.workers.wait_for_complete()
            await pilot.pause()
            await asyncio.sleep(1.0)  # the first paint's stragglers are not j's cost
            screen, claims = app.screen, app.screen.query_one("#claims")
            for _ in range(presses):
                following = screen.claims[claims.cursor_row + 1]
                start = expect(lambda: any(p.startswith(f"detail:{following['kind']}  #{following['id']} ")
                                           for p in painted))
                await pilot.press("j")
                wall, cpu = await until_painted(start)
                out["j"].append(wall)
                out["j_cpu"].append(cpu)
                await app.workers.wait_for_complete()
                await asyncio.sleep(0.3)
            for _ in range(presses):
                await pilot.press("v")
                await pilot.pause()
                await asyncio.sleep(0.3)
                rating = "7" if screen.current()["verdict"] == "misleading" else "4"
                start = expect(lambda: "claims:row" in painted)
                frame["row"] = claims.cursor_row
                await pilot.press(rating)
                wall, cpu = await until_painted(start)
                out["verdict"].append(wall)
                out["verdict_cpu"].append(cpu)
                first_kb = frame["kb_at"]  # the frames up to the one with the row (one, as a rule)
                await app.workers.wait_for_complete()
                await asyncio.sleep(0.3)
                if as_terminal:
                    out["verdict_first_kb"].append(first_kb)
                    out["verdict_kb"].append(sum(written) / 1000)
        return out

    return asyncio.run(session())


def run_tree(tree: Path, db: str, presses: int, config: str, as_terminal: bool) -> dict:
    python = tree / ".venv" / "bin" / "python"
    env = {**os.environ, "WORKBENCH_CONFIG_DIR": config, "PYTHONPATH": str(tree)}
    flags = ["--as-terminal"] if as_terminal else []
    done = subprocess.run([str(python), __file__, "--measure", "--db", db, "--presses", str(presses), *flags],
                          cwd=tree, env=env, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{tree}: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True,
                    help="scale_bench.py --keep's database (a copy: verdicts are written)")
    ap.add_argument("--tree", action="append", type=Path,
                    help="a checkout with a `make install`ed .venv (default: this one); several alternate")
    ap.add_argument("--runs", type=int, default=5, help="fresh interpreters per tree")
    ap.add_argument("--presses", type=int, default=5, help="j and verdict presses per run")
    ap.add_argument("--as-terminal", action="store_true",
                    help="render frames to escape codes as a terminal gets them; count a verdict's bytes")
    ap.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)  # one run, in the tree's Python
    a = ap.parse_args()
    if a.measure:
        print(json.dumps(measure(a.db, a.presses, a.as_terminal)))
        return
    trees = [t.resolve() for t in (a.tree or [Path(__file__).resolve().parents[1]])]
    config = tempfile.mkdtemp(prefix="latency-bench-config-")
    Path(config, "preferences.toml").write_text("auto_advance = false\n", encoding="utf-8")
    got: dict = {str(t): {} for t in trees}
    loads = []
    for _ in range(a.runs):
        for tree in trees:
            loads.append(os.getloadavg()[0])
            for name, value in run_tree(tree, a.db, a.presses, config, a.as_terminal).items():
                got[str(tree)].setdefault(name, []).extend(value if isinstance(value, list) else [value])
    report: dict = {"runs": a.runs, "presses": a.presses, "as_terminal": a.as_terminal,
                    "load_1min_min_max": [min(loads), max(loads)]}
    for tree, figures in got.items():
        # median, min, max (ms)
        report[tree] = {name: [round(statistics.median(v), 1), round(min(v), 1), round(max(v), 1)]
                        for name, v in sorted(figures.items())}
    print(json.dumps(report, indent=1).replace("\n   ", " ").replace("\n  ]", " ]"))


if __name__ == "__main__":
    sys.exit(main())
