"""Modal dialogs of the review screen: note editor, source form, history, conflict (the verdict picker is
a layer of the screen: verdict_layer.py)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from ..errors import BadInput
from ..store import valid_date, valid_url
from ..store.audit import change_summary
from .text import plain


class NoteEditor(ModalScreen[str | None]):
    """A multi-line note; ctrl+s saves, Esc keeps what was typed as a draft (`keep`) for the next n."""

    BINDINGS = [Binding("ctrl+s", "save", "Save", id="note.save"),
                Binding("escape", "cancel", "Keep as draft", id="note.cancel")]

    def __init__(self, text: str, title: str, keep: Callable[[str], None] | None = None,
                 stored: str | None = None):
        super().__init__()
        self.text = text
        self.stored = text if stored is None else stored  # the saved note; `text` may be a draft
        self.title_text = title
        self.keep = keep

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(plain(f"Note on {self.title_text} — ctrl+s saves, Esc keeps it as a draft"),
                        id="dialog-title")
            yield TextArea(self.text, id="note-text", soft_wrap=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def unsaved(self) -> bool:
        return self.query_one(TextArea).text != self.stored

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        if self.keep is not None:
            self.keep(self.query_one(TextArea).text)
        self.dismiss(None)


@dataclass(frozen=True)
class SourceInput:
    url: str
    title: str | None
    publisher: str | None
    published: str | None
    stance: str
    excerpt: str | None


class SourceForm(ModalScreen[SourceInput | None]):
    """URL, title, publisher, date, stance, excerpt; a bad URL keeps the form and its input, and Esc keeps
    what was typed as a draft (`keep`) that the next s on the claim brings back."""

    BINDINGS = [Binding("ctrl+s", "save", "Save", id="source.save"),
                Binding("escape", "cancel", "Keep as draft", id="source.cancel")]

    def __init__(self, draft: SourceInput | None = None, keep: Callable[[SourceInput], None] | None = None,
                 claim: str | None = None):
        super().__init__()
        self.draft = draft
        self.keep = keep
        self.claim = claim  # named in the title, as the note editor names its claim

    def compose(self) -> ComposeResult:
        d = self.draft
        with Vertical(id="dialog"):
            what = f"Source for “{self.claim}”" if self.claim else "Add a source"
            yield Label(plain(f"{what} — ctrl+s saves, Esc keeps it as a draft"), id="dialog-title")
            # one line per field, named beside it (compact: at 80x24 bordered fields pushed Save off screen);
            # select_on_focus off: after an error the field gets focus back, and one key must not wipe it
            for name, value, placeholder, wid in (
                    ("URL", d and d.url, "https://…", "src-url"), ("Title", d and d.title, "", "src-title"),
                    ("Publisher", d and d.publisher, "", "src-publisher"),
                    ("Published", d and d.published, "YYYY-MM-DD, or 20 November 2015", "src-published")):
                with Horizontal(classes="field"):
                    yield Label(name, classes="field-name")
                    yield Input(value or "", placeholder=placeholder, id=wid, select_on_focus=False,
                                compact=True)
            with Horizontal(classes="field"):
                yield Label("Stance", classes="field-name")
                yield Select([("supports", "supports"), ("refutes", "refutes"), ("context", "context")],
                             value=d.stance if d else "context", allow_blank=False, id="src-stance",
                             compact=True)
            yield Label("Excerpt: the passage that matters", classes="field-label")
            yield TextArea((d.excerpt or "") if d else "", id="src-excerpt", compact=True)
            with Horizontal(id="dialog-buttons"):
                yield Button("Save", variant="primary", id="src-save", compact=True)
                yield Button("Keep as draft", id="src-cancel", compact=True)

    def current(self) -> SourceInput:
        value = lambda wid: self.query_one(f"#{wid}", Input).value.strip() or None
        return SourceInput(
            url=self.query_one("#src-url", Input).value.strip(), title=value("src-title"),
            publisher=value("src-publisher"), published=value("src-published"),
            stance=str(self.query_one("#src-stance", Select).value),
            excerpt=self.query_one("#src-excerpt", TextArea).text.strip() or None,
        )

    def unsaved(self) -> bool:
        typed = self.current()
        return any((typed.url, typed.title, typed.publisher, typed.published, typed.excerpt))

    def action_save(self) -> None:
        draft = self.current()
        for check, value, field in ((valid_url, draft.url, "#src-url"), (valid_date, draft.published, "#src-published")):
            try:
                check(value)
            except BadInput as exc:
                self.notify(str(exc), severity="error", title="Source not saved")
                self.query_one(field, Input).focus()
                return
        self.dismiss(draft)

    def action_cancel(self) -> None:
        if self.keep is not None:
            self.keep(self.current())
        self.dismiss(None)

    @on(Button.Pressed, "#src-save")
    def save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#src-cancel")
    def cancel_pressed(self) -> None:
        self.action_cancel()


class TextViewer(ModalScreen[None]):
    """Read a long text (history, a conflict): Esc or q closes."""

    BINDINGS = [Binding("escape,q", "close", "Close", id="viewer.close")]

    def __init__(self, title: str, body: Text):
        super().__init__()
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(plain(self.title_text + " — Esc closes"), id="dialog-title")
            with VerticalScroll():
                yield Static(self.body, id="viewer-body")

    def action_close(self) -> None:
        self.dismiss(None)


def history_text(events: list[dict[str, Any]]) -> Text:
    out = Text(end="")
    for e in events:
        out.append(f"{e['at'][:19].replace('T', ' ')}  ", style="dim")
        out.append(f"{e['reviewer']:<12} ", style="bold")
        out.append(f"{e['action']:<9} ")
        out.append(change_summary(e, width=2000))  # a 10 MB note is cut here as in `history`
        out.append("\n")
    return out


def conflict_text(current: dict[str, Any], attempted: dict[str, Any]) -> Text:
    out = Text(end="")
    out.append("Another reviewer changed this claim after you opened it. Nothing of yours was saved;\n"
               "what you typed is kept — press the same key again to retry.\n\n")
    out.append(f"Theirs (version {current['version']}, {current['reviewer']}, {current['updated_at']}):\n",
               style="bold")
    for key in ("verdict", "status", "note"):
        out.append(f"  {key}: {current.get(key)!r}\n")
    out.append("\nYours:\n", style="bold")
    for key, value in attempted.items():
        if key != "search_text":
            out.append(f"  {key}: {value!r}\n")
    return out
