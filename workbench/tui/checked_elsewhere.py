"""'Checked elsewhere': other outlets' fact-checks matched to the claim on show. A few lines for the
review screen's detail pane, and a list (w) where one key attaches a check as a source with the
stance the reviewer picks (s supports, r refutes, c context), keeping its URL and rating."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from ..store.factchecks import rating_text
from .text import plain

SHOWN_IN_DETAIL = 3


def check_line(check: dict[str, Any], width: int = 70) -> Text:
    """outlet, rating, date and claimReviewed of one check, as literal text (the check is data)."""
    line = Text(end="")
    line.append(plain(check["outlet"] or "Another outlet", style="bold"))
    line.append(plain(f" — {rating_text(check)}"))
    line.append(plain(f" — {check['review_date'] or 'undated'}", style="dim"))
    if check.get("attached"):
        line.append(plain("  ✓ attached", style="green"))
    claim = check["claim_reviewed"]
    line.append(plain(f"\n    “{claim if len(claim) <= width else claim[:width - 1] + '…'}”", style="italic"))
    return line


def detail_section(checks: list[dict[str, Any]]) -> Text:
    """The detail pane's part: matches newest first; a check that reads alike but is of another figure or
    year is named with that difference, never as a match."""
    out = Text(end="")
    matches = [c for c in checks if not c["differs"]]
    different = [c for c in checks if c["differs"]]
    if matches:
        out.append(f"Checked elsewhere ({len(matches)}; w lists them, attaches one as a source):\n", style="bold")
        for check in matches[:SHOWN_IN_DETAIL]:
            out.append("  ")
            out.append(check_line(check))
            out.append("\n")
        if len(matches) > SHOWN_IN_DETAIL:
            out.append(f"  … {len(matches) - SHOWN_IN_DETAIL} more (w)\n", style="dim")
    for check in different[:SHOWN_IN_DETAIL]:
        out.append("Not checked elsewhere: ", style="bold yellow")
        out.append(plain(f"{check['outlet'] or 'another outlet'} checked a claim like it with {check['differs']}",
                         style="yellow"))
        out.append(plain(f" (“{check['claim_reviewed'][:70]}”)\n", style="yellow"))
    return out


@dataclass(frozen=True)
class Attach:
    factcheck_id: int
    stance: str


STANCE_KEYS = {"s": "supports", "r": "refutes", "c": "context"}


class CheckedElsewhereList(ModalScreen[Attach | None]):
    """Every outside check of one claim; s, r or c attaches the highlighted one with that stance."""

    BINDINGS = [Binding("escape,q", "close", "Close", id="checked_elsewhere.close"),
                Binding("s", "attach('supports')", "Attach: supports", id="checked_elsewhere.supports"),
                Binding("r", "attach('refutes')", "Attach: refutes", id="checked_elsewhere.refutes"),
                Binding("c", "attach('context')", "Attach: context", id="checked_elsewhere.context")]

    def __init__(self, claim_text: str, checks: list[dict[str, Any]]):
        super().__init__()
        self.claim_text = claim_text
        self.checks = checks

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(plain(f"Checked elsewhere: “{self.claim_text[:60]}” — s supports, r refutes, c context "
                              "attaches the check as a source; Esc closes"), id="dialog-title")
            options = []
            for check in self.checks:
                line = Text(end="")
                if check["differs"]:
                    line.append(plain(f"≠ {check['differs']}\n  ", style="yellow"))
                line.append(check_line(check))
                line.append(plain(f"\n    {check['review_url']}", style="dim"))
                options.append(Option(line, id=str(check["id"])))
            yield OptionList(*options, id="checks")

    def action_attach(self, stance: str) -> None:
        options = self.query_one("#checks", OptionList)
        if options.highlighted is None or not self.checks:
            self.notify("No fact-check to attach", severity="warning")
            return
        self.dismiss(Attach(self.checks[options.highlighted]["id"], stance))

    def action_close(self) -> None:
        self.dismiss(None)
