"""The import dialog (i in the library): a path with completion, imported in a worker with a progress bar.
Its own module so that start-up does not load it (nor the importer) before the first i."""
from __future__ import annotations

import os
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, ProgressBar

from .text import plain


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
        from ..service import expand_paths, import_paths, no_articles_in

        paths = list(expand_paths([os.path.expanduser(path)]))
        if not paths:  # "0 added, 0 failed" read as if the folder had been imported
            self.app.call_from_thread(self.notify, no_articles_in(path), severity="warning", markup=False)
            return
        self.app.call_from_thread(self.query_one(ProgressBar).update, total=max(1, len(paths)), progress=0)
        added = present = failed = seen = 0
        errors: list[str] = []
        for outcome in import_paths(self.app.db, paths, self.app.reviewer):
            if outcome.error:
                failed += 1
                errors.append(outcome.error)
            elif outcome.result.added:
                added += 1
                seen += outcome.seen_before
            else:
                present += 1
            self.app.call_from_thread(self.query_one(ProgressBar).advance, 1)
        summary = f"{added} added, {present} already present, {failed} failed" + (
            f"; {seen} claim{'s' if seen != 1 else ''} seen before (reviewed elsewhere: shown in the detail)"
            if seen else "")
        self.app.call_from_thread(self.query_one("#import-status", Label).update, plain(summary))
        for message in errors[:3]:
            self.app.call_from_thread(self.notify, message, severity="error", title="Not imported", markup=False)
        self.app.call_from_thread(self.notify, summary)

    def action_close(self) -> None:
        self.dismiss(0)
