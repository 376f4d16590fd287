"""Another process holding the database's write lock (a long import) does not freeze the TUI: a verdict
waits for it briefly, then says so and writes nothing; pressed again once the lock is free, it is saved.
Two real processes: the app under Pilot here, and a second Python holding BEGIN IMMEDIATE on the same file."""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from workbench.service import import_paths
from workbench.store import get_claim, open_db, set_verdict
from workbench.tui.app import WorkbenchApp
from workbench.tui.review import ReviewScreen

SEED = Path(__file__).resolve().parents[1] / "sample_articles" / "syria-homs-2015-11-24.txt"
HOLDER = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
          "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); sys.stdin.read(); c.execute('ROLLBACK')")


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "busy.db"
    db = open_db(path)
    list(import_paths(db, [str(SEED)], "ann"))
    db.conn.close()
    return path


def hold_write_lock(path: Path) -> subprocess.Popen:
    """A second process that holds the write lock until its stdin is closed."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_verdict_while_another_process_writes_says_so_and_the_screen_goes_on(db_path):
    db = open_db(db_path)
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        await app.workers.wait_for_complete()
        claim = screen.current()
        holder = hold_write_lock(db_path)
        try:
            await pilot.press("v", "4")
            await pilot.pause()
            # the press came back while the other process still holds the lock: the UI did not wait for it
            assert holder.poll() is None
            assert any("another program is writing" in n for n in notices(app))
            assert get_claim(db, claim["id"])["verdict"] is None  # nothing written
            await pilot.press("j")  # the screen still takes keys
            await pilot.pause()
            assert screen.current()["id"] != claim["id"]
        finally:
            holder.communicate("", timeout=10)  # releases the lock
        await pilot.press("k", "v", "4")
        await pilot.pause()
        assert get_claim(db, claim["id"])["verdict"] == "misleading"  # the same key once the lock is free


def test_outside_the_tui_a_write_still_waits_for_the_lock_to_be_released(db_path):
    """The CLI and the TUI's workers keep the busy timeout and retries: a write begun while another process
    holds the lock (released a second later, longer than the UI thread would wait) is made once it is."""
    db = open_db(db_path)
    claim_id = db.conn.execute("SELECT id FROM claims ORDER BY id LIMIT 1").fetchone()[0]
    holder = hold_write_lock(db_path)
    outcome: list = []
    writer = threading.Thread(target=lambda: outcome.append(set_verdict(db, claim_id, "false", "ann")))
    writer.start()
    time.sleep(1.0)  # (sequencing, not a measure: the write is under way while the lock is held)
    assert holder.poll() is None
    holder.communicate("", timeout=10)
    writer.join(timeout=30)
    assert outcome and get_claim(db, claim_id)["verdict"] == "false"
