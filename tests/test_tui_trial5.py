"""What a new user met (trial 5): a "[/foo]" typed into the source form's URL closed the workbench, and
toasts naming a claim showed its markup-looking text as styles. Real database, real app via Pilot."""
from __future__ import annotations

import pytest

from workbench.service import import_paths
from workbench.store import list_claims, open_db
from workbench.tui.app import WorkbenchApp
from workbench.tui.modals import SourceForm
from textual.widgets import Input
from textual.widgets._toast import Toast


def screen_text(app) -> str:
    """What the terminal shows, as plain text (the SVG keeps spaces as &#160;)."""
    return app.export_screenshot().replace("&#160;", " ")


@pytest.fixture
def hostile(tmp_path):
    """An article whose quote reads like Rich markup, one tag of it unbalanced."""
    path = tmp_path / "markup-quote.txt"
    path.write_text('Harbour board cuts fees\n\n"Fees fall [red]12%[/red] and [/foo] stays," said '
                    'chair Tom Reeve on Tuesday.\n', encoding="utf-8")
    db = open_db(tmp_path / "hostile.db")
    list(import_paths(db, [str(path)], "ann"))
    return db


async def test_a_url_with_a_closing_tag_is_refused_in_a_toast_not_a_crash(hostile):
    claim = next(c for c in list_claims(hostile, 1) if c["kind"] == "quote")
    app = WorkbenchApp(hostile, "ann", article_id=1, claim_id=claim["id"])
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SourceForm)
        await pilot.press(*"notaurl [/foo]")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SourceForm)  # still open, with what was typed
        assert "[/foo]" in screen_text(app)


async def test_an_export_into_a_folder_named_like_a_tag_says_where_it_wrote(hostile, tmp_path):
    folder = tmp_path / "[red]checks"
    folder.mkdir()
    app = WorkbenchApp(hostile, "ann", article_id=1)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(folder / "report.md")
        await pilot.press("ctrl+s")
        for _ in range(50):
            await pilot.pause(0.05)
            if (folder / "report.md").exists() and any(n.message.startswith("Wrote") for n in app._notifications):
                break
        await pilot.pause()
        assert f"Wrote {folder / 'report.md'}" in [n.message for n in app._notifications]
        painted = [toast.render().plain for toast in app.screen.query(Toast)]
        assert any(f"Wrote {folder / 'report.md'}" in text for text in painted), painted  # "[red]" was eaten


def test_a_multiple_reads_as_its_factor_once():
    from workbench.tui.text import value_summary

    assert value_summary({"number": 2, "factor": 2}) == "×2"  # "twice as many" read "2 ×2"
    assert value_summary({"number": 0.5, "factor": 0.5, "approx": True}) == "≈ ×0.5"
    assert value_summary({"number": 3}) == "3"


async def test_the_filter_box_names_the_key_that_reaches_it(tmp_path):
    """It said "Type to filter" while the list had the focus: typing "waiting" opened the import at its i."""
    from pathlib import Path

    from workbench.tui.import_screen import ImportScreen
    from workbench.tui.row_list import RowList

    samples = Path(__file__).resolve().parents[1] / "sample_articles"
    db = open_db(tmp_path / "library.db")
    list(import_paths(db, [str(samples / n) for n in ("wire-waiting-lists-quotes.txt", "wire-grocer-profits.txt")],
                      "ann"))
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#filter", Input)
        key = box.placeholder.split(",")[0]
        assert key == "ctrl+f", box.placeholder
        await pilot.press(key, *"waiting")
        for _ in range(40):
            await pilot.pause(0.05)
            if app.screen.query_one("#articles", RowList).row_count == 1:
                break
        assert not isinstance(app.screen, ImportScreen)
        assert box.value == "waiting" and app.screen.query_one("#articles", RowList).row_count == 1


async def test_a_pass_keeps_one_routine_toast_and_the_warning_at_the_end(tmp_path):
    """Five verdicts in a row stacked five toasts over the detail pane; the last claim's warning stays."""
    from pathlib import Path

    from workbench.store import list_claims as claims_of
    from workbench.tui.review import ReviewScreen

    samples = Path(__file__).resolve().parents[1] / "sample_articles"
    db = open_db(tmp_path / "pass.db")
    list(import_paths(db, [str(samples / "ministers-quotes-rail-strike.txt")], "ann"))
    every = claims_of(db, 1)
    app = WorkbenchApp(db, "ann", article_id=1, claim_id=every[-6]["id"])
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        for _ in range(6):  # the last six claims in article order: the sixth verdict is on the last one
            await pilot.press("v", "1")
            await pilot.pause(0.1)
        await pilot.pause(0.1)
        shown = [(n.severity, n.message) for n in app._notifications]
        assert [m for s, m in shown if s == "information"] == [f"True: {every[-1]['text'][:40]}"], shown
        assert any(s == "warning" and m.startswith("That was the last claim listed") for s, m in shown), shown
        assert len(app.screen.query(Toast)) == 2
    assert sum(c["verdict"] == "true" for c in claims_of(db, 1)) == 6


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_the_source_form_names_its_claim_and_keeps_save_on_screen(hostile, size):
    """"Add a source" did not say for which claim, where the note editor says "Note on 12%"."""
    claim = next(c for c in list_claims(hostile, 1) if c["kind"] == "quote")
    app = WorkbenchApp(hostile, "ann", article_id=1, claim_id=claim["id"])
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SourceForm)
        title = str(app.screen.query_one("#dialog-title").render())
        assert title.startswith(f"Source for “{claim['text'][:40]}” — ctrl+s saves"), title  # "[red]" kept
        save = app.screen.query_one("#src-save")
        assert save.region.bottom <= size[1]


