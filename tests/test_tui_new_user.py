"""What a new user met (trial 4) at 80x24 and 160x48: titles cut at a dialog's edge, the export's Draft
checkbox off screen, a search hint naming a key that went elsewhere, headline-less articles that all looked
alike. Real database, real app via Pilot."""
from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Checkbox, Label

from workbench.factchecks.read import read_paths
from workbench.service import import_paths
from workbench.store import list_claims, open_db
from workbench.store.factchecks import import_factchecks
from workbench.tui.app import WorkbenchApp
from workbench.tui.checked_elsewhere import CheckedElsewhereList
from workbench.tui.row_list import RowList

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "narrow.db")
    import_factchecks(db, read_paths([str(ROOT / "sample_factchecks")]), "ann")
    list(import_paths(db, [str(ROOT / "sample_articles" / "wire-grocer-profits.txt")], "ann"))
    return db


def screen_text(app) -> str:
    """What the terminal shows, as plain text (the SVG keeps spaces as &#160;)."""
    return app.export_screenshot().replace("&#160;", " ")


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_checked_elsewhere_title_wraps_instead_of_losing_its_keys(db, size):
    claim = next(c for c in list_claims(db, 1) if c["text"] == "38%")
    app = WorkbenchApp(db, "ann", article_id=1, claim_id=claim["id"])
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, CheckedElsewhereList)
        title = app.screen.query_one("#dialog-title", Label)
        assert title.size.height >= 2  # one line was cut at the dialog's edge
        assert title.region.right <= app.screen.query_one("#dialog").region.right
        lines = title.render_lines(Region(0, 0, title.size.width, title.size.height))
        shown = " ".join(" ".join(strip.text for strip in lines).split())
        assert shown.endswith("attaches the check as a source; Esc closes"), shown


async def test_export_options_all_on_screen_at_80_columns(db):
    app = WorkbenchApp(db, "ann", article_id=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        width = app.screen.size.width
        for box in app.screen.query(Checkbox):
            assert box.region.right <= width, (box.label, box.region)  # Draft ended past column 80
        assert "Draft" in screen_text(app)
        await pilot.press("tab", "tab", "tab")  # format → All articles → Overwrite → Draft, in reading order
        assert app.focused.id == "export-draft"


async def test_export_options_stay_on_one_row_when_wide(db):
    app = WorkbenchApp(db, "ann", article_id=1)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        rows = {box.region.y for box in app.screen.query(Checkbox)}
        assert len(rows) == 1


async def test_down_from_the_search_query_moves_into_the_results(db):
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"halberd profit")
        for _ in range(50):
            await pilot.pause(0.05)
            if app.screen.results:
                break
        status = str(app.screen.query_one("#search-status", Label).render())
        assert "↓ moves into the list" in status  # it said Tab, which goes to the verdict filter
        await pilot.press("down")
        assert isinstance(app.focused, RowList)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewScreen"


async def test_library_and_review_name_an_article_without_headline_by_its_file(tmp_path):
    path = tmp_path / "council-notes.txt"
    path.write_text("the council said on Tuesday that 1,200 jobs were at risk after a 4% cut.\n", encoding="utf-8")
    db = open_db(tmp_path / "nohead.db")
    list(import_paths(db, [str(path)], "ann"))
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert "(no headline) council-notes.txt" in screen_text(app)  # three such rows looked the same
        await pilot.press("enter")
        await pilot.pause()
        assert "(no headline) council-notes.txt" in app.screen.sub_title


async def detail_once_similar_searched(app, pilot, screen) -> str:
    for _ in range(100):  # the similar claims are searched in a worker once the cursor rests
        await pilot.pause(0.05)
        shown = str(screen.query_one("#detail").content)
        if "Similar past claims" in shown:
            return shown
    raise AssertionError("no similar past claims shown: " + shown)


async def test_the_copy_hint_shows_only_when_a_similar_claim_has_a_verdict(tmp_path):
    db = open_db(tmp_path / "similar.db")
    follow_up = tmp_path / "grocer-follow-up.txt"  # a later story stating the same figure
    follow_up.write_text("Halberd shares slide\n\nShares in Halberd fell on Friday after the grocer said its "
                         "pre-tax profit fell 38% in the year to February.\n", encoding="utf-8")
    list(import_paths(db, [str(follow_up), str(ROOT / "sample_articles" / "wire-grocer-profits.txt")], "ann"))
    grocer = next(a["id"] for a in db.query("SELECT id FROM articles WHERE headline LIKE 'Supermarket%'"))
    claim = next(c for c in list_claims(db, grocer) if c["text"] == "38%")
    app = WorkbenchApp(db, "ann", article_id=grocer, claim_id=claim["id"])
    async with app.run_test(size=(160, 48)) as pilot:
        screen = app.screen
        shown = await detail_once_similar_searched(app, pilot, screen)
        # nothing reviewed yet: "c copies the first verdict" promised what c then refused
        assert "(none reviewed yet)" in shown and "c copies" not in shown
    past = screen.similar[claim["id"]][0]
    from workbench.store import set_verdict
    set_verdict(db, past["id"], "true", "bob")
    app = WorkbenchApp(db, "ann", article_id=grocer, claim_id=claim["id"])
    async with app.run_test(size=(160, 48)) as pilot:
        shown = await detail_once_similar_searched(app, pilot, app.screen)
        assert "c copies the first verdict and its sources" in shown


async def test_a_without_selecting_adds_no_copy_of_the_claim_on_show(db):
    """The text shows the selected claim's span selected; a pressed without selecting anything added that
    claim again as a hand-added copy ("Claim added: 412")."""
    claim = next(c for c in list_claims(db, 1) if c["text"] == "£412m")
    app = WorkbenchApp(db, "ann", article_id=1, claim_id=claim["id"])
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause(0.3)
        before = len(list_claims(db, 1))
        await pilot.press("a")
        await pilot.pause()
        assert len(list_claims(db, 1)) == before
        notes = [str(n.message) for n in app._notifications]
        assert notes and "already claim #" in notes[-1] and "£412m" in notes[-1]
