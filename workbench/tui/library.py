"""The library: every article with its review progress, newest first; type to filter, Enter opens,
i imports a file or folder with a progress bar."""
from __future__ import annotations

import os
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.suggester import Suggester
from textual.widgets import DataTable, Footer, Header, Input, Label, ProgressBar

from .. import store
from .text import plain, progress_bar

PAGE = 1000  # rows painted at once; typing in the filter narrows a bigger library


class LibraryScreen(Screen):
    BINDINGS = [
        Binding("enter", "open", "Open", id="library.open", show=True),
        Binding("i", "import", "Import", id="library.import"),
        Binding("ctrl+f", "focus_filter", "Filter", id="library.filter"),
        Binding("escape", "clear_filter", "Clear filter", id="library.clear", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Type to filter by headline, outlet or byline…", id="filter")
        yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Label("", id="library-status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Claim Workbench"
        self.sub_title = f"Library — reviewer: {self.app.reviewer}"
        table = self.query_one("#articles", DataTable)
        table.add_columns("published", "headline", "outlet", "claims", "reviewed", "last reviewer")
        self.load()
        table.focus()

    def on_screen_resume(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="library")
    def load(self, text_filter: str | None = None) -> None:
        rows = store.list_articles(self.app.db, text_filter=text_filter or None, limit=PAGE + 1)
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[dict]) -> None:
        table = self.query_one("#articles", DataTable)
        keep = table.cursor_row
        table.clear()
        for r in rows[:PAGE]:
            total = r["claims"] + r["quotes"] - r["rejected"]
            table.add_row(plain(r["published"] or ""), plain((r["headline"] or "(no headline)")[:70]),
                          plain((r["outlet"] or "")[:24]), plain(str(r["claims"] + r["quotes"])),
                          plain(progress_bar(r["reviewed"], total)), plain(r["last_reviewer"] or ""),
                          key=str(r["id"]))
        if rows and keep is not None:
            table.move_cursor(row=min(keep, len(rows[:PAGE]) - 1))
        more = " (more: type to filter)" if len(rows) > PAGE else ""
        self.query_one("#library-status", Label).update(
            plain(f"{min(len(rows), PAGE)} articles{more} — Enter opens, i imports, ctrl+f filters, / searches claims, ? keys"))

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.load(event.value.strip())

    @on(Input.Submitted, "#filter")
    def filter_done(self) -> None:
        self.query_one("#articles", DataTable).focus()

    @on(DataTable.RowSelected, "#articles")
    def row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_article(int(event.row_key.value))

    def action_open(self) -> None:
        table = self.query_one("#articles", DataTable)
        if table.row_count:
            self.app.open_article(int(table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value))

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.query_one("#articles", DataTable).focus()

    def action_import(self) -> None:
        self.app.push_screen(ImportScreen(), lambda _: self.load())


class PathSuggester(Suggester):
    """Completes file and folder names as the reviewer types a path."""

    async def get_suggestion(self, value: str) -> str | None:
        path = Path(os.path.expanduser(value or "."))
        folder, stem = (path, "") if value.endswith(os.sep) else (path.parent, path.name)
        try:
            for entry in sorted(folder.iterdir()):
                if entry.name.startswith(stem) and not entry.name.startswith("."):
                    suffix = os.sep if entry.is_dir() else ""
                    return value[: len(value) - len(stem)] + entry.name + suffix
        except OSError:
            return None
        return None


class ImportScreen(ModalScreen[int]):
    """A path with completion; imports in a worker with a progress bar; bad files are reported."""

    BINDINGS = [Binding("escape", "close", "Close", id="import.close")]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Import a file or folder (→ completes, Enter imports, Esc closes)", id="dialog-title")
            yield Input(placeholder="sample_articles/", suggester=PathSuggester(use_cache=False), id="import-path")
            yield ProgressBar(id="import-progress", show_eta=False)
            yield Label("", id="import-status")

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    @on(Input.Submitted, "#import-path")
    def start(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.run_import(event.value.strip())

    @work(thread=True, exclusive=True, group="import")
    def run_import(self, path: str) -> None:
        from ..service import expand_paths, import_paths

        paths = list(expand_paths([os.path.expanduser(path)]))
        self.app.call_from_thread(self.query_one(ProgressBar).update, total=max(1, len(paths)), progress=0)
        added = present = failed = 0
        errors: list[str] = []
        for outcome in import_paths(self.app.db, paths, self.app.reviewer):
            if outcome.error:
                failed += 1
                errors.append(outcome.error)
            elif outcome.result.added:
                added += 1
            else:
                present += 1
            self.app.call_from_thread(self.query_one(ProgressBar).advance, 1)
        summary = f"{added} added, {present} already present, {failed} failed"
        self.app.call_from_thread(self.query_one("#import-status", Label).update, plain(summary))
        for message in errors[:3]:
            self.app.call_from_thread(self.notify, message, severity="error", title="Not imported")
        self.app.call_from_thread(self.notify, summary)

    def action_close(self) -> None:
        self.dismiss(0)
