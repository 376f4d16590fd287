"""The library: every article with its review progress, newest first; type to filter, Enter opens,
i imports a file or folder (import_screen.py, loaded on first use)."""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, Input, Label

from .. import store
from .key_bar import KeyBar
from .row_list import Column, RowList
from .text import plain, progress_bar

ARTICLE_COLUMNS = [Column("published", 10), Column("headline"), Column("outlet", 20, drop=2),
                   Column("claims", 6, drop=1), Column("reviewed", 18), Column("last reviewer", 14, drop=3),
                   Column("elsewhere", 9, drop=4)]  # claims with another outlet's fact-check (issue 19)


def article_row(r: dict) -> tuple[str, list]:
    total = r["claims"] + r["quotes"] - r["rejected"]
    return str(r["id"]), [plain(r["published"] or ""), plain(r["headline"] or "(no headline)"), plain(r["outlet"] or ""),
                          plain(str(r["claims"] + r["quotes"])), plain(progress_bar(r["reviewed"], total)),
                          plain(r["last_reviewer"] or ""), plain(str(r.get("checked_elsewhere") or ""))]


class LibraryScreen(Screen):
    """Every article, newest first. The list reads a page of rows from SQLite when it comes on screen,
    so the first paint costs the same at 10 or 10,000 articles; the filter narrows it in SQL."""

    BINDINGS = [
        Binding("enter", "open", "Open", id="library.open", show=True),
        Binding("i", "import", "Import", id="library.import"),
        Binding("ctrl+f", "focus_filter", "Filter", id="library.filter"),
        Binding("escape", "clear_filter", "Clear filter", id="library.clear", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Type to filter by headline, outlet or byline…", id="filter")
        yield RowList(ARTICLE_COLUMNS, min_flexible=36, id="articles")
        yield Label("", id="library-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "Claim Workbench"
        self.sub_title = f"Library — reviewer: {self.app.reviewer}"
        self.text_filter = ""
        self.load()
        self.query_one("#articles", RowList).focus()

    def on_screen_resume(self) -> None:
        self.load(self.text_filter)  # review progress changed while the reviewer was away

    @work(thread=True, exclusive=True, group="library")
    def load(self, text_filter: str = "") -> None:
        """Count the (filtered) articles and read the first page, off the UI thread: a filter is a LIKE scan."""
        db = self.app.db
        count = store.count_articles(db, text_filter or None)
        first = store.list_articles(db, text_filter or None, limit=RowList.PAGE)
        self.app.call_from_thread(self._show, text_filter, count, first)

    def _show(self, text_filter: str, count: int, first: list[dict]) -> None:
        if text_filter != self.query_one("#filter", Input).value.strip():
            return  # a worker for an older query finished last: the box's own query has its load queued
        db = self.app.db

        def fetch(offset: int, limit: int) -> list:
            if offset + limit <= len(first) or offset == 0 and len(first) == count:
                return [article_row(r) for r in first[offset:offset + limit]]
            return [article_row(r) for r in store.list_articles(db, text_filter or None, limit=limit, offset=offset)]

        table = self.query_one("#articles", RowList)
        same_list = text_filter == self.text_filter
        self.text_filter = text_filter
        table.set_source(count, fetch, cursor=None if same_list else 0)
        what = f"{count} article{'' if count == 1 else 's'}" + (f" matching {text_filter!r}" if text_filter else "")
        drafts = self.app.drafts.count()
        if drafts:  # kept until the app quits: say so where quitting happens
            what += f" — ✎ {drafts} unsaved draft{'' if drafts == 1 else 's'}"
        self.query_one("#library-status", Label).update(
            plain(f"{what} — Enter opens, i imports, ctrl+f filters, / searches claims, ? keys"))
        self.app.library_shown()

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.load(event.value.strip())

    @on(Input.Submitted, "#filter")
    def filter_done(self) -> None:
        self.query_one("#articles", RowList).focus()

    @on(RowList.RowSelected, "#articles")
    def row_selected(self, event: RowList.RowSelected) -> None:
        if event.row_key is not None:
            self.app.open_article(int(event.row_key))

    def action_open(self) -> None:
        table = self.query_one("#articles", RowList)
        key = table.key_at(table.cursor_row)
        if key is not None:
            self.app.open_article(int(key))

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.query_one("#articles", RowList).focus()

    def action_import(self) -> None:
        from .import_screen import ImportScreen

        self.app.push_screen(ImportScreen(), lambda _: self.load(self.text_filter))
