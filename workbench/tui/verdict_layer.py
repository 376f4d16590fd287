"""The verdict picker, drawn on a layer of the review screen rather than as a screen of its own.

Closing a modal screen makes Textual repaint every cell of the screen below it (at 160x48 an 18 KB
frame, then two more full frames), and the terminal has to take all of that in before the rated row
shows. A layer that hides repaints only the cells it covered and the row. Digits rate, Enter picks the
highlighted rating, Esc cancels; while it is open it holds every key, as a modal screen would."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from .text import plain

TITLE = "Verdict — press its number, or Enter on it; Esc cancels"


class VerdictLayer(Vertical):
    """The newsroom's scale, one key per rating; `open` shows it over the screen, and the rating (or None
    for Esc) goes to the callback once it is closed again and the focus is back where it was."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="verdict.cancel")]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._verdicts: list[dict[str, Any]] = []
        self._on_pick: Callable[[str | None], None] | None = None
        self._return_to: Widget | None = None

    def compose(self) -> ComposeResult:
        yield Label(TITLE, id="dialog-title")
        yield OptionList(id="verdicts")  # one line per rating (#verdicts in workbench.tcss)

    @property
    def is_modal(self) -> bool:
        """While open, the keys of the screen and the app (j, q, /, ctrl+z) do not reach past it: Textual
        stops the binding chain at a modal node, as it does at a modal screen."""
        return self.display

    @property
    def is_open(self) -> bool:
        return self.display

    def open(self, verdicts: list[dict[str, Any]], current: str | None,
             on_pick: Callable[[str | None], None]) -> None:
        """Show the scale with the claim's current rating highlighted, and take the keys."""
        ratings = self.query_one("#verdicts", OptionList)
        if verdicts != self._verdicts:  # the desk's scale: the same on every open but the first
            self._verdicts = verdicts
            ratings.set_options(Option(plain(f"{v['shortcut']}  {v['label']:<13} {v['meaning']}"), id=v["key"])
                                for v in verdicts)
        keys = [v["key"] for v in verdicts]
        ratings.highlighted = keys.index(current) if current in keys else 0
        self._on_pick = on_pick
        self._return_to = self.screen.focused
        self.display = True
        # at once, not after a refresh: "v1" typed in one burst must give the 1 to the picker
        self.screen.set_focus(ratings, scroll_visible=False)

    def close(self, key: str | None, refocus: bool = True) -> None:
        """Hide, give the focus back (before hiding: Textual would move a hidden widget's focus elsewhere),
        then hand the rating on."""
        if not self.display:
            return
        on_pick, self._on_pick = self._on_pick, None
        back, self._return_to = self._return_to, None
        if refocus and back is not None and back.is_attached:
            self.screen.set_focus(back, scroll_visible=False)
        self.display = False
        if on_pick is not None:
            on_pick(key)

    def on_key(self, event: events.Key) -> None:
        for v in self._verdicts:
            if event.character == v["shortcut"]:
                event.stop()
                self.close(v["key"])
                return

    @on(OptionList.OptionSelected, "#verdicts")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.close(event.option.id)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """A click elsewhere on the screen cancels, as clicking past a menu does. The terminal losing focus
        (nothing focused) does not: Textual gives the focus back when it returns."""
        focused = self.screen.focused
        if self.display and focused is not None and self not in focused.ancestors_with_self:
            self.close(None, refocus=False)

    def action_cancel(self) -> None:
        self.close(None)
