"""A ScrollView that works out its own style once per paint, for widgets that paint line by line."""
from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from textual.scroll_view import ScrollView
from textual.timer import Timer

from .steady_scrollbars import SteadyScrollbars

AFTER_PAINT_LATEST_S = 0.25  # after_paint's callbacks run by then even if no paint came (nothing was due)


class PaintedView(SteadyScrollbars, ScrollView):
    """`_base_style` is the widget's `rich_style`, looked up once for all the lines of one paint:
    `rich_style` walks the DOM, and two calls a line were a third of a `j`'s paint of the list and the detail.
    Its scrollbars repaint only when its size or scrollable size changes (SteadyScrollbars)."""

    _paint_style: Style | None = None  # rich_style during a paint (render_lines)
    _after_paint: list[Callable[[], None]] | None = None
    _after_paint_timer: Timer | None = None

    def render_lines(self, crop):
        self._paint_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._paint_style = None
            if self._after_paint:
                # a paint is part of one synchronous screen update: a message runs once it is written
                self.call_later(self._run_after_paint)

    def after_paint(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the frame with this widget's next paint is written, so that what it paints
        goes in a frame of its own after that one. Textual's call_after_refresh is not that: called from a
        key handler, it often ran before the frame, since the widgets' repaints reach the screen as messages
        of their own. Run within AFTER_PAINT_LATEST_S anyway, if no paint comes."""
        if not self._after_paint:
            self._after_paint = []
            self._after_paint_timer = self.set_timer(AFTER_PAINT_LATEST_S, self._run_after_paint)
        self._after_paint.append(callback)

    def _run_after_paint(self) -> None:
        callbacks, self._after_paint = self._after_paint or [], None
        if self._after_paint_timer is not None:
            self._after_paint_timer.stop()
            self._after_paint_timer = None
        for callback in callbacks:
            callback()

    @property
    def _base_style(self) -> Style:
        return self.rich_style if self._paint_style is None else self._paint_style
