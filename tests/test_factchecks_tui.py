"""The "Checked elsewhere" panel of the review screen and its list (w), driven by Pilot on a real database."""
from __future__ import annotations

from pathlib import Path


from workbench.factchecks.read import read_paths
from workbench.service import import_paths
from workbench.store import list_claims, list_sources, open_db
from workbench.store.factchecks import import_factchecks
from workbench.tui.app import WorkbenchApp
from workbench.tui.checked_elsewhere import CheckedElsewhereList
from workbench.tui.review import ReviewScreen

ROOT = Path(__file__).resolve().parents[1]
SIZE = (160, 48)


async def _open_rate(tmp_path):
    db = open_db(tmp_path / "tui.db")
    import_factchecks(db, read_paths([str(ROOT / "sample_factchecks")]), "ann")
    list(import_paths(db, [str(ROOT / "sample_articles" / "wire-jobless-rate-ranks.txt")], "ann"))
    return db


async def test_detail_shows_checked_elsewhere_and_the_other_figure(tmp_path):
    db = await _open_rate(tmp_path)
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        index = next(i for i, c in enumerate(screen.claims) if c["text"] == "6.1%")
        screen.query_one("#claims").move_cursor(row=index)
        await pilot.pause()
        shown = str(screen.query_one("#detail").content)
        assert "Checked elsewhere (1" in shown and "Vale Verify" in shown and "Mostly true (4 on 1–5)" in shown
        assert "2024-10-17" in shown and "6.1 per cent in September" in shown
        assert "Not checked elsewhere" in shown and "the check is of 7 per cent" in shown


async def test_w_lists_the_checks_and_r_attaches_one_as_a_refuting_source(tmp_path):
    db = await _open_rate(tmp_path)
    claim = next(c for c in list_claims(db, 1) if c["text"] == "6.1%")
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        index = next(i for i, c in enumerate(screen.claims) if c["id"] == claim["id"])
        screen.query_one("#claims").move_cursor(row=index)
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, CheckedElsewhereList)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        sources = list_sources(db, claim["id"])
        assert [(s["url"], s["stance"]) for s in sources] == [
            ("https://valeverify.example/2024/10/jobless-rate-lowest-since-2009", "refutes")]
        assert "Mostly true" in sources[0]["excerpt"]
        assert "✓ attached" in str(screen.query_one("#detail").content)


async def test_w_on_a_claim_nobody_checked_says_so(tmp_path):
    db = await _open_rate(tmp_path)
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        index = next(i for i, c in enumerate(screen.claims) if c["text"] == "4.2%")
        screen.query_one("#claims").move_cursor(row=index)
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_library_row_counts_claims_checked_elsewhere(tmp_path):
    from workbench.store import list_articles
    from workbench.tui.library import ARTICLE_COLUMNS, article_row

    db = await _open_rate(tmp_path)
    row = list_articles(db)[0]
    cells = dict(zip([c.label for c in ARTICLE_COLUMNS], article_row(row)[1]))
    matched = db.execute("SELECT COUNT(DISTINCT claim_id) FROM factcheck_matches WHERE differs IS NULL").fetchone()[0]
    assert matched > 0 and cells["elsewhere"].plain == str(matched)
