"""Triage of one article's claims: in which order they are listed, which are shown, and where the cursor
goes next (the next unreviewed claim; the next claim after a verdict or a reject). The review screen
holds a TriageView and asks these functions; the order itself is the store's (CLAIM_ORDERS)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from .text import plain

# o cycles through these, in this order
SORTS = ("position", "worthiness", "kind", "verdict")
SORT_NAMES = {"position": "article order", "worthiness": "check-worthiness", "kind": "kind",
              "verdict": "verdict"}
NOT_REVIEWED, REJECTED = "—not reviewed", "—rejected"  # verdict filters that are not verdicts on the scale


def claim_name(claim_id: int, text: str, width: int = 50) -> str:
    """How a toast names a claim: claim #119 “£12 billion ($18.2 billion)…”."""
    text = " ".join(text.split())
    return f"claim #{claim_id} “{text if len(text) <= width else text[:width - 1] + '…'}”"


def unreviewed(claim: dict[str, Any]) -> bool:
    """Still to do: no verdict and not rejected."""
    return claim["status"] == "open"


@dataclass(frozen=True)
class TriageView:
    """What the claim list shows: its order, an optional kind and verdict, and whether only unreviewed."""

    sort: str = "position"
    kind: str | None = None
    verdict: str | None = None  # a verdict key, NOT_REVIEWED or REJECTED
    unreviewed_only: bool = False

    def next_sort(self) -> TriageView:
        return replace(self, sort=SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)])

    def shows(self, claim: dict[str, Any]) -> bool:
        if self.kind and claim["kind"] != self.kind:
            return False
        if self.unreviewed_only and not unreviewed(claim):
            return False
        if self.verdict == NOT_REVIEWED:
            return unreviewed(claim)
        if self.verdict == REJECTED:
            return claim["status"] == "rejected"
        return self.verdict is None or claim["verdict"] == self.verdict

    @property
    def filtered(self) -> bool:
        return bool(self.kind or self.verdict or self.unreviewed_only)

    def describe(self, labels: dict[str, str]) -> str:
        """"by check-worthiness · money · unreviewed only": for the title bar and the toasts."""
        parts = [f"by {SORT_NAMES[self.sort]}"]
        if self.kind:
            parts.append(f"kind {self.kind}")
        if self.verdict:
            parts.append(self.verdict.lstrip("—") if self.verdict in (NOT_REVIEWED, REJECTED)
                         else f"verdict {labels.get(self.verdict, self.verdict)}")
        if self.unreviewed_only:
            parts.append("unreviewed only")
        return " · ".join(parts)


def next_unreviewed(claims: list[dict[str, Any]], index: int) -> int | None:
    """The first unreviewed claim after `index` in the list's order, wrapping round to the top; None when
    every claim listed is done (the one at `index` counts last, so a lone unreviewed claim is found)."""
    count = len(claims)
    for step in range(1, count + 1):
        at = (index + step) % count
        if unreviewed(claims[at]):
            return at
    return None


def advance_after_action(claims: list[dict[str, Any]], index: int, view: TriageView) -> int | None:
    """Where the cursor goes after a verdict or a reject on the claim at `index`: the next row in the
    list's order, or with unreviewed-only on, the next one still to do. None at the end of the list."""
    if view.unreviewed_only:
        found = next_unreviewed(claims, index)
        return None if found is None or found == index else found
    return index + 1 if index + 1 < len(claims) else None


@dataclass(frozen=True)
class FilterChoice:
    """One line of the filter picker: a kind, a verdict, or clearing both (field None)."""

    field: str | None  # "kind", "verdict" or None to clear
    value: str | None


class FilterPicker(ModalScreen[FilterChoice | None]):
    """F: narrow the list to one kind or one verdict (pick again to add the other); the counts are
    this article's."""

    BINDINGS = [Binding("escape", "dismiss_none", "Cancel", id="filter.cancel")]

    def __init__(self, claims: list[dict[str, Any]], verdicts: list[dict[str, Any]], view: TriageView):
        super().__init__()
        self.choices: list[FilterChoice] = [FilterChoice(None, None)]
        lines = ["All claims (clear the kind and verdict filters)"]
        kinds = Counter(c["kind"] for c in claims)
        for kind in sorted(kinds):
            self.choices.append(FilterChoice("kind", kind))
            lines.append(f"kind: {kind}  ({kinds[kind]})" + ("  ✓" if view.kind == kind else ""))
        given = Counter(c["verdict"] for c in claims if c["verdict"])
        for key, label, count in [(NOT_REVIEWED, "not reviewed", sum(map(unreviewed, claims))),
                                  *[(v["key"], v["label"], given[v["key"]]) for v in verdicts],
                                  (REJECTED, "rejected", sum(c["status"] == "rejected" for c in claims))]:
            self.choices.append(FilterChoice("verdict", key))
            lines.append(f"verdict: {label}  ({count})" + ("  ✓" if view.verdict == key else ""))
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Show only — Enter picks, Esc cancels", id="dialog-title")
            yield OptionList(*[Option(plain(line)) for line in self.lines], id="filters")

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[event.option_index])

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


def apply_choice(view: TriageView, choice: FilterChoice) -> TriageView:
    if choice.field is None:
        return replace(view, kind=None, verdict=None)
    return replace(view, **{choice.field: choice.value})
