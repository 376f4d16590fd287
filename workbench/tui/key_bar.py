"""The footer: every active key, painted by one widget, on as many lines as it needs (two at most).

Textual's Footer builds one widget per key and rebuilds them all whenever focus or the screen
changes; on the review screen (20 keys) that cost ~200 ms of every open, and keys past the right
edge were not shown. This bar keeps the look and click-to-press, renders lines of text, and wraps
between keys; `?` (all keys), `/`, ctrl+e and a review pass's keys come first so they are never the
ones cut off."""
from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget

MAX_LINES = 2
# Keys shown first, in this order, so that a narrow terminal never cuts them off: help, search, export,
# then a review pass's own keys (judge, reject, note, source; sort, next unreviewed, unreviewed only,
# filter). At 80 columns the two lines end about there; the rest stay in `?` and the palette.
FIRST = {key: rank for rank, key in enumerate(
    ["question_mark", "slash", "ctrl+e", "v", "x", "n", "s", "o", "u", "U", "F"])}


@dataclass(frozen=True)
class KeyEntry:
    key: str
    shown: str  # " ^e Export "
    key_width: int
    enabled: bool


class KeyBar(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        max-height: 2;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-bar--key { color: $footer-key-foreground; background: $footer-key-background; text-style: bold; }
        & > .key-bar--description { color: $footer-description-foreground;
                                    background: $footer-description-background; }
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._hits: list[tuple[int, int, int, str, bool]] = []  # (line, x0, x1, key, enabled)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self._bindings_changed())

    def _bindings_changed(self) -> None:
        """Repaint; lay the screen out again only if the bar's height changes (a layout repaints every
        widget, the article text included, and bindings change on every focus move and screen change)."""
        self.refresh(layout=self._height(self.size.width or 80) != self.size.height)

    def _height(self, width: int) -> int:
        """Lines needed; while a layer holds the keys (the verdict picker: one key, Esc) the bar keeps the
        height it had, or opening and closing the picker would each lay out and repaint the whole screen."""
        needed = len(self._lines(width))
        if getattr(self.screen, "key_layer", None) is not None:
            return max(needed, self.size.height)
        return needed

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _entries(self) -> list[KeyEntry]:
        entries: list[KeyEntry] = []
        seen: set[str] = set()
        layer = getattr(self.screen, "key_layer", None)  # an open layer that takes every key: its keys only
        if layer is not None:
            active = [(binding, True) for _key, binding in layer.keys()]
        else:
            active = [(binding, enabled) for _node, binding, enabled, _ in self.screen.active_bindings.values()]
        for binding, enabled in active:
            if not binding.show or binding.action in seen:
                continue  # one entry per action, as the Footer does ("q,escape" shows once)
            seen.add(binding.action)
            key = f" {self.app.get_key_display(binding)} "
            entries.append(KeyEntry(binding.key, key + (f"{binding.description} " if binding.description else ""),
                                    len(key), enabled))
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if (palette is not None and layer is None and self.app.ENABLE_COMMAND_PALETTE
                and palette.binding.action not in seen):
            key = f" {self.app.get_key_display(palette.binding)} "
            entries.append(KeyEntry(palette.binding.key, key + "palette ", len(key), True))
        entries.sort(key=lambda e: FIRST.get(e.key, len(FIRST)))
        return entries

    def _lines(self, width: int) -> list[list[KeyEntry]]:
        lines: list[list[KeyEntry]] = [[]]
        used = 0
        for entry in self._entries():
            if lines[-1] and used + len(entry.shown) > width:
                lines.append([])
                used = 0
            lines[-1].append(entry)
            used += len(entry.shown)
        return lines[:MAX_LINES]

    def get_content_height(self, container, viewport, width: int) -> int:
        return self._height(width)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        out = Text(end="", no_wrap=True, overflow="ellipsis")
        self._hits = []
        for y, line in enumerate(self._lines(self.size.width or 80)):
            if y:
                out.append("\n")
            x = 0
            for entry in line:
                dim = Style(dim=not entry.enabled)
                out.append(entry.shown[:entry.key_width], style=key_style + dim)
                out.append(entry.shown[entry.key_width:], style=description_style + dim)
                self._hits.append((y, x, x + len(entry.shown), entry.key, entry.enabled))
                x += len(entry.shown)
        out.stylize_before(self.rich_style)
        return out

    def on_click(self, event: events.Click) -> None:
        for y, x0, x1, key, enabled in self._hits:
            if y == event.y and x0 <= event.x < x1:
                if enabled:
                    self.app.simulate_key(key.split(",")[0])
                else:
                    self.app.bell()
                return
