"""Quote check and figure check from the review screen: run the check, read the diff, and
(with a source URL) store the result with the source link, as the CLI does."""
from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from .. import store
from ..errors import WorkbenchError
from .import_screen import PathSuggester
from .latest import Latest
from .text import plain

OP_STYLES = {"omitted": "red strike", "added": "green underline", "changed": "yellow bold"}


def quote_check_text(check) -> Text:
    """The verdict hint, the passage in context, the word diff and the warnings."""
    out = Text(end="")
    out.append(f"{check.verdict}", style="bold")
    out.append(f"  similarity {check.score:.0f}\n\n")
    if check.start is not None and check.verdict != "not found":
        for op in check.ops:
            if op.op == "equal":
                out.append(" ".join(op.source_words) + " ")
            elif op.op == "omitted":
                out.append(" ".join(op.source_words) + " ", style="dim strike" if op.elided else OP_STYLES["omitted"])
            elif op.op == "added":
                out.append(" ".join(op.quote_words) + " ", style=OP_STYLES["added"])
            else:
                out.append(" ".join(op.source_words), style=OP_STYLES["omitted"])
                out.append("→")
                out.append(" ".join(op.quote_words) + " ", style=OP_STYLES["changed"])
        out.append("\n\nred: in the source, not in the quote · green: in the quote only · yellow: changed\n",
                   style="dim")
    elif check.start is not None:
        out.append("Closest passage: ", style="bold")
        out.append(check.context + "\n")
    for warning in check.warnings:
        out.append("⚠ ", style="yellow bold")
        out.append(warning.message + "\n", style="yellow")
    return out


class QuoteCheckScreen(ModalScreen[bool]):
    """Find the quote in a source text file and show what changed."""

    BINDINGS = [Binding("ctrl+s", "save", "Save with source", id="quotecheck.save"),
                Binding("escape", "close", "Close", id="quotecheck.close")]

    def __init__(self, claim: dict[str, Any]):
        super().__init__()
        self.claim = claim
        self.check = None
        self.source_text: str | None = None
        self.checks = Latest()

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(plain(f"Check {self.claim['speaker'] or 'the'} quote against a source — Enter checks, "
                              "ctrl+s stores it with the source URL, Esc closes"), id="dialog-title")
            yield Input(placeholder="source text file (transcript, speech, release)", id="check-path",
                        suggester=PathSuggester(use_cache=False))
            yield Input(placeholder="source URL (to store the check)", id="check-url")
            yield Input(placeholder="source title", id="check-title")
            with VerticalScroll():
                yield Static(plain(self.claim["text"]), id="check-result")

    def on_mount(self) -> None:
        self.query_one("#check-path", Input).focus()

    @on(Input.Submitted, "#check-path")
    def run(self, event: Input.Submitted) -> None:
        self.check = None  # until this file's check is back, ctrl+s has nothing to store
        self.run_check(event.value.strip(), self.checks.next())

    @on(Input.Changed, "#check-path")
    def path_changed(self) -> None:
        self.checks.next()  # a check still running is for a file no longer named

    @work(thread=True, exclusive=True, group="quote-check")
    def run_check(self, path: str, number: int) -> None:
        from ..checks import check_quote
        from ..service import read_text_arg

        try:
            text = read_text_arg(path)
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        check = check_quote(self.claim["text"], text)
        self.app.call_from_thread(self._show, check, text, number)

    def _show(self, check, text: str, number: int) -> None:
        if not self.checks.is_current(number):
            return  # another file was asked for since: this check is not for what the box names
        self.check, self.source_text = check, text
        self.query_one("#check-result", Static).update(quote_check_text(check))

    def action_save(self) -> None:
        if self.check is None:
            self.notify("Run the check first: type the source file and press Enter", severity="warning")
            return
        stored = {k: v for k, v in self.check.to_dict().items() if k != "context"}
        try:
            store.add_source(self.app.db, self.claim["id"], self.query_one("#check-url", Input).value,
                             self.app.reviewer, title=self.query_one("#check-title", Input).value or None,
                             excerpt=self.check.passage or "(not found)", stance=self.check.stance,
                             text=self.source_text, checks={"quote_check": stored})
        except WorkbenchError as exc:
            self.notify(str(exc), severity="error", title="Not stored")
            return
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(False)


class FigureCheckScreen(ModalScreen[bool]):
    """Compare the claim's figure with the source's, like with like."""

    BINDINGS = [Binding("ctrl+s", "save", "Save with source", id="figurecheck.save"),
                Binding("escape", "close", "Close", id="figurecheck.close")]

    def __init__(self, claim: dict[str, Any]):
        super().__init__()
        self.claim = claim
        self.check = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(plain(f"Check “{self.claim['text'][:50]}” against the source's figure — Enter checks, "
                              "ctrl+s stores it with the source URL, Esc closes"), id="dialog-title")
            yield Input(placeholder='the source figure: "129", "12.4bn", "55 days", "18 miles"', id="figure-value")
            yield Input(placeholder="source URL (to store the check)", id="figure-url")
            yield Input(placeholder="source title", id="figure-title")
            yield Static("", id="figure-result")

    def on_mount(self) -> None:
        self.query_one("#figure-value", Input).focus()

    @on(Input.Submitted, "#figure-value")
    def run(self, event: Input.Submitted) -> None:
        from ..checks import check_figure

        try:
            check = check_figure(self.claim["value"] or {}, self.claim["text"], event.value.strip())
        except ValueError as exc:
            self.notify(str(exc), severity="error")
            return
        self.check = check
        out = Text(end="")
        out.append(check.hint, style="bold")
        out.append(f"\n{check.explanation}\n")
        if check.absolute_difference is not None:
            rel = f" ({check.relative_difference:+.1f}%)" if check.relative_difference is not None else ""
            out.append(f"difference: {check.absolute_difference:+,.4g} {check.claim_unit or ''}{rel}\n")
        self.query_one("#figure-result", Static).update(out)

    def action_save(self) -> None:
        if self.check is None:
            self.notify("Type the source's figure and press Enter first", severity="warning")
            return
        try:
            store.add_source(self.app.db, self.claim["id"], self.query_one("#figure-url", Input).value,
                             self.app.reviewer, title=self.query_one("#figure-title", Input).value or None,
                             excerpt=f"source figure: {self.check.source_given}", stance=self.check.stance,
                             checks={"figure_check": self.check.to_dict()})
        except WorkbenchError as exc:
            self.notify(str(exc), severity="error", title="Not stored")
            return
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(False)
