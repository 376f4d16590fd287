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
from .latest import Latest
from .row_list import Column, RowList
from .text import plain, progress_bar
from ..headline import shown_headline

ARTICLE_COLUMNS = [Column("published", 10), Column("headline"), Column("outlet", 20, drop=2),
                   Column("claims", 6, drop=1), Column("reviewed", 18), Column("last reviewer", 14, drop=3),
                   Column("elsewhere", 9, drop=4)]  # claims with another outlet's fact-check (issue 19)


def article_row(r: dict) -> tuple[str, list]:
    total = r["claims"] + r["quotes"] - r["rejected"]
    return str(r["id"]), [plain(r["published"] or ""), plain(shown_headline(r)), plain(r["outlet"] or ""),
                          plain(str(r["claims"] + r["quotes"])), plain(progress_bar(r["reviewed"], total)),
                          plain(r["last_reviewer"] or ""), plain(str(r.get("checked_elsewhere") or ""))]


# o cycles through these: store.ARTICLE_ORDERS, named for the status line
LIBRARY_SORTS = {"newest": "newest first", "least_reviewed": "least reviewed first",
                 "most_claims": "most claims first", "last_reviewer": "by last reviewer"}


class LibraryScreen(Screen):
    """Every article, newest first (o: least reviewed, most claims, last reviewer). The list reads a page of
    rows from SQLite when it comes on screen, so the first paint costs the same at 10 or 10,000 articles;
    the filter narrows it in SQL.

    Loads run in a worker, one at a time (exclusive); each carries a generation number, and only the
    newest load's rows are shown: a slower, older query never repaints the list over the box's."""

    BINDINGS = [
        Binding("enter", "open", "Open", id="library.open", show=True),
        Binding("i", "import", "Import", id="library.import"),
        Binding("ctrl+f", "focus_filter", "Filter", id="library.filter"),
        Binding("o", "sort", "Sort", id="library.sort"),
        Binding("escape", "clear_filter", "Clear filter", id="library.clear", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        # the list has the focus, and its keys (i, o, q) fire as typed: "waiting" opened the import at its i
        yield Input(placeholder="ctrl+f, then type to filter by headline, outlet or byline…", id="filter")
        yield RowList(ARTICLE_COLUMNS, min_flexible=36, id="articles")
        yield Label("", id="library-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "Claim Workbench"
        self.sub_title = f"Library — reviewer: {self.app.reviewer}"
        self.text_filter = ""  # the filter whose rows are listed
        self.sort = self.sort_shown = "newest"
        self.loads = Latest()  # a load that is no longer the newest drops its rows
        self._resumed = False
        self._load_first_page()
        self.query_one("#articles", RowList).focus()

    def on_screen_resume(self) -> None:
        if self._resumed:  # (the first resume comes right after on_mount, which has read the rows)
            self.load()  # review progress changed while the reviewer was away
        self._resumed = True

    def _load_first_page(self) -> None:
        """The first rows, read here rather than in a worker, so that the first paint has them. It is
        cheap with no filter (a count from an index and one screen of rows), and the
        worker's round trip cost more: the query waited for the GIL behind the empty screen's paint, and
        the rows came two frames later (70 ms at start-up)."""
        db = self.app.db
        count = store.count_articles(db, None)
        # only the rows the terminal can show (its height bounds the list's): the page's claims are read from
        # disk, ~0.1 ms an article on a cold start at 10,000 articles; RowList reads the rest of the page
        # when a row past these is wanted
        shown = max(1, min(RowList.PAGE, self.app.size.height))
        first = store.list_articles(db, None, limit=shown, order=self.sort)
        self._show("", self.sort, self.loads.next(), count, first)

    def load(self) -> None:
        """Re-read the list for what the filter box holds now, in the current order."""
        self._load(self.query_one("#filter", Input).value.strip(), self.sort, self.loads.next())

    @work(thread=True, exclusive=True, group="library")
    def _load(self, text_filter: str, sort: str, generation: int) -> None:
        """Count the (filtered) articles and read the first page, off the UI thread: a filter is a LIKE scan."""
        db = self.app.db
        count = store.count_articles(db, text_filter or None)
        if not self.loads.is_current(generation):
            return  # typed on meanwhile: this query's rows would be thrown away
        first = store.list_articles(db, text_filter or None, limit=RowList.PAGE, order=sort)
        self.app.call_from_thread(self._show, text_filter, sort, generation, count, first)

    def _show(self, text_filter: str, sort: str, generation: int, count: int, first: list[dict]) -> None:
        box = self.query_one("#filter", Input).value.strip()
        if not self.loads.is_current(generation) or text_filter != box:
            return  # an older query finished last: the newest one's rows are on their way
        db = self.app.db

        short = [len(first) < min(count, RowList.PAGE)]  # the first screen of rows only (_load_first_page)

        def fetch(offset: int, limit: int) -> list:
            if offset + limit <= len(first) or offset == 0 and len(first) == count:
                return [article_row(r) for r in first[offset:offset + limit]]
            if offset == 0 and short[0]:  # once: RowList asks for the whole page when a row past these is wanted
                short[0] = False
                return [article_row(r) for r in first]
            page = store.list_articles(db, text_filter or None, limit=limit, offset=offset, order=sort)
            return [article_row(r) for r in page]

        table = self.query_one("#articles", RowList)
        same_list = text_filter == self.text_filter and sort == self.sort_shown
        self.text_filter, self.sort_shown = text_filter, sort
        table.set_source(count, fetch, cursor=None if same_list else 0)
        what = (f"{count} article{'' if count == 1 else 's'}"
                + (f" matching {text_filter!r}" if text_filter else "") + f", {LIBRARY_SORTS[sort]}")
        drafts = self.app.drafts.count()
        if drafts:  # kept until the app quits: say so where quitting happens
            what += f" — ✎ {drafts} unsaved draft{'' if drafts == 1 else 's'}"
        self.query_one("#library-status", Label).update(
            plain(f"{what} — Enter opens, i imports, ctrl+f filters, o sorts, / searches claims, ? keys"))
        self.app.library_shown()

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.load()

    def action_sort(self) -> None:
        """o: newest → least reviewed → most claims → last reviewer → newest."""
        orders = list(LIBRARY_SORTS)
        self.sort = orders[(orders.index(self.sort) + 1) % len(orders)]
        self.load()

    def palette_commands(self):
        from textual.app import SystemCommand

        for sort, name in LIBRARY_SORTS.items():
            if sort != self.sort:
                yield SystemCommand(f"Library: {name}", "o cycles the orders",
                                    lambda sort=sort: self._sort_by(sort))

    def _sort_by(self, sort: str) -> None:
        self.sort = sort
        self.load()

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

    # set_focus, not Widget.focus(): that one moves the focus only after the keys already queued, and
    # the keys typed right after ctrl+f or Esc belong to the field it goes to (WorkbenchApp.on_event)
    def action_focus_filter(self) -> None:
        self.set_focus(self.query_one("#filter", Input))

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.set_focus(self.query_one("#articles", RowList))

    def action_import(self) -> None:
        from .import_screen import ImportScreen

        self.app.push_screen(ImportScreen(), lambda _: self.load())
