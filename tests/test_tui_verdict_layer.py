"""The verdict picker as a layer of the review screen (issue 17): digits rate, Enter picks, Esc cancels,
the screen's keys wait while it is open, the focus never leaves the pane it was in, and closing it
repaints its own region and the row rather than the whole screen. Pilot on the real app over a real
database."""
from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import OptionList
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.scrollbar import ScrollBar

from workbench.service import import_paths
from workbench.store import add_manual_claim, claim_history, get_article, get_claim, open_db, set_rating
from workbench.tui import painted_view
from workbench.tui.app import WorkbenchApp
from workbench.tui.article_view import ArticleView
from workbench.tui.review import ReviewScreen
from workbench.tui.verdict_layer import VerdictLayer

SEED = Path(__file__).resolve().parents[1] / "sample_articles" / "syria-homs-2015-11-24.txt"


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "layer.db")
    list(import_paths(db, [str(SEED)], "ann"))
    return db


async def open_review(app, pilot, row: int = 2) -> ReviewScreen:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    screen.query_one("#claims").move_cursor(row=row)
    await pilot.pause()
    return screen


def painted_row(screen, row: int) -> list[str]:
    table = screen.query_one("#claims")
    return [table.render_line(y).text for y in table.screen_lines(row)]


def cursor_row(screen: ReviewScreen) -> int:
    return screen.query_one("#claims").cursor_row


async def test_a_digit_rates_closes_the_picker_and_moves_on_with_the_focus_on_the_list(db):
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_review(app, pilot)
        judged = screen.current()
        await pilot.press("v")
        await pilot.pause()
        picker = screen.query_one(VerdictLayer)
        assert picker.is_open and app.screen is screen  # no screen pushed
        assert app.focused is screen.query_one("#claims")  # a focus move repaints both widgets: none
        await pilot.press("3")
        await pilot.pause()
        assert not picker.is_open and app.focused is screen.query_one("#claims")
        assert get_claim(db, judged["id"])["verdict"] == "half-true"
        assert cursor_row(screen) == 3  # auto-advance: on to the next claim
        assert screen.claims[2]["verdict"] == "half-true"  # the judged row repainted with its rating


async def test_esc_cancels_without_leaving_the_article_and_writes_nothing(db):
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_review(app, pilot)
        claim = screen.current()
        await pilot.press("v", "escape")
        await pilot.pause()
        assert app.screen is screen and not screen.query_one(VerdictLayer).is_open
        assert app.focused is screen.query_one("#claims") and cursor_row(screen) == 2
        assert get_claim(db, claim["id"])["verdict"] is None
        assert [e["action"] for e in claim_history(db, claim["id"]) if e["claim_id"] == claim["id"]] == []
        await pilot.pause()
        assert " x Reject " in str(screen.query_one("KeyBar").render())  # the screen's keys again (a frame later)
        await pilot.press("escape")  # the picker gone, Esc is the screen's again: back to the library
        await pilot.pause()
        assert not isinstance(app.screen, ReviewScreen)


async def test_while_open_the_screens_keys_wait_and_only_ratings_and_esc_act(db):
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_review(app, pilot)
        claim = screen.current()
        await pilot.press("v", "j", "x", "q", "slash", "9")
        await pilot.pause()
        assert app.screen is screen and screen.query_one(VerdictLayer).is_open
        assert cursor_row(screen) == 2 and get_claim(db, claim["id"])["status"] != "rejected"
        bar = str(screen.query_one("KeyBar").render())
        assert " esc Cancel " in bar and "Reject" not in bar  # the bar says what works now
        await pilot.press("2")
        await pilot.pause()
        assert get_claim(db, claim["id"])["verdict"] == "mostly-true"


async def test_enter_picks_the_highlighted_rating_and_the_current_one_is_highlighted(db):
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_review(app, pilot)
        claim = screen.current()
        await pilot.press("v", "down", "down", "enter")  # nothing rated yet: from 1, two down is 3
        await pilot.pause()
        assert get_claim(db, claim["id"])["verdict"] == "half-true"
        screen.query_one("#claims").move_cursor(row=2)
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert screen.query_one("#verdicts", OptionList).highlighted == 2  # the claim's own rating


async def test_the_focus_stays_in_the_text_when_v_was_pressed_there(db):
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("tab")  # list → text
        await pilot.pause()
        assert app.focused is screen.query_one(ArticleView)
        claim = screen.current()
        await pilot.press("v", "1")
        await pilot.pause()
        assert app.focused is screen.query_one(ArticleView)
        assert get_claim(db, claim["id"])["verdict"] == "true"  # the 1 went to the picker, not the text


