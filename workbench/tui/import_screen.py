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

from ..service import DONE, EXTRACTING, LINKING, MATCHING, READING, STORING, ImportProgress
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


# where each stage of one file's import starts and ends, in percent of the file (as they took on 5 MB)
_STAGE_SPAN = {READING: (0, 1), EXTRACTING: (1, 50), STORING: (50, 70), LINKING: (70, 95), MATCHING: (95, 100),
               DONE: (100, 100)}


def file_percent(event: ImportProgress) -> int:
    """How far one file's import is, 0..100, from its stage and the share of the stage done."""
    low, high = _STAGE_SPAN.get(event.stage, (0, 0))
    return int(low + (high - low) * (event.fraction or 0.0))


def stage_line(event: ImportProgress) -> str:
    """"big.txt: extracting claims and quotes… 40%": the stage of a file, under the bar."""
    name = Path(event.path).name
    if event.stage == DONE:
        return f"{name}: done"
    return f"{name}: {event.stage}…" + ("" if event.fraction is None else f" {int(event.fraction * 100)}%")


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
        bar, status = self.query_one(ProgressBar), self.query_one("#import-status", Label)
        # a hundred steps a file: a single 5 MB file showed 0% for minutes
        self.app.call_from_thread(bar.update, total=100 * max(1, len(paths)), progress=0)
        added = present = failed = seen = 0
        errors: list[str] = []
        shown = [""]

        def progress(event: ImportProgress) -> None:
            line = stage_line(event)
            if line != shown[0]:  # a screen update only when what it says changes
                shown[0] = line
                self.app.call_from_thread(bar.update, progress=100 * (added + present + failed) + file_percent(event))
                self.app.call_from_thread(status.update, plain(line))

        for outcome in import_paths(self.app.db, paths, self.app.reviewer, progress=progress):
            if outcome.error:
                failed += 1
                errors.append(outcome.error)
            elif outcome.result.added:
                added += 1
                seen += outcome.seen_before
            else:
                present += 1
            self.app.call_from_thread(bar.update, progress=100 * (added + present + failed))
        summary = f"{added} added, {present} already present, {failed} failed" + (
            f"; {seen} claim{'s' if seen != 1 else ''} seen before (reviewed elsewhere: shown in the detail)"
            if seen else "")
        self.app.call_from_thread(self.query_one("#import-status", Label).update, plain(summary))
        for message in errors[:3]:
            self.app.call_from_thread(self.notify, message, severity="error", title="Not imported", markup=False)
        self.app.call_from_thread(self.notify, summary)

    def action_close(self) -> None:
        self.dismiss(0)
