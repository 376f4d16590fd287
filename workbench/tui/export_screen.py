"""Export: choose the articles and the format, preview, write (atomically) with progress."""
from __future__ import annotations

import io
import os
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Checkbox, Header, Input, Label, ProgressBar, Select, TextArea

from ..errors import MissingReviewUrls, WorkbenchError
from ..preferences import default_export_folder, remember_export_folder
from .key_bar import KeyBar
from .latest import Latest
from .text import plain

FORMAT_LABELS = [("Markdown", "md"), ("HTML (self-contained)", "html"), ("JSON", "json"), ("CSV", "csv"),
                 ("schema.org ClaimReview", "claimreview")]
SUFFIX = {"md": "md", "html": "html", "json": "json", "csv": "csv", "claimreview": "jsonld"}


def newsroom() -> dict[str, str]:
    """Who publishes the reports, from the same variables the CLI's export reads."""
    names = {"organisation": "WORKBENCH_ORGANISATION", "organisation_url": "WORKBENCH_ORGANISATION_URL",
             "review_url": "WORKBENCH_REVIEW_URL"}
    return {key: os.environ[var] for key, var in names.items() if os.environ.get(var)}


class ExportScreen(Screen):
    BINDINGS = [
        Binding("ctrl+s", "write", "Write file", id="export.write"),
        Binding("ctrl+r", "preview", "Preview", id="export.preview", show=True),
        Binding("escape", "back", "Back", id="export.back"),
    ]
    # "-narrow" below 96 columns: the options go on two rows (workbench.tcss)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (96, "-wide")]

    def __init__(self, article_id: int | None):
        super().__init__()
        self.article_id = article_id
        self.previews = Latest()

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="export-options"):
            yield Select(FORMAT_LABELS, value="html", allow_blank=False, id="export-format")
            yield Checkbox("All articles", value=self.article_id is None, id="export-all")
            yield Checkbox("Overwrite", value=False, id="export-force")
            yield Checkbox("Draft", value=False, id="export-draft", tooltip="ClaimReview without a review URL")
        yield Input(id="export-path", placeholder="output file")
        yield ProgressBar(total=1, id="export-progress", show_eta=False)  # 0%, not an animated "--%", until a write starts
        yield TextArea("", read_only=True, id="export-preview")
        yield Label("", id="export-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Export a verdict report — ctrl+r previews, ctrl+s writes"
        self._suggest_path()
        self.action_preview()

    def _ids(self) -> list[int] | None:
        return None if self.query_one("#export-all", Checkbox).value or self.article_id is None else [self.article_id]

    def _fmt(self) -> str:
        return str(self.query_one("#export-format", Select).value)

    def _suggest_path(self) -> None:
        """A file name for the format and articles, in the folder the reviewer typed or last wrote to."""
        field = self.query_one("#export-path", Input)
        typed = field.value.strip()
        folder = Path(typed).expanduser().parent if typed else default_export_folder()
        name = f"article-{self.article_id}" if self._ids() else "all-articles"
        field.value = str(folder / f"report-{name}.{SUFFIX[self._fmt()]}")

    @on(Select.Changed, "#export-format")
    @on(Checkbox.Changed, "#export-all")
    def options_changed(self) -> None:
        self._suggest_path()
        self.action_preview()

    def action_preview(self) -> None:
        """ctrl+r, and on any change of format or articles: the report's first 400 lines."""
        self._preview(self._ids(), self._fmt(), self.previews.next())

    @work(thread=True, exclusive=True, group="export-preview")
    def _preview(self, ids: list[int] | None, fmt: str, number: int) -> None:
        from ..report import export_report

        out = io.StringIO()
        try:
            export_report(self.app.db, ids, fmt, out, **newsroom())
        except WorkbenchError as exc:
            self.app.call_from_thread(self._preview_failed, str(exc), number)
            return
        lines = out.getvalue().splitlines()
        if fmt == "html" and "<body>" in lines:  # from the report itself: its head is 35 lines of CSS, more
            lines = lines[lines.index("<body>"):]  # than the preview's height at 80x24, and showed nothing else
        preview = "\n".join(lines[:400])
        self.app.call_from_thread(self._show_preview, preview, number)

    def _show_preview(self, preview: str, number: int) -> None:
        if self.previews.is_current(number):  # else the format or the articles changed since
            self.query_one("#export-preview", TextArea).load_text(preview)

    def _preview_failed(self, message: str, number: int) -> None:
        if self.previews.is_current(number):
            self.query_one("#export-preview", TextArea).load_text("")
            self.notify(message, severity="error", title="Nothing to preview", markup=False)

    @work(thread=True, exclusive=True, group="export-write")
    def action_write(self) -> None:
        from ..report import write_report

        path = self.query_one("#export-path", Input).value.strip()
        bar = self.query_one(ProgressBar)

        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(bar.update, total=total, progress=done)

        long_summaries: list[str] = []
        try:
            written = write_report(self.app.db, self._ids(), self._fmt(), path, **newsroom(),
                                   force=self.query_one("#export-force", Checkbox).value, progress=progress,
                                   require_url=not self.query_one("#export-draft", Checkbox).value,
                                   warn=long_summaries.append)
        except MissingReviewUrls as exc:  # its own words name the CLI's --draft and --review-url
            self.app.call_from_thread(
                self.notify, f"no review page URL for {exc.named()}: tick Draft to export them marked as drafts, "
                "or set the desk's: workbench settings set review_url 'https://…/{claim}'",
                severity="error", title="Not written")
            return
        except (WorkbenchError, OSError) as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", title="Not written")
            return
        if long_summaries:
            self.app.call_from_thread(self.notify, "\n".join(long_summaries[:5]), severity="warning", markup=False,
                                      title=f"{len(long_summaries)} summaries over 75 characters (m shortens one)")
        remember_export_folder(written.parent.resolve())  # the next export suggests the same folder
        self.app.call_from_thread(self.query_one("#export-status", Label).update, plain(f"Wrote {written}"))
        self.app.call_from_thread(self.notify, f"Wrote {written}")

    def action_back(self) -> None:
        self.app.pop_screen()