async def test_a_click_on_a_rating_picks_it_and_a_click_elsewhere_cancels(db):
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_review(app, pilot)
        claim = screen.current()
        await pilot.press("v")
        await pilot.pause()
        await pilot.click("#detail", offset=(5, 12))  # (its top-left corner is under the picker)
        await pilot.pause()
        assert not screen.query_one(VerdictLayer).is_open
        assert get_claim(db, claim["id"])["verdict"] is None
        await pilot.press("j")  # the screen's keys work again
        await pilot.pause()
        assert cursor_row(screen) == 3
        claim = screen.current()
        await pilot.press("v")
        await pilot.pause()
        ratings = screen.query_one("#verdicts", OptionList)
        await pilot.click(ratings, offset=(4, 1 + 4))  # inside its border: the fifth rating
        await pilot.pause()
        assert get_claim(db, claim["id"])["verdict"] == "mostly-false"
        assert app.focused is screen.query_one("#detail")  # where the first click put it: the picker takes none


async def test_hostile_text_in_the_claim_and_the_scale_stays_literal(tmp_path):
    db = open_db(tmp_path / "evil.db")
    evil = tmp_path / "evil.txt"
    evil.write_text("Evil [/foo] headline [bold]\n\nBy X\nMay 1, 2020\n"
                    "LONDON: Officials said [/foo] 40 people [bold]were hurt on Monday, police said today.\n",
                    encoding="utf-8")
    list(import_paths(db, [str(evil)], "ann"))
    set_rating(db, "false", "6 [/foo] False [reverse]", "ann")
    body = get_article(db, 1)["body"]
    start = body.index("[/foo] 40")
    claim = add_manual_claim(db, 1, start, body.index("were hurt"), "ann")
    assert claim["text"].startswith("[/foo] 40 people [bold]")
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        row = next(i for i, c in enumerate(screen.claims) if c["id"] == claim["id"])
        screen.query_one("#claims").move_cursor(row=row)
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        ratings = screen.query_one("#verdicts", OptionList)
        assert "[/foo] False [reverse]" in str(ratings.get_option("false").prompt)
        await pilot.press("6")
        await pilot.pause(0.2)  # the toast comes after the row's frame (TOAST_AFTER_S)
        assert get_claim(db, claim["id"])["verdict"] == "false"
        said = "[/foo] False [reverse]: [/foo] 40 people [bold]"
        assert any(n.message.startswith(said) and not n.markup for n in app._notifications)
        painted = " ".join(painted_row(screen, row))  # the verdict column wraps the label
        assert "[/foo] 40 people [bold]" in painted and "[/foo] False" in painted and "[reverse]" in painted


async def test_closing_the_picker_repaints_its_region_and_the_row_not_the_whole_screen(db, monkeypatch):
    """A modal screen's close repainted all 160x48 cells (and the toast two full frames more); the layer's
    close, the toast included, must not send one full frame."""
    frames: list[str] = []
    display = App._display

    def _display(self, screen, renderable):
        if renderable is not None:
            frames.append(type(renderable).__name__)
        return display(self, screen, renderable)

    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        monkeypatch.setattr(App, "_display", _display)
        await pilot.press("1")
        for _ in range(4):  # the row, the detail, the toast a frame later, its layout
            await pilot.pause(0.05)
        assert screen.claims[2]["verdict"] == "true"
        assert frames and LayoutUpdate.__name__ not in frames, frames


@pytest.mark.parametrize("advance", [False, True])
async def test_the_rated_row_goes_to_the_screen_a_frame_before_the_detail(tmp_path, own_config_dir, monkeypatch,
                                                                         advance):
    """The frame that shows the rating in the row holds neither the judged claim's new detail nor, with
    auto-advance, the next claim's: building and painting the detail was half of that frame. The detail
    follows in a frame of its own.

    A loaded machine (CI) sometimes writes the row and the detail in one frame however they were ordered:
    Textual writes the screen at most so often, and both updates were due by then. Such a run tells nothing
    of the order, so it is tried again, up to three times; building the detail in the key handler, as before
    after_paint, puts it in the row's frame every time."""
    (own_config_dir / "preferences.toml").write_text(f"auto_advance = {str(advance).lower()}\n")
    display = App._display
    frames: list[tuple[set[int], str]] = []  # (screen lines written, the detail's text then)

    def _display(self, screen, renderable):
        # a loaded machine sometimes writes the row in a full layout frame: that frame counts as the row's too
        if isinstance(renderable, ChopsUpdate):
            lines = {y for y, _x1, _x2 in renderable.spans}
        elif isinstance(renderable, LayoutUpdate):
            lines = set(range(renderable.region.y, renderable.region.bottom))
        else:
            lines = set()
        if lines:
            frames.append((lines, str(screen.query_one("#detail").content)))
        return display(self, screen, renderable)

    # on a loaded machine the row's frame can take longer than after_paint's fallback (0.25 s), which then
    # builds the detail first: what is tested here is the order when the frame comes, not the fallback
    monkeypatch.setattr(painted_view, "AFTER_PAINT_LATEST_S", 10.0)
    attempts = []
    for attempt in range(3):
        frames.clear()
        monkeypatch.setattr(App, "_display", display)
        db = open_db(tmp_path / f"layer{attempt}.db")  # each attempt rates the claim afresh
        list(import_paths(db, [str(SEED)], "ann"))
        app = WorkbenchApp(db, "ann")
        async with app.run_test(size=(160, 48)) as pilot:
            screen = await open_review(app, pilot)
            judged = screen.current()
            following = screen.claims[3]
            table = screen.query_one("#claims")
            row_lines = {table.region.y + y for y in table.screen_lines(2)}
            await pilot.press("v")
            await pilot.pause()
            monkeypatch.setattr(App, "_display", _display)
            await pilot.press("1")
            wanted = f"#{following['id']} " if advance else "Verdict: True"
            for _ in range(200):  # until the detail shows it, however slow the machine
                await pilot.pause(0.05)
                if wanted in str(screen.query_one("#detail").content):
                    break
            detail = str(screen.query_one("#detail").content)
            assert wanted in detail and (advance or f"#{judged['id']} " in detail)
            first = next(i for i, (lines, _detail) in enumerate(frames) if lines & row_lines)
            attempts.append(list(frames))
            if wanted not in frames[first][1]:  # the row's frame: the detail as it was
                assert any(wanted in later for _lines, later in frames[first + 1:])
                return
    raise AssertionError(f"the detail was in the row's frame in all 3 attempts: {attempts}")


