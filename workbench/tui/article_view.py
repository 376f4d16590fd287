"""The article pane: a read-only TextArea that paints every claim and quote span by kind and status."""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import replace

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from .steady_scrollbars import SteadyScrollbars

KIND_STYLES = {
    "quote": Style(color="cyan", italic=True),
    "money": Style(color="green", bold=True),
    "percent": Style(color="green", bold=True),
    "date": Style(color="magenta"),
    "duration": Style(color="magenta"),
    "manual": Style(color="yellow", bold=True),
}
DEFAULT_STYLE = Style(color="bright_blue", bold=True)
REVIEWED = Style(underline=True)
REJECTED = Style(dim=True, strike=True)


# The legend (key l): what each colour in the text means, grouped as the styles are.
LEGEND_KINDS = [("quote", "quotes"), ("money", "money, percent"), ("date", "dates, durations"),
                ("manual", "added by hand"), (None, "other figures")]


def legend_text(selection: Style) -> Text:
    """The legend as one line of samples, each painted in the style it names."""
    out = Text(end="")
    out.append("Legend  ", style="bold")
    for kind, label in LEGEND_KINDS:
        out.append(label, style=KIND_STYLES.get(kind, DEFAULT_STYLE) if kind else DEFAULT_STYLE)
        out.append("  ")
    out.append("│  ", style="dim")
    out.append("reviewed", style=DEFAULT_STYLE + REVIEWED)
    out.append("  ")
    out.append("rejected", style=DEFAULT_STYLE + REJECTED)
    out.append("  ")
    out.append("selected claim", style=selection)
    out.append("   l hides", style="dim")
    return out


class _Paragraph(Text):
    """A styled article line that remembers how it was last cut into screen rows.

    TextArea paints a soft-wrapped line one screen row at a time and cuts the whole line into rows
    for each (Text.divide): a 12,000-character paragraph on 45 rows was cut 45 times per paint. The
    cut depends only on the text, its styles (claims, selection, cursor) and the wrap offsets, so the
    rows of one paint share one cut.
    """

    __slots__ = ("_cuts",)

    @classmethod
    def copy_of(cls, styled: Text, cuts: dict) -> _Paragraph:
        """A copy without rich's control-code scan of the whole paragraph (Text() does one per copy, and
        per pad_right below): `styled` was made by Text() once, so its text is already clean."""
        copy = cls.__new__(cls)
        copy._text, copy._length, copy._spans = [styled.plain], len(styled), styled._spans[:]
        copy.style, copy.justify, copy.overflow, copy.no_wrap = styled.style, None, None, True
        copy.end, copy.tab_size, copy._cuts = styled.end, None, cuts
        return copy

    def pad_right(self, count: int, character: str = " ") -> None:
        if count:  # TextArea pads every line by one cell for the cursor
            self._text, self._length = [self.plain + character * count], self._length + count

    def divide(self, offsets):
        key = (self.plain, tuple(offsets), tuple(self._spans), self.style, self.end)
        rows = self._cuts.get(key)
        if rows is None:
            rows = super().divide(offsets)
            if len(self._cuts) >= 8:
                self._cuts.pop(next(iter(self._cuts)))
            self._cuts[key] = rows
        return rows


# The workbench's own keys, which TextArea would otherwise take while the text has focus
# (ctrl+z is its undo, ctrl+e its end of line).
_WORKBENCH_KEYS = {"ctrl+z", "ctrl+e"}


def _reading_keys() -> list[Binding]:
    """TextArea's keys (inherited ones included) for a read-only pane: without the workbench's own keys,
    and marked as system keys so that `?` lists the reviewer's actions rather than twenty cursor moves."""
    keys = []
    for cls in reversed(TextArea.__mro__):
        for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])):
            left = [k for k in binding.key.split(",") if k.strip() not in _WORKBENCH_KEYS]
            if left:
                keys.append(replace(binding, key=",".join(left), system=True))
    return keys


