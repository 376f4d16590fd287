"""A ScrollView that works out its own style once per paint, for widgets that paint line by line."""
from __future__ import annotations

from rich.style import Style
from textual.scroll_view import ScrollView


class PaintedView(ScrollView):
    """`_base_style` is the widget's `rich_style`, looked up once for all the lines of one paint:
    `rich_style` walks the DOM, and two calls a line were a third of a `j`'s paint of the list and the detail."""

    _paint_style: Style | None = None  # rich_style during a paint (render_lines)

    def render_lines(self, crop):
        self._paint_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._paint_style = None

    @property
    def _base_style(self) -> Style:
        return self.rich_style if self._paint_style is None else self._paint_style
