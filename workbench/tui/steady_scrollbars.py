"""Scroll views whose scrollbars are repainted only when what they show changes.

Textual 8.2 lays out a whole screen whenever any widget shows, hides or changes height (the verdict
picker, a toast, the key bar). Each layout hands every ScrollView its viewport as its "virtual size",
which never equals the scroll view's own, so each scroll view took the layout as a resize and repainted
its scrollbars whole: on the review screen three scrollbars, 84 lines, ~8 ms of a verdict's frame, and a
frame of their own after every later layout (the toast's, the key bar's)."""
from __future__ import annotations

from textual.geometry import Size


class SteadyScrollbars:
    """Mix into a ScrollView subclass (before it): a layout that leaves the widget's size and container as
    they were, with its scrollbars already sized for its own virtual size, is not passed on."""

    _laid_out: tuple[Size, Size] | None = None  # (size, container size) of the last layout passed on
    _scrollbars_for: Size | None = None  # the virtual size the scrollbars were last sized for

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size,
                      layout: bool = True) -> bool:
        if (size, container_size) == self._laid_out and size == self._size \
                and self.virtual_size == self._scrollbars_for:
            return False  # what ScrollView returns for an unchanged size and container
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        self._laid_out = (size, container_size)
        return resized

    def _scroll_update(self, virtual_size: Size) -> None:
        """(Also called by a widget that sets its own virtual size without a layout: TextPane.)"""
        super()._scroll_update(virtual_size)
        self._scrollbars_for = virtual_size
