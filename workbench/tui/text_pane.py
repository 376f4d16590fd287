"""The detail pane: a scrollable block of rich Text painted line by line (the line API).

It was a Static in a VerticalScroll; each new claim changed the Static's height, and a height change lays
out the whole screen again, repainting the soft-wrapped article too (~60 ms at 160x48 of every j). Here
new text re-wraps and repaints this pane only: its scrollable height is a virtual size, not a layout."""
from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.strip import Strip

from .painted_view import PaintedView


class TextPane(PaintedView, can_focus=True):
    DEFAULT_CSS = "TextPane { overflow-y: scroll; overflow-x: hidden; }"
    BINDINGS = [
        Binding("up", "scroll_up", "Up", show=False),
        Binding("down", "scroll_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._text = Text(end="")
        self._lines: list[Text] = []
        self._width = 0
        self._rewrap_due = False

    @property
    def content(self) -> Text:
        """The text shown (all of it, not only the lines on screen)."""
        return self._text

    def update(self, text: Text) -> None:
        self._text = text
        self._wrap()
        self.refresh()

    def _wrap(self) -> None:
        self._rewrap_due = False
        width = self.scrollable_content_region.width
        self._width = width
        self._lines = list(self._text.wrap(self.app.console, width)) if width > 0 else []
        for line in self._lines:
            line.end = ""
        size = Size(width, len(self._lines))
        if size == self.virtual_size:
            return
        # A new height without a layout (virtual_size is a layout reactive: assigning it lays out the whole
        # screen). Safe because the scrollbar is always there (overflow-y: scroll), so the width never
        # changes with the height; Textual does the same in Widget._size_updated(layout=False).
        self.set_reactive(TextPane.virtual_size, size)
        self._scroll_update(size)
        if self.scroll_y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self._rewrap()

    def _rewrap(self) -> None:
        """At a new width: the resize's frame has painted the old lines, so paint again (without the
        refresh the pane kept lines wrapped for the old width until the next claim)."""
        self._wrap()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._width and not self._rewrap_due:
            self._rewrap_due = True
            self.call_later(self._rewrap)  # resized: wrap again after this paint
        index = round(self.scroll_y) + y
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, self._base_style)
        line = self._lines[index]
        strip = Strip(list(line.render(self.app.console)), line.cell_len)
        return strip.adjust_cell_length(width, self._base_style).apply_style(self._base_style)
