"""What the desk publishes with a review: the claim's summary (ClaimReview's claimReviewed), edited on `m`,
and the desk settings, shown from the command palette (set with `workbench settings set`)."""
from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from ..report.summary import SUMMARY_LIMIT, default_summary
from .text import plain


class SummaryEditor(ModalScreen[str | None]):
    """One line, with its length against Google's limit; Enter saves, an empty line goes back to the
    summary worked out from the text, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="summary.cancel")]

    def __init__(self, claim: dict[str, Any]):
        super().__init__()
        self.claim = claim
        self.default = default_summary(claim)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(plain(f"Summary of claim {self.claim['id']} as published (claimReviewed) — Enter saves, "
                              "empty goes back to the default, Esc cancels"), id="dialog-title")
            yield Input(self.claim.get("summary") or self.default, id="summary-text", select_on_focus=False)
            yield Label("", id="summary-length")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._count(self.query_one(Input).value)

    @on(Input.Changed, "#summary-text")
    def typed(self, event: Input.Changed) -> None:
        self._count(event.value)

    def _count(self, text: str) -> None:
        n = len(" ".join(text.split()))
        style = "bold red" if n > SUMMARY_LIMIT else "dim"
        self.query_one("#summary-length", Label).update(
            plain(f"{n}/{SUMMARY_LIMIT} characters" + (" — too long for Google's fact-check display"
                                                        if n > SUMMARY_LIMIT else ""), style=style))

    @on(Input.Submitted, "#summary-text")
    def save(self, event: Input.Submitted) -> None:
        text = " ".join(event.value.split())
        # the default typed back unchanged stays the default, so it follows a later edit of the claim's span
        self.dismiss("" if text == self.default else text)

    def action_cancel(self) -> None:
        self.dismiss(None)


def settings_text(settings: dict[str, str], scale: list[dict[str, Any]]) -> Text:
    from ..store import SETTINGS

    out = Text(end="")
    for s in SETTINGS:
        out.append(f"{s.key:<17} ", style="bold")
        out.append(settings.get(s.key) or "(not set)", style="" if settings.get(s.key) else "dim")
        out.append(f"\n  {s.meaning}\n", style="dim")
    out.append("\nRating scale (number and name published in ClaimReview)\n", style="bold")
    for v in scale:
        number = str(v["rating_value"]) if v["rating_value"] is not None else "-"
        out.append(f"  {number:>2}  {v['label']:<14} verdict.{v['key']}\n")
    out.append("\nChange them with `workbench settings set KEY VALUE`.\n", style="dim")
    return out
