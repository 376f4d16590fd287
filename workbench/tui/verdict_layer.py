"""The verdict picker, drawn on a layer of the review screen rather than as a screen of its own.

Closing a modal screen makes Textual repaint every cell of the screen below it (at 160x48 an 18 KB
frame, then two more full frames), and the terminal has to take all of that in before the rated row
shows. A layer that hides repaints only the cells it covered and the row. It does not take the focus
either: a focus move restyles and repaints the whole widget that loses it and the one that gains it (the
claim list, twice per verdict). While it is open the app hands it every key (`take_key`): digits rate,
Enter picks the highlighted rating, the arrows move, Esc cancels, and the screen's keys wait."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Vertical
from textual.geometry import Size
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from .text import plain

# where the closed picker waits: below the screen's edge rather than display: none, so that it stays laid
# out at its size and the first v takes one frame, not two (the second, 40-60 ms later, sized it)
OUT_OF_SIGHT = (0, 1000)  # (as in workbench.tcss)

TITLE = "Verdict — press its number, or Enter on it; Esc cancels"
# keys the ratings list takes while the picker is open (it is never focused: see the module's docstring)
LIST_KEYS = {"up": "cursor_up", "down": "cursor_down", "home": "first", "end": "last",
             "pageup": "page_up", "pagedown": "page_down", "enter": "select"}


class Ratings(OptionList):
    """The scale's options. Shown again, the list gets a Resize from Textual's layout (it counts as newly
    shown) even at the size it had, and OptionList threw its rendered options away and painted itself
    again: a frame of its own (2.5 KB) 30-60 ms after each v, about when the rating key comes."""

    _rendered_at: Size | None = None

    def _on_resize(self, event: events.Resize) -> None:
        if self.size == self._rendered_at:
            event.prevent_default()  # OptionList's own handler (called after this one) is not needed
        self._rendered_at = self.size


class VerdictLayer(Vertical):
    """The newsroom's scale, one key per rating; `open` shows it over the screen, and the rating (or None
    for Esc) goes to the callback once it is closed again."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="verdict.cancel")]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._verdicts: list[dict[str, Any]] = []
        self._on_pick: Callable[[str | None], None] | None = None
        self._open = False

    def compose(self) -> ComposeResult:
        yield Label(TITLE, id="dialog-title")
        ratings = Ratings(id="verdicts")  # one line per rating (#verdicts in workbench.tcss)
        ratings.can_focus = False  # a click picks a rating without taking the focus from the list
        yield ratings

    @property
    def is_open(self) -> bool:
        return self._open

    def set_scale(self, verdicts: list[dict[str, Any]]) -> None:
        """The desk's ratings, one option each. Given once mounted, while out of sight: the picker is then
        laid out at its size before the first v, whose open takes one frame rather than two."""
        if verdicts != self._verdicts:  # the same on every open, unless the desk changed its scale
            self._verdicts = verdicts
            self.query_one("#verdicts", OptionList).set_options(
                Option(plain(f"{v['shortcut']}  {v['label']:<13} {v['meaning']}"), id=v["key"])
                for v in verdicts)

    def open(self, verdicts: list[dict[str, Any]], current: str | None,
             on_pick: Callable[[str | None], None]) -> None:
        """Show the scale with the claim's current rating highlighted; the app hands it the keys."""
        ratings = self.query_one("#verdicts", OptionList)
        self.set_scale(verdicts)
        keys = [v["key"] for v in verdicts]
        ratings.highlighted = keys.index(current) if current in keys else 0
        self._on_pick = on_pick
        self._open = True
        self.styles.offset = (0, 0)
        self.screen.refresh_bindings()  # the key bar shows the picker's keys

    def close(self, key: str | None) -> None:
        """Hand the rating on (None: cancelled), then hide. In that order: the rated row is then marked for
        repainting before the picker's region is, and comes in the same frame (the other way round, the
        picker went in one frame and the row in the next, 50-60 ms later)."""
        if not self._open:
            return
        on_pick, self._on_pick = self._on_pick, None
        if on_pick is not None:
            on_pick(key)
        self._open = False
        self.styles.offset = OUT_OF_SIGHT
        # the key bar's own keys again a frame later: its repaint cost the row's frame ~4 ms of 30 and 1 KB
        self.call_after_refresh(self.screen.refresh_bindings)

    async def take_key(self, event: events.Key) -> None:
        """Every key typed while open: a rating's digit, the picker's own bindings (Esc, or what keymap.toml
        binds verdict.cancel to), the list's movement keys; any other key does nothing."""
        for v in self._verdicts:
            if event.character == v["shortcut"]:
                self.close(v["key"])
                return
        for binding in self.keys().key_to_bindings.get(event.key, ()):
            await self.run_action(binding.action)
            return
        action = LIST_KEYS.get(event.key)
        if action is not None:
            await self.query_one("#verdicts", OptionList).run_action(action)

    def keys(self) -> BindingsMap:
        """The picker's bindings with the reviewer's keymap.toml applied, as Textual does on a screen."""
        bindings = self._bindings.copy()
        if self.app._keymap:
            bindings.apply_keymap(self.app._keymap)
        return bindings

    @on(OptionList.OptionSelected, "#verdicts")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.close(event.option.id)

    def action_cancel(self) -> None:
        self.close(None)