class ArticleView(SteadyScrollbars, TextArea, inherit_bindings=False):
    """Read-only article text; `spans` are (start, end, kind, status) offsets into the body."""

    BINDINGS = _reading_keys()

    def __init__(self, body: str, **kwargs):
        super().__init__(body, read_only=True, soft_wrap=True, show_line_numbers=False, **kwargs)
        self.body = body
        self._line_starts = [0]
        for i, ch in enumerate(body):
            if ch == "\n":
                self._line_starts.append(i + 1)
        self._styles: dict[int, list[tuple[int, int, Style]]] = defaultdict(list)
        # styled lines, built once per set_spans: TextArea asks for a paragraph once per screen row it
        # wraps to, so a 300-claim paragraph would be rebuilt and re-stylized ~45 times a paint
        self._styled: dict[int, Text] = {}
        self._cuts: dict = {}  # shared by the _Paragraph copies: a line's last few cuts into rows

    def set_spans(self, spans: list[tuple[int, int, str, str]],
                  changed: tuple[int, int] | None = None) -> None:
        """Paint these spans. `changed`: only the span at these offsets looks different (a verdict, a
        reject), so only its lines are painted again; the rest of the text keeps its painted lines."""
        self._styles.clear()
        for start, end, kind, status in spans:
            style = KIND_STYLES.get(kind, DEFAULT_STYLE)
            if status == "rejected":
                style = style + REJECTED
            elif status == "reviewed":
                style = style + REVIEWED
            (row0, col0), (row1, col1) = self.location(start), self.location(end)
            for row in range(row0, row1 + 1):
                a = col0 if row == row0 else 0
                b = col1 if row == row1 else len(self.document.get_line(row))
                self._styles[row].append((a, b, style))
        if changed is None:
            self._styled.clear()
            # TextArea keeps painted lines keyed by the selection, not by our styles: without this a
            # verdict's underline showed only once the selection moved
            self._line_cache.clear()
        else:
            (row0, _), (row1, col1) = self.location(changed[0]), self.location(changed[1])
            for row in range(row0, row1 + 1):
                self._styled.pop(row, None)
            # the screen rows of those lines (soft-wrapped): their painted lines go, the others stay
            # (TextArea.render_line's cache key holds the screen row third, in Textual 8.2)
            y0 = self.wrapped_document.location_to_offset((row0, 0)).y
            y1 = self.wrapped_document.location_to_offset((row1, len(self.document.get_line(row1)))).y
            for key in [key for key in self._line_cache.keys() if y0 <= key[2] <= y1]:
                self._line_cache.discard(key)
            # and only those rows go to the terminal: the whole pane was ~3,600 cells of a verdict's frame
            self.refresh_lines(y0, y1 - y0 + 1)
            return
        self.refresh()

    def get_line(self, line_index: int) -> Text:
        styled = self._styled.get(line_index)
        if styled is None:
            styled = super().get_line(line_index)
            for a, b, style in self._styles.get(line_index, ()):
                styled.stylize(style, a, b)
            self._styled[line_index] = styled
        if len(styled) < 400:
            return styled.copy()  # the caller adds the selection and cursor to its copy
        return _Paragraph.copy_of(styled, self._cuts)

    def location(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self._line_starts, offset) - 1
        return row, offset - self._line_starts[row]

    def offset(self, location: tuple[int, int]) -> int:
        row, col = location
        return self._line_starts[min(row, len(self._line_starts) - 1)] + col

    def show_span(self, start: int, end: int) -> None:
        """Select the span and scroll it to the middle of the pane."""
        self.selection = Selection(self.location(start), self.location(end))
        self.scroll_cursor_visible(center=True)

    def selected_span(self) -> tuple[int, int] | None:
        a, b = sorted((self.offset(self.selection.start), self.offset(self.selection.end)))
        return (a, b) if b > a else None
