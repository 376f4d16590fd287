"""An article piped in (`workbench import -`) is named "[stdin]" where a file's name would be: it was stored
with "-" as its origin, so the import's line ended "[-]", and with no headline the library, the review screen
and the reports said "(no headline)" with nothing to tell it apart. Real CLI in a subprocess, real database,
real app via Pilot."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from workbench.store import open_db
from workbench.tui.app import WorkbenchApp

WORKBENCH = Path(sys.executable).with_name("workbench")
PASTE = ("the council said on Tuesday that 1,200 jobs were at risk after a 4% cut to its budget, and that\n"
         "the cut would save £12m a year.\n")


def run(db: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "WORKBENCH_REVIEWER": "ann"}
    env.pop("WORKBENCH_DB", None)
    done = subprocess.run([str(WORKBENCH), "--db", str(db), *args], input=stdin, capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return done


async def test_an_article_from_stdin_is_named_stdin_in_cli_reports_and_tui(tmp_path):
    db_path = tmp_path / "wb.db"
    line = run(db_path, "import", "-", stdin=PASTE).stdout
    assert line.rstrip().endswith("[stdin]") and "[-]" not in line
    assert run(db_path, "articles").stdout.rstrip().endswith("(no headline) [stdin]")
    assert run(db_path, "claims", "1").stdout.startswith("#1 (no headline) [stdin]\n")
    md = run(db_path, "export", "1", "--format", "md").stdout
    assert "## \\(no headline\\) \\[stdin\\]\n" in md
    html = run(db_path, "export", "1", "--format", "html").stdout
    assert "<h2>(no headline) [stdin]</h2>" in html
    article = json.loads(run(db_path, "export", "1", "--format", "json").stdout)["articles"][0]
    assert article["origin"] == "[stdin]"

    db = open_db(db_path)
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert "(no headline) [stdin]" in app.export_screenshot().replace("&#160;", " ")
        await pilot.press("enter")
        await pilot.pause()
        assert "(no headline) [stdin]" in app.screen.sub_title
