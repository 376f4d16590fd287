"""Stale results: a worker's answer is applied only if no newer request of its kind was made since.

Textual's exclusive workers cancel the older ones, but a thread already running its query cannot be
stopped: it finishes and hands its rows back. Each request takes a number here; the answer carries it,
and only the newest number's answer is shown (issue 17: the library filter stuck on an old query)."""
from __future__ import annotations


class Latest:
    """Numbers the requests of one kind (a filter, a preview, a check)."""

    def __init__(self) -> None:
        self.number = 0

    def next(self) -> int:
        """A new request: every answer to an older one is stale from now on."""
        self.number += 1
        return self.number

    def is_current(self, number: int) -> bool:
        return number == self.number
