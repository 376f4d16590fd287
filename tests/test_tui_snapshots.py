"""SVG snapshots of the library, review and search screens on the seed article."""
from __future__ import annotations

from pathlib import Path

import pytest

from workbench.service import import_paths
from workbench.store import open_db
from workbench.tui.app import WorkbenchApp

SEED = Path(__file__).resolve().parents[1] / "sample_articles" / "syria-homs-2015-11-24.txt"
SIZE = (160, 48)


@pytest.fixture
def app(tmp_path):
    db = open_db(tmp_path / "snap.db")
    list(import_paths(db, [str(SEED)], "ann"))
    return WorkbenchApp(db, "ann")


def test_library_snapshot(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE)


def test_review_snapshot(app, snap_compare):
    async def settle(pilot):
        await app.workers.wait_for_complete()  # the library has its rows before Enter picks one
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_search_snapshot(app, snap_compare):
    async def search(pilot):
        await pilot.press("/")
        await pilot.press(*"Cameron statement parliament")
        screen = app.screen
        while screen.shown != screen.wanted:  # until the results of the whole query are listed
            await app.workers.wait_for_complete()
            await pilot.pause()
    assert snap_compare(app, terminal_size=SIZE, run_before=search)