async def test_the_picker_showing_and_hiding_leaves_the_scrollbars_unpainted(db, monkeypatch):
    """Showing or hiding the picker lays out the screen, and Textual took every layout as a resize of each
    scroll view (the text, the list, the detail): three scrollbars, 84 lines, repainted in the verdict's
    frame and again after the toast's and the key bar's layouts."""
    repainted: list[ScrollBar] = []
    refresh = ScrollBar.refresh

    def spy(self, *regions, **kwargs):
        repainted.append(self)
        return refresh(self, *regions, **kwargs)

    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_review(app, pilot)
        await pilot.pause(0.2)  # the similar claims' search (after the cursor rests) fills the detail in
        await app.workers.wait_for_complete()
        await pilot.pause(0.05)
        monkeypatch.setattr(ScrollBar, "refresh", spy)
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("escape")
        for _ in range(3):
            await pilot.pause(0.05)
        assert not screen.query_one(VerdictLayer).is_open
        assert repainted == []
        monkeypatch.setattr(ScrollBar, "refresh", refresh)
        await pilot.resize_terminal(80, 24)  # a real resize still sizes the scrollbars to the new panes
        for _ in range(3):
            await pilot.pause(0.05)
        for pane in ("#article", "#claims", "#detail"):
            widget = screen.query_one(pane)
            bar = widget.vertical_scrollbar
            assert bar.window_size == widget.container_size.height - widget.scrollbar_size_horizontal, pane
            assert bar.window_virtual_size == widget.virtual_size.height, pane


async def test_v_shows_the_picker_in_one_frame_the_first_time_and_after(db, monkeypatch):
    """Each v took two frames: the first time the picker was sized in a second layout, and every time its
    options were thrown away and painted again as it reappeared; the second frame came 40-60 ms after v,
    about when the rating key does."""
    frames: list[str] = []
    display = App._display

    def _display(self, screen, renderable):
        if renderable is not None:
            frames.append(type(renderable).__name__)
        return display(self, screen, renderable)

    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_review(app, pilot)
        await pilot.pause(0.2)  # the similar claims' search (after the cursor rests) fills the detail in
        await app.workers.wait_for_complete()
        await pilot.pause(0.05)
        monkeypatch.setattr(App, "_display", _display)
        for _ in range(2):
            frames.clear()
            await pilot.press("v")
            for _ in range(4):
                await pilot.pause(0.05)
            assert screen.query_one(VerdictLayer).is_open
            assert frames == [ChopsUpdate.__name__], frames
            ratings = screen.query_one("#verdicts", OptionList)
            shown = [ratings.render_line(y).text.split()[:2] for y in range(2)]
            assert shown == [["1", "True"], ["2", "Mostly"]]
            await pilot.press("escape")
            for _ in range(3):
                await pilot.pause(0.05)


async def test_keymap_toml_rebinds_the_pickers_cancel_key(db, own_config_dir):
    (own_config_dir / "keymap.toml").write_text('"verdict.cancel" = "c"\n', encoding="utf-8")
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_review(app, pilot)
        claim = screen.current()
        await pilot.press("v")
        await pilot.pause()
        assert " c Cancel " in str(screen.query_one("KeyBar").render())
        await pilot.press("c")
        await pilot.pause()
        assert not screen.query_one(VerdictLayer).is_open and app.screen is screen
        assert get_claim(db, claim["id"])["verdict"] is None


async def test_keys_typed_before_the_review_screen_is_composed_find_no_picker(db):
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = ReviewScreen(1)
        assert screen.key_layer is None  # not composed: asking must not raise (the app asks on every key)
        await pilot.press("enter", "j", "v", "2")  # in one burst, as a fast reviewer types
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