async def test_a_claimreview_refusal_in_the_tui_points_at_the_draft_box(tmp_path):
    """It told the TUI reviewer to "pass --review-url (or --draft …)", flags of the command line."""
    from textual.widgets import Select

    from workbench.store import set_verdict

    path = tmp_path / "jobs.txt"
    path.write_text("Jobs fall\n\nThe agency said 1,200 jobs went in March.\n", encoding="utf-8")
    db = open_db(tmp_path / "cr.db")
    list(import_paths(db, [str(path)], "ann"))
    claim = list_claims(db, 1)[0]
    set_verdict(db, claim["id"], "true", "ann")
    target = tmp_path / "reviews.jsonld"
    app = WorkbenchApp(db, "ann", article_id=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one("#export-format", Select).value = "claimreview"
        await app.workers.wait_for_complete()
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        [said] = [n.message for n in app._notifications if n.severity == "error"]
        assert f"claim {claim['id']}" in said and "tick Draft" in said and "--" not in said, said
        assert not target.exists()


async def test_esc_closes_the_keys_and_stays_in_the_article(hostile):
    """? then Esc, as a new user closes a panel, went back to the library."""
    from workbench.tui.review import ReviewScreen

    app = WorkbenchApp(hostile, "ann", article_id=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert review.query("KeyPanel")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is review and not review.query("KeyPanel")
        await pilot.press("escape")  # with the keys closed, Esc is back again
        await pilot.pause()
        assert not isinstance(app.screen, ReviewScreen)


async def test_the_import_dialog_counts_the_claims_seen_before(tmp_path):
    from textual.widgets import Label

    from workbench.store import set_verdict

    first = tmp_path / "first.txt"
    first.write_text("Harbour fees rise\n\nThe harbour board said fees would rise 20% from April to pay for "
                     "£3 million of dredging.\n", encoding="utf-8")
    db = open_db(tmp_path / "seen.db")
    list(import_paths(db, [str(first)], "ann"))
    for claim in list_claims(db, 1):
        set_verdict(db, claim["id"], "true", "ann")
    again = tmp_path / "again.txt"
    again.write_text("Port charges to climb\n\nHarbour fees will rise by 20 per cent from April, the board said, "
                     "to fund £3m of dredging.\n", encoding="utf-8")
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one(Input).value = str(again)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#import-status", Label).render())
        assert status.startswith("1 added, 0 already present, 0 failed; ") and "seen before" in status, status


async def test_a_claim_seen_before_shows_that_verdict_and_c_copies_it(tmp_path):
    """The import linked "14 per cent" to "14%" [Unproven], but a copy of the new story outranked it in
    the detail's live search, which then said "none reviewed yet" and c had nothing to copy."""
    from workbench.store import get_claim, set_verdict
    from workbench.tui.review import ReviewScreen

    first = tmp_path / "first.txt"
    first.write_text('Rail talks collapse\n\nSaid union leader Gareth Lloyd, "Inflation has eaten 14% of our '
                     'members\' wages since 2021."\n', encoding="utf-8")
    db = open_db(tmp_path / "seen.db")
    list(import_paths(db, [str(first)], "ann"))
    past = next(c for c in list_claims(db, 1) if c["text"] == "14%")
    set_verdict(db, past["id"], "unproven", "ann")
    story = "Union leader Gareth Lloyd repeated that inflation had eaten 14 per cent of members' pay since 2021.\n"
    for name, extra in (("again.txt", ""), ("copy.txt", "Talks resume on Monday.\n")):
        (tmp_path / name).write_text(f"Rail walkouts to resume\n\n{story}{extra}", encoding="utf-8")
        list(import_paths(db, [str(tmp_path / name)], "ann"))
    claim = next(c for c in list_claims(db, 2) if c["text"] == "14 per cent")
    app = WorkbenchApp(db, "bob", article_id=2, claim_id=claim["id"])
    async with app.run_test(size=(160, 48)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        for _ in range(100):
            await pilot.pause(0.05)
            shown = str(screen.query_one("#detail").content)
            if "Similar past claims" in shown:
                break
        assert "c copies the first verdict" in shown and "[Unproven] 14%" in shown, shown
        await pilot.press("c")
        await pilot.pause()
    assert get_claim(db, claim["id"])["verdict"] == "unproven"


async def test_the_next_article_opens_in_the_order_last_chosen(tmp_path):
    """A pass in check-worthiness order across articles began every article with o again."""
    from pathlib import Path

    from workbench.tui.review import ReviewScreen

    samples = Path(__file__).resolve().parents[1] / "sample_articles"
    db = open_db(tmp_path / "order.db")
    list(import_paths(db, [str(samples / n) for n in ("wire-waiting-lists-quotes.txt", "wire-grocer-profits.txt")],
                      "ann"))
    app = WorkbenchApp(db, "ann", article_id=1)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("o")  # article order → check-worthiness
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        app.open_article(2)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.article_id == 2
        assert "by check-worthiness" in screen.sub_title
        scores = [c["checkworthiness"] for c in screen.claims]
        assert scores == sorted(scores, reverse=True) and screen.current()["id"] == screen.claims[0]["id"]


async def test_the_html_preview_starts_at_the_report_not_its_stylesheet(hostile):
    from textual.widgets import TextArea

    app = WorkbenchApp(hostile, "ann", article_id=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")  # HTML is the format offered first
        await app.workers.wait_for_complete()
        await pilot.pause()
        preview = app.screen.query_one("#export-preview", TextArea)
        first = preview.text.splitlines()[:preview.size.height]
        assert first[0] == "<body>", first
        assert any("Harbour board cuts fees" in line for line in first), first  # the headline, on screen
